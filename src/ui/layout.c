/* SPDX-License-Identifier: MIT */
/* layout.c - pane rectangles for a terminal size (see layout.h). */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#define RIGHT_MIN 38  /* fits a 32-bit register row and the flag names */
#define RIGHT_MAX 84  /* three 64-bit registers a row: more is wasted */
#define STATS_MIN 8   /* frame + a few reasons + the rate line */
#define REGS_MIN 6

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int layout_right_width(int cols)
{
	return clamp(cols * 2 / 5, RIGHT_MIN, RIGHT_MAX);
}

static struct rect rect_of(int y, int x, int h, int w)
{
	return (struct rect){ y, x, h, w };
}

/* The serial console gets a little under half the height on a big screen:
 * the exit log is what moves, the console mostly sits still. */
static int serial_height(int main_h)
{
	return main_h >= 40 ? main_h * 9 / 20 : main_h / 2;
}

static void layout_full(struct layout *l, int main_h, int regs_rows)
{
	int right_w = layout_right_width(l->cols);
	int left_w = l->cols - right_w;
	int serial_h = serial_height(main_h);
	int regs_h = clamp(regs_rows + 2, REGS_MIN, main_h - STATS_MIN);
	l->pane[PANE_SERIAL] = rect_of(0, 0, serial_h, left_w);
	l->pane[PANE_EXITS] = rect_of(serial_h, 0, main_h - serial_h, left_w);
	l->pane[PANE_REGS] = rect_of(0, left_w, regs_h, right_w);
	l->pane[PANE_STATS] = rect_of(regs_h, left_w, main_h - regs_h, right_w);
	for (int p = 0; p < PANE_COUNT; p++)
		l->shown[p] = true;
}

static void layout_compact(struct layout *l, int main_h)
{
	int serial_h = main_h / 2;
	l->pane[PANE_SERIAL] = rect_of(0, 0, serial_h, l->cols);
	l->pane[PANE_EXITS] = rect_of(serial_h, 0, main_h - serial_h, l->cols);
	l->shown[PANE_SERIAL] = l->shown[PANE_EXITS] = true;
}

void layout_compute(struct layout *l, int cols, int lines, enum pane_id zoom, int regs_rows)
{
	memset(l, 0, sizeof(*l));
	l->cols = cols;
	l->lines = lines;
	if (cols < LAYOUT_MIN_COLS || lines < LAYOUT_MIN_LINES) {
		l->kind = LAYOUT_TOO_SMALL;
		return;
	}
	int main_h = lines - 1;
	l->status = rect_of(main_h, 0, 1, cols);
	if (zoom < PANE_COUNT) {
		l->kind = LAYOUT_ZOOM;
		l->shown[zoom] = true;
		l->pane[zoom] = rect_of(0, 0, main_h, cols);
	} else if (cols >= LAYOUT_FULL_COLS && lines >= LAYOUT_FULL_LINES) {
		l->kind = LAYOUT_FULL;
		layout_full(l, main_h, regs_rows);
	} else {
		l->kind = LAYOUT_COMPACT;
		layout_compact(l, main_h);
	}
}

void layout_grow_first(struct layout *l, int rows)
{
	if (l->kind != LAYOUT_FULL && l->kind != LAYOUT_COMPACT)
		return;
	struct rect *first = &l->pane[PANE_SERIAL], *log = &l->pane[PANE_EXITS];
	int both = first->h + log->h;
	int keep = both * 3 / 10 > LAYOUT_LOG_KEEP ? both * 3 / 10 : LAYOUT_LOG_KEEP;
	int want = clamp(rows + 2, first->h, both - keep > first->h ? both - keep : first->h);
	int grow = want - first->h;
	first->h += grow;
	log->y += grow;
	log->h -= grow;
}

void layout_too_small_text(char *buf, size_t n, int cols, int lines)
{
	snprintf(buf, n, "terminal too small: need %dx%d, have %dx%d", LAYOUT_MIN_COLS,
		 LAYOUT_MIN_LINES, cols, lines);
}
