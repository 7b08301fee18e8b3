/* SPDX-License-Identifier: MIT */
/* pane_screen.c - the guest's VGA text screen, in pane 1's place.
 *
 * Draws the latest published page (intake.c reads it): each cell's code
 * page 437 glyph as a wide character, its VGA colours as a colour pair
 * made on first use (theme_pair), blinking cells with the theme's
 * screen.blink attributes, and the hardware cursor: the terminal's own
 * cursor where typing goes (focused, live), a reverse cell elsewhere.
 * Which part of the page fits and the title are screen_view.c's; the
 * colours are screen_attr.c's.
 */
#define _GNU_SOURCE /* wcwidth */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "cp437.h"
#include "draw.h"
#include "panes.h"
#include "screen.h"
#include "screen_attr.h"
#include "screen_view.h"
#include "theme_curses.h"

/* One attribute byte as drawn: found once a frame for each byte in use. */
struct cell_look {
	bool known;
	bool hidden; /* without colours, text the guest hid stays hidden */
	attr_t attrs;
	short pair;
};

static struct cell_look look_of(uint8_t attr, bool blink_mode, int colors)
{
	struct screen_attr_style st;
	screen_attr_map(attr, blink_mode, colors, &st);
	short pair = colors ? theme_pair(st.fg, st.bg) : 0;
	if (colors && !pair) /* the terminal ran out of pairs: this one goes without */
		screen_attr_map(attr, blink_mode, 0, &st);
	attr_t blink = st.blink ? draw_attr(THEME_SCREEN_BLINK) & ~A_COLOR : 0;
	return (struct cell_look){ true, st.hidden, theme_curses_attrs(st.attrs) | blink, pair };
}

/* The glyph a byte shows as. Every CP437 glyph is one column in a UTF-8
 * locale (wcwidth); one that is not here (a locale's oddity) would shift
 * the row, so it gets the ASCII stand-in instead, as a terminal without
 * UTF-8 does for all of them. */
static wchar_t glyph(uint8_t ch, bool utf8)
{
	static signed char one_column[256]; /* 0 unknown, 1 yes, -1 no */
	if (utf8 && !one_column[ch])
		one_column[ch] = wcwidth((wchar_t)cp437_to_unicode(ch)) == 1 ? 1 : -1;
	if (utf8 && one_column[ch] > 0)
		return (wchar_t)cp437_to_unicode(ch);
	return (wchar_t)(unsigned char)cp437_to_ascii(ch);
}

static void put_cell(int y, int x, wchar_t wc, attr_t attrs, short pair)
{
	wchar_t text[2] = { wc, L'\0' };
	cchar_t cc;
	setcchar(&cc, text, attrs, pair, NULL);
	mvadd_wch(y, x, &cc);
}

static void draw_cells(const struct text_screen *s, const struct screen_view *v, struct rect in)
{
	struct cell_look looks[256];
	memset(looks, 0, sizeof(looks));
	int cols = screen_view_cols(s), colors = screen_colors();
	bool utf8 = draw_utf8();
	/* curses adds the window's own attributes to each cell's: the frame's
	 * bold title must not make the whole screen bold. */
	attrset(A_NORMAL);
	for (int row = 0; row < v->rows; row++) {
		const uint8_t *cell = &s->cells[((v->top + row) * cols + v->left) * 2];
		for (int col = 0; col < v->cols; col++, cell += 2) {
			struct cell_look *l = &looks[cell[1]];
			if (!l->known)
				*l = look_of(cell[1], s->blink, colors);
			put_cell(in.y + row, in.x + col, l->hidden ? L' ' : glyph(cell[0], utf8), l->attrs, l->pair);
		}
	}
}

/* The hardware cursor: the terminal's own where keys go to the guest (it
 * blinks there as the PC's does), a reverse cell elsewhere, so a class
 * sees where the guest's next character lands either way. */
static void draw_cursor(struct tui *t, const struct text_screen *s, const struct screen_view *v,
			struct rect in, bool typing)
{
	int row = s->cursor_row - v->top, col = s->cursor_col - v->left;
	if (!s->cursor_visible || row < 0 || row >= v->rows || col < 0 || col >= v->cols)
		return;
	int y = in.y + row, x = in.x + col;
	if (typing) {
		t->cursor_shown = true;
		t->cursor_y = y;
		t->cursor_x = x;
		return;
	}
	cchar_t cc;
	if (mvin_wch(y, x, &cc) != ERR) {
		wchar_t text[CCHARW_MAX + 1];
		attr_t attrs;
		short pair;
		getcchar(&cc, text, &attrs, &pair, NULL);
		put_cell(y, x, text[0], (attrs & ~A_COLOR) ^ A_REVERSE, pair);
	}
}

void pane_screen_draw(struct tui *t, struct rect r)
{
	const struct text_screen *s = &t->screen.page;
	bool focused = t->focus == PANE_SERIAL;
	bool overlay = t->help_open || t->exit_view.detail_open;
	bool typing = focused && !overlay && !tui_is_replay(t);
	struct rect in = draw_inner(r);
	screen_view_fit(&t->screen.view, s, in.w, in.h);
	const struct screen_view *v = &t->screen.view;
	char title[192];
	struct screen_title_info info = {
		.page = s, .view = v, .keys_here = focused && !tui_is_replay(t),
		.utf8 = draw_utf8(), .room = r.w - 4,
	};
	screen_view_title(title, sizeof(title), &info);
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, focused);
	draw_cells(s, v, in);
	draw_cursor(t, s, v, in, typing);
}
