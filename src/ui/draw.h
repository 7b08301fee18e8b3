/* SPDX-License-Identifier: MIT */
/* draw.h - small drawing primitives on stdscr: frames, clipped text, fills.
 *
 * Everything is clipped to the rectangle it is given, so a pane cannot
 * scribble outside its place however narrow the terminal gets. Colours come
 * from the theme by slot, never by name.
 */
#ifndef KVMTUI_DRAW_H
#define KVMTUI_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "layout.h"
#include "theme.h"

/* Whether block and arrow glyphs may be used (UTF-8 terminal). */
void draw_set_utf8(bool utf8);
bool draw_utf8(void);

attr_t draw_attr(enum theme_slot slot);

/* A title for the whole screen ("REPLAY" and a file name), or none
 * (prefix NULL, as live). It rides on the top edge of the frame at the
 * screen's top-left corner, right-aligned after the pane's own title:
 * every layout (full, compact, zoom) has a pane there, so the title is
 * always on screen and costs no line. See title_fit.h. */
void draw_set_screen_title(const char *prefix, const char *path);

void draw_fill(struct rect r, enum theme_slot slot);
/* A frame around r with a title in its top edge; the focused pane's title
 * is marked with an arrow too, so focus does not rest on colour alone. */
void draw_frame(struct rect r, const char *title, bool focused);
/* The inside of a frame. */
struct rect draw_inner(struct rect r);

/* ASCII text at (y, x), at most maxw columns; returns the columns used. */
int draw_text(int y, int x, int maxw, attr_t attr, const char *text);
/* The same, printf-style. */
int draw_textf(int y, int x, int maxw, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* One glyph that may be UTF-8 (blocks, arrows), taking one column. */
void draw_glyph(int y, int x, attr_t attr, const char *glyph);

#endif
