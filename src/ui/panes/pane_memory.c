/* SPDX-License-Identifier: MIT */
/* pane_memory.c - guest memory at an address (m), in pane 4's place: hex
 * and ASCII, or the stack one word a line (w); bytes changed since the
 * last pause or step in the colour of a changed register. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "mem_format.h"
#include "panes.h"

static void memory_title(const struct tui *t, char *buf, size_t n)
{
	const struct tui_debug *dv = &t->debug;
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	char scroll[32] = "";
	if (dv->scroll)
		snprintf(scroll, sizeof(scroll), "%+lld", (long long)dv->scroll);
	snprintf(buf, n, "4 memory%s%s%s%s%s", sep, dv->addr_text, scroll, dv->stack ? " (stack)" : "",
		 (dv->mem.flags & MEM_F_AS_LOADED) ? " (as loaded)" : "");
}

static void hex_row(const struct tui *t, int y, struct rect in, uint32_t from, int per)
{
	char line[MEM_LINE_MAX];
	int cols[16];
	mem_format_hex_line(&t->debug.mem, from, per, line, sizeof(line), cols);
	draw_text(y, in.x, in.w, draw_attr(THEME_NORMAL), line);
	attr_t changed = draw_attr(THEME_REG_CHANGED);
	for (int i = 0; i < per; i++) {
		uint32_t at = from + (uint32_t)i;
		if (cols[i] < 0 || cols[i] + 2 > in.w || !debug_views_byte_changed(t, at))
			continue;
		char hex[3];
		snprintf(hex, sizeof(hex), "%02x", t->debug.mem.bytes[at]);
		draw_text(y, in.x + cols[i], 2, changed, hex);
	}
}

static void stack_row(const struct tui *t, int y, struct rect in, uint32_t from, int size)
{
	char label[24], line[MEM_LINE_MAX];
	int64_t off = (int64_t)from + t->debug.scroll;
	if (!off)
		snprintf(label, sizeof(label), "%s", draw_utf8() ? "\u2192 top" : "-> top");
	else
		snprintf(label, sizeof(label), "  %+lld", (long long)off);
	mem_format_stack_line(&t->debug.mem, from, size, label, line, sizeof(line));
	bool changed = false;
	for (int i = 0; i < size; i++)
		changed |= debug_views_byte_changed(t, from + (uint32_t)i);
	draw_text(y, in.x, in.w, draw_attr(changed ? THEME_REG_CHANGED : !off ? THEME_TITLE : THEME_NORMAL), line);
}

void pane_memory_draw(struct tui *t, struct rect r)
{
	char title[96];
	memory_title(t, title, sizeof(title));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_STATS);
	struct rect in = draw_inner(r);
	if (in.w <= 0 || in.h <= 0)
		return;
	const struct mem_window *w = &t->debug.mem;
	if (!w->len) {
		draw_text(in.y, in.x + 1, in.w - 1, draw_attr(THEME_DIM), "reading guest memory...");
		return;
	}
	if (w->flags & MEM_F_NO_MEMORY) {
		draw_text(in.y, in.x + 1, in.w - 1, draw_attr(THEME_DIM),
			  "no memory to show: the recording's guest file was not found");
		return;
	}
	int per = debug_views_bytes_per_line(t, in.w);
	for (int row = 0; row < in.h; row++) {
		uint32_t from = (uint32_t)row * (uint32_t)per;
		if (from >= w->len)
			break;
		if (t->debug.stack)
			stack_row(t, in.y + row, in, from, per);
		else
			hex_row(t, in.y + row, in, from, per);
	}
}
