/* SPDX-License-Identifier: MIT */
/* layout.h - where each pane goes for a terminal size.
 *
 * Full layout from 80x24: serial console over the exit log on the left,
 * registers over statistics on the right, the key bar at the bottom; larger
 * terminals widen both columns. Compact layout below that: serial over the
 * exit log only (registers and statistics a zoom away). Under the compact
 * minimum: nothing but a "terminal too small" message. Pure.
 */
#ifndef KVMTUI_LAYOUT_H
#define KVMTUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_FULL_COLS 80
#define LAYOUT_FULL_LINES 24
#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_LINES 10
#define LAYOUT_LOG_KEEP 8 /* the exit log's rows, frame included, that pane 1 leaves it */

enum pane_id { PANE_SERIAL, PANE_REGS, PANE_EXITS, PANE_STATS, PANE_COUNT };

enum layout_kind { LAYOUT_FULL, LAYOUT_COMPACT, LAYOUT_ZOOM, LAYOUT_TOO_SMALL };

struct rect {
	int y, x, h, w;
};

struct layout {
	enum layout_kind kind;
	int cols, lines;
	bool shown[PANE_COUNT];
	struct rect pane[PANE_COUNT]; /* including the frame */
	struct rect status;           /* the key bar, one line */
};

/* Width of the right column (registers, statistics) for a terminal width;
 * the register pane's wanted height depends on it. */
int layout_right_width(int cols);

/* zoom: a pane to show alone, or PANE_COUNT for none. regs_rows: the text
 * rows the register pane would like (frame excluded). */
void layout_compute(struct layout *l, int cols, int lines, enum pane_id zoom, int regs_rows);

/* Pane 1 would like `rows` text rows: the guest's 25-row screen is in its
 * place. In the full and compact layouts it grows towards that (never
 * shrinks), taking rows from the exit log below, which keeps at least
 * LAYOUT_LOG_KEEP rows or 3/10 of the height, whichever is more. */
void layout_grow_first(struct layout *l, int rows);

/* "terminal too small: need 40x10, have 30x8". */
void layout_too_small_text(char *buf, size_t n, int cols, int lines);

#endif
