/* SPDX-License-Identifier: MIT */
/* mem_dump.h - --dump ADDR:LEN: guest memory after a headless run.
 *
 * The ranges are handed to the vCPU before it starts (mem_view.h); it
 * reads them as the guest stops for good, with the registers it stopped
 * with (so ss:sp is the final stack); they are printed once the vCPU
 * thread has ended, in hexdump -C's layout, "??" for what could not be
 * read. */
#ifndef KVMTUI_MEM_DUMP_H
#define KVMTUI_MEM_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "options.h"
#include "seam.h"

struct mem_dumps {
	struct mem_dump dump[MEM_DUMPS_MAX];
	unsigned n;
};

/* Allocates the ranges and gives them to the seam (before vm_start).
 * 0, or -1 with the reason in err. */
int mem_dumps_prepare(struct mem_dumps *d, const struct cli_options *o, struct seam *seam, char *err,
		      size_t errlen);
/* After vm_stop: each range to out; a range never read (or a replay
 * without its guest) is said on err. 0, or -1 if one could not be shown. */
int mem_dumps_print(const struct mem_dumps *d, const struct cli_options *o, FILE *out, FILE *err);
void mem_dumps_free(struct mem_dumps *d);

#endif
