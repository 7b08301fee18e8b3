/* SPDX-License-Identifier: MIT */
/* pane_serial.c - the guest's COM1 console, and the 0xe9 debug console
 * under it when the guest uses that too.
 *
 * Text comes from the scrollback, so it is already terminal-safe: control
 * bytes are cells like "^[" drawn in the escape colour, never sent raw.
 */
#include <stdio.h>

#include "draw.h"
#include "panes.h"

#define DEBUGCON_MIN_ROWS 3

struct serial_cursor {
	bool shown;
	int y, x;
};

/* Draws the rows of sb that fit in r, scrolled back `scroll` rows; returns
 * where the guest's cursor is if it is on screen. */
static struct serial_cursor draw_scrollback(const struct scrollback *sb, struct rect r,
					    size_t scroll)
{
	struct serial_cursor cur = { false, 0, 0 };
	if (r.w <= 0 || r.h <= 0)
		return cur;
	struct sb_row rows[r.h];
	size_t n = scrollback_view(sb, (unsigned)r.w, (size_t)r.h, scroll, rows);
	attr_t normal = draw_attr(THEME_SERIAL), escape = draw_attr(THEME_SERIAL_ESCAPE);
	size_t last_line = scrollback_lines(sb) - 1;
	for (size_t i = 0; i < n; i++) {
		const struct sb_line *line = scrollback_line(sb, rows[i].line);
		for (uint32_t c = 0; c < rows[i].len; c++) {
			const struct sb_cell *cell = &line->cells[rows[i].start + c];
			attrset(cell->flags & SB_ESCAPE ? escape : normal);
			mvaddch(r.y + (int)i, r.x + (int)c, cell->ch);
		}
		/* The cursor sits on the last line's row that holds its column. */
		uint32_t col = sb->col;
		if (rows[i].line == last_line && col >= rows[i].start &&
		    (col < rows[i].start + (uint32_t)r.w || i == n - 1)) {
			cur.shown = true;
			cur.y = r.y + (int)i;
			cur.x = r.x + (int)(col - rows[i].start < (uint32_t)r.w ? col - rows[i].start
									      : (uint32_t)r.w - 1);
		}
	}
	return cur;
}

static void serial_title(const struct tui *t, char *buf, size_t n)
{
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	const char *arrow = draw_utf8() ? "\u2192" : "->"; /* where typed keys go: K switches */
	if (t->serial_scroll)
		snprintf(buf, n, "1 serial (COM1)%sback %zu rows, S-PgDn", sep, t->serial_scroll);
	else if (t->focus == PANE_SERIAL && tui_is_replay(t))
		snprintf(buf, n, "1 serial (COM1)%srecorded output", sep);
	else if (t->focus == PANE_SERIAL)
		snprintf(buf, n, "1 serial (COM1)%styping to the guest%skeys %s %s", sep, sep, arrow,
			 console_target_name(t->console.target));
	else if (t->console.target == INPUT_TO_KBC && !tui_is_replay(t))
		snprintf(buf, n, "1 serial (COM1)%skeys %s 8042", sep, arrow);
	else
		snprintf(buf, n, "1 serial (COM1)");
}

void pane_serial_draw(struct tui *t, struct rect r)
{
	char title[128];
	bool focused = t->focus == PANE_SERIAL;
	serial_title(t, title, sizeof(title));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, focused);
	struct rect in = draw_inner(r);
	/* Not .bytes > 0: after a reset, a seek or a step back the panes
	 * start empty again, and so does the question of a debugcon. */
	bool debugcon = !scrollback_is_empty(&t->debugcon) && in.h >= 2 * DEBUGCON_MIN_ROWS + 1;
	if (debugcon) {
		int dh = in.h / 3 < DEBUGCON_MIN_ROWS ? DEBUGCON_MIN_ROWS : in.h / 3;
		struct rect d = { in.y + in.h - dh, in.x, dh, in.w };
		in.h -= dh + 1;
		attrset(draw_attr(THEME_BORDER));
		mvhline(in.y + in.h, in.x, ACS_HLINE, in.w);
		mvaddch(in.y + in.h, in.x - 1, ACS_LTEE); /* joins the frame: ├───┤ */
		mvaddch(in.y + in.h, in.x + in.w, ACS_RTEE);
		draw_text(in.y + in.h, in.x + 1, in.w - 2, draw_attr(THEME_TITLE), " debugcon (port 0xe9) ");
		draw_scrollback(&t->debugcon, d, 0);
	}
	if (scrollback_is_empty(&t->serial) && in.h > 0)
		draw_text(in.y, in.x, in.w, draw_attr(THEME_DIM), "(no output from the guest yet)");
	struct serial_cursor cur = draw_scrollback(&t->serial, in, t->serial_scroll);
	/* The real cursor only where typing goes: the serial pane, focused,
	 * live (a replay has no guest to type to). */
	if (focused && cur.shown && !t->help_open && !t->exit_view.detail_open && !tui_is_replay(t)) {
		t->cursor_shown = true;
		t->cursor_y = cur.y;
		t->cursor_x = cur.x;
	}
}
