/* SPDX-License-Identifier: MIT */
/* pane_source.c - the guest's source around the line of CS:RIP (c from the
 * code view, where the guest has line information: an ELF with DWARF, or
 * NAME.elf beside NAME.bin). The current line is highlighted and marked,
 * numbered as an editor numbers it; tabs go to every eighth column. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "panes.h"
#include "srcmap.h"

#define TAB 8

/* Expands tabs; the text is already safe to draw (srcmap.h). */
static void expand_tabs(const char *in, char *out, size_t n)
{
	size_t col = 0, o = 0;
	for (; *in && o + 1 < n; in++) {
		if (*in != '\t') {
			out[o++] = *in;
			col += ((unsigned char)*in & 0xc0) != 0x80; /* UTF-8: a column per character */
			continue;
		}
		do
			out[o++] = ' ';
		while (++col % TAB && o + 1 < n);
	}
	out[o] = 0;
}

static void say(struct rect in, const char *text)
{
	draw_text(in.y, in.x + 1, in.w - 1, draw_attr(THEME_DIM), text);
}

static void draw_lines(struct rect in, const struct src_text *text, unsigned current)
{
	int top = (int)current - 1 - in.h / 3;
	if (top > (int)text->count - in.h)
		top = (int)text->count - in.h;
	if (top < 0)
		top = 0;
	for (int row = 0; row < in.h && top + row < (int)text->count; row++) {
		unsigned n = (unsigned)(top + row) + 1;
		bool cur = n == current;
		char line[512], shown[600];
		expand_tabs(text->line[n - 1], line, sizeof(line));
		snprintf(shown, sizeof(shown), "%s%5u  %s", cur ? (draw_utf8() ? "\u25b6" : ">") : " ", n, line);
		if (cur)
			draw_fill((struct rect){ in.y + row, in.x, 1, in.w }, THEME_CODE_CURRENT);
		draw_text(in.y + row, in.x, in.w, draw_attr(cur ? THEME_CODE_CURRENT : THEME_NORMAL), shown);
	}
}

void pane_source_draw(struct tui *t, struct rect r)
{
	struct srcmap *map = debug_views_source(t);
	struct src_line line;
	bool found = map && t->debug.code_seq && srcmap_lookup(map, t->debug.code.anchor, &line);
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	char title[128];
	if (found)
		snprintf(title, sizeof(title), "4 source%s%s:%u", sep, line.name, line.line);
	else
		snprintf(title, sizeof(title), "4 source");
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_STATS);
	struct rect in = draw_inner(r);
	if (in.w <= 0 || in.h <= 0)
		return;
	if (!map) {
		say(in, t->debug.src_why);
		return;
	}
	if (!found) {
		char why[96];
		snprintf(why, sizeof(why), "CS:RIP %#llx is in no line of %s", (unsigned long long)t->debug.code.anchor,
			 srcmap_elf_path(map));
		say(in, t->debug.code_seq ? why : "reading guest memory...");
		return;
	}
	struct src_text text;
	char err[256];
	if (!srcmap_file_lines(map, line.file, &text, err, sizeof(err))) {
		say(in, err);
		return;
	}
	draw_lines(in, &text, line.line);
}
