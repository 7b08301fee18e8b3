/* tui.h - the terminal UI: the program hands it the seam and a theme.
 *
 * The UI reads the VM only through the seam (ring, snapshot, counters,
 * kstats, control, input queue) and never includes KVM headers.
 */
#ifndef KVMTUI_TUI_H
#define KVMTUI_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "seam.h"
#include "theme.h"

struct tui_config {
	const char *guest_name;  /* shown in the title */
	const char *image_kind;  /* "boot sector", "flat", "ELF64" */
	const char *start_mode;  /* "real", "long", ... as started */
	uint64_t mem_size;
	const struct theme *theme;
	bool use_color;          /* false: mono look (NO_COLOR, --no-color, no colours) */
};

/* Runs until the user quits. Restores the terminal on every way out
 * (quit, error, SIGINT/SIGTERM). Returns the process exit status. */
int tui_run(struct seam *seam, const struct tui_config *cfg);

#endif
