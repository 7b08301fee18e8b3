/* SPDX-License-Identifier: MIT */
/* draw.c - clipped drawing on stdscr (see draw.h). */
#include "draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "theme_curses.h"
#include "title_fit.h"

static bool utf8_ok;
static const char *screen_prefix, *screen_path;

void draw_set_utf8(bool utf8)
{
	utf8_ok = utf8;
}

bool draw_utf8(void)
{
	return utf8_ok;
}

attr_t draw_attr(enum theme_slot slot)
{
	return theme_attr(slot);
}

void draw_set_screen_title(const char *prefix, const char *path)
{
	screen_prefix = prefix;
	screen_path = path;
}

/* From column `from` (just after the pane's title) to the corner: one
 * line of the edge stays on either side, so the two titles never touch. */
static void draw_screen_title(struct rect r, int from)
{
	int end = r.x + r.w - 2; /* the last edge column kept before the corner */
	char text[128];
	title_fit(text, sizeof(text), screen_prefix, screen_path, end - from - 3);
	if (!text[0])
		return;
	int w = (int)strlen(text) + 2;
	draw_textf(r.y, end - w, w, draw_attr(THEME_TITLE_FOCUS) | A_BOLD, " %s ", text);
}

void draw_fill(struct rect r, enum theme_slot slot)
{
	attrset(draw_attr(slot));
	for (int y = r.y; y < r.y + r.h; y++)
		mvhline(y, r.x, ' ', r.w);
}

struct rect draw_inner(struct rect r)
{
	struct rect in = { r.y + 1, r.x + 1, r.h - 2, r.w - 2 };
	if (in.h < 0)
		in.h = 0;
	if (in.w < 0)
		in.w = 0;
	return in;
}

void draw_frame(struct rect r, const char *title, bool focused)
{
	if (r.w < 2 || r.h < 2)
		return;
	attrset(draw_attr(THEME_BORDER));
	mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
	mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
	mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
	mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
	mvaddch(r.y, r.x, ACS_ULCORNER);
	mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
	mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	if (!title || r.w < 6)
		return;
	attr_t attr = draw_attr(focused ? THEME_TITLE_FOCUS : THEME_TITLE);
	int x = r.x + 1, maxw = r.w - 3;
	if (focused) {
		draw_glyph(r.y, x, attr, utf8_ok ? "\u25b6" : ">");
		x++;
		maxw--;
	} else {
		x += draw_text(r.y, x, 1, attr, " ");
		maxw--;
	}
	x += draw_text(r.y, x, maxw, attr, title);
	x += draw_text(r.y, x, r.x + r.w - 1 - x, attr, " ");
	if (r.y == 0 && r.x == 0 && screen_prefix)
		draw_screen_title(r, x);
}

/* Titles and hints may hold a UTF-8 glyph ("·", arrows): count columns,
 * not bytes, assuming one column a character as every glyph used here is. */
int draw_text(int y, int x, int maxw, attr_t attr, const char *text)
{
	if (maxw <= 0 || !text)
		return 0;
	int cols = 0;
	size_t bytes = 0;
	for (; text[bytes]; bytes++) {
		if (((unsigned char)text[bytes] & 0xc0) == 0x80)
			continue; /* a continuation byte: same column */
		if (cols == maxw)
			break;
		cols++;
	}
	attrset(attr);
	mvaddnstr(y, x, text, (int)bytes);
	return cols;
}

int draw_textf(int y, int x, int maxw, attr_t attr, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return draw_text(y, x, maxw, attr, buf);
}

void draw_glyph(int y, int x, attr_t attr, const char *glyph)
{
	attrset(attr);
	mvaddstr(y, x, glyph);
}
