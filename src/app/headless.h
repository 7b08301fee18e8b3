/* SPDX-License-Identifier: MIT */
/* headless.h - the console without a UI: serial to stdout, stdin to the guest. */
#ifndef KVMTUI_HEADLESS_H
#define KVMTUI_HEADLESS_H

#include <stddef.h>
#include <stdio.h>

#include "options.h"
#include "seam.h"

/* What the headless console needs before the guest runs: opened up front so
 * that failing to get it is a setup error, never a guest that ran anyway. */
struct headless_setup {
	int sigfd;   /* SIGINT/SIGTERM/SIGHUP, blocked in every thread; -1 if none */
	FILE *trace; /* --trace FILE, or NULL */
	const char *kstats_why; /* why KVM's own counters cannot be read (--stats says), or NULL */
	bool input_from_guest;  /* stdin goes where the guest first reads (the BIOS, no --keyboard) */
};

/* Call before the vCPU thread starts (it inherits the blocked signals).
 * 0, or -1 with the reason in err and nothing left open. */
int headless_prepare(const struct cli_options *o, struct headless_setup *s, char *err, size_t errlen);
/* Closes what headless_prepare opened, when headless_run will not. */
void headless_discard(struct headless_setup *s);
/* Runs until the guest stops or a bound is reached; returns the exit status.
 * Takes over s and closes what it holds. */
int headless_run(struct seam *seam, const struct cli_options *o, struct headless_setup *s);

#endif
