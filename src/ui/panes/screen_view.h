/* SPDX-License-Identifier: MIT */
/* screen_view.h - which part of the guest's text screen the pane shows,
 * and the pane's title that says so.
 *
 * A page is 80x25 (or 40x25) cells, and a pane in an 80x24 terminal is
 * smaller than that. The part shown follows the hardware cursor the way
 * an editor follows its own: it stays put while the cursor is inside and
 * moves just enough when the cursor leaves, so typing does not make the
 * picture jump; with the cursor hidden it stays where it was. When the
 * pane changes size (a zoom, a resize) it starts again from the top-left,
 * as far as the cursor allows. Pure: tested without a terminal.
 */
#ifndef KVMTUI_SCREEN_VIEW_H
#define KVMTUI_SCREEN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "text_screen.h"

struct screen_view {
	int top, left;   /* the first row and column shown */
	int rows, cols;  /* how many are shown */
	bool part;       /* less than the whole page */
};

/* The page's size, as the pane must trust it: at most TEXT_SCREEN_COLS x
 * TEXT_SCREEN_ROWS whatever the header says. */
int screen_view_cols(const struct text_screen *s);
int screen_view_rows(const struct text_screen *s);

/* Fits the page into an inner w x h. *v holds the last frame's view on
 * entry (zeroed at first), this frame's on return. */
void screen_view_fit(struct screen_view *v, const struct text_screen *s, int w, int h);

struct screen_title_info {
	const struct text_screen *page;
	const struct screen_view *view;
	bool keys_here; /* typed keys go to the guest from this pane (focused, live) */
	bool utf8;      /* "·" and "→" rather than "-" and "->" */
	int room;       /* columns the frame leaves for the title */
};

/* "1 screen 80x25 mode 03h" (without the mode where that leaves room for
 * the part shown), then as much as fits of: "not used yet",
 * the part shown ("rows 3-13, cols 0-37", or only the axis cut), where keys go ("keys → 8042"),
 * and the counts ("dirty pages 12, refreshes 30"). */
void screen_view_title(char *buf, size_t n, const struct screen_title_info *info);

#endif
