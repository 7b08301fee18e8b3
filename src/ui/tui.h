/* SPDX-License-Identifier: MIT */
/* tui.h - the terminal UI: the program hands it the seam and a theme.
 *
 * The UI reads the VM only through the seam (ring, snapshot, counters,
 * kstats, control, input queue) and never includes KVM headers.
 */
#ifndef KVMTUI_TUI_H
#define KVMTUI_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "disasm.h"
#include "key_stream.h"
#include "seam.h"
#include "theme.h"

struct tui_config {
	const char *guest_name;  /* shown in the title */
	const char *image_kind;  /* "boot sector", "flat", "ELF64" */
	const char *start_mode;  /* "real", "long", ... as started */
	uint64_t mem_size;
	const char *irqchip;     /* live: "user", "kernel (KVM's PIC, PIT)"; NULL in a replay */
	const struct theme *theme;
	bool use_color;          /* false: mono look (NO_COLOR, --no-color, no colours) */
	enum input_target keys_to; /* where typed keys go at first (--keyboard; K switches) */
	const char *kstats_why;  /* live: why KVM's own counters cannot be read, or NULL */
	enum disasm_syntax syntax; /* the code view's syntax at first (--syntax; y switches) */
	const char *guest_file;  /* the guest file loaded (a replay's: the one found), for its
				  * source lines (NAME.elf beside it); NULL or "": none */

	/* A replay (kvm-tui --replay FILE): the events come from a recording
	 * through the same seam, so only the title, the status bar and the
	 * replay's own keys (step back, go to, pace, loop) need to know. */
	const char *replay_file;     /* non-NULL: this is a replay of that file */
	uint64_t replay_exits;       /* exits in the recording (0: unknown) */
	uint64_t replay_duration_ns; /* how long the recorded run lasted (0: unknown) */
	bool replay_truncated;       /* the file ends mid-block: the run was killed */
	bool replay_loop;            /* start over at the end (start value; l toggles) */

	/* Called once the terminal is set up, before the first frame: the
	 * program confines the console thread there (the sandbox). */
	void (*on_ready)(void);
};

/* Runs until the user quits. Restores the terminal on every way out
 * (quit, error, SIGINT/SIGTERM). Returns the process exit status. */
int tui_run(struct seam *seam, const struct tui_config *cfg);
/* Async-signal-safe: gives the terminal back if the TUI has it (for a crash
 * handler elsewhere, such as the sandbox's). */
void tui_restore_terminal_now(void);

#endif
