/* SPDX-License-Identifier: MIT */
/* pane_code.c - the instructions around CS:RIP (c), in pane 4's place.
 *
 * The current instruction is highlighted and marked with an arrow; the one
 * the last exit came from (KVM may already have left it behind) carries
 * the exit's colour and "<- exit". A third of the rows show what led here,
 * the rest what comes next, so stepping reads down the page. */
#include <stdio.h>
#include <string.h>

#include "code_view.h"
#include "draw.h"
#include "exit_format.h"
#include "panes.h"
#include "srcmap.h"

/* The newest exit in the log: the cause, if the registers are its. */
static const struct event *newest_exit(const struct tui *t)
{
	/* Interrupts may follow it: a few records back is far enough. */
	for (uint64_t pos = t->exits.end; pos > t->exits.begin && t->exits.end - pos < 8; pos--) {
		const struct event *ev = exit_history_at(&t->exits, pos - 1);
		if (ev && ev->kind == EVENT_EXIT)
			return ev;
	}
	return NULL;
}

/* "4 code · 16-bit · Intel · hello.S:23": the source line where the
 * guest has line information. */
static void code_title(struct tui *t, const struct code_view *cv, int width, char *buf, size_t n)
{
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	char where[80] = "";
	struct src_line line;
	struct srcmap *map = t->debug.code_seq ? debug_views_source(t) : NULL;
	if (map && srcmap_lookup(map, t->debug.code.anchor, &line))
		snprintf(where, sizeof(where), "%s%s:%u", sep, line.name, line.line);
	int len = snprintf(buf, n, "4 code%s%d-bit%s%s%s", sep, (int)cv->bits, sep,
			   t->debug.syntax == DISASM_INTEL ? "Intel" : "AT&T", where);
	/* The replay's note only where it fits beside the rest ("·" counts one column). */
	if ((t->debug.code.flags & MEM_F_AS_LOADED) && len + 12 - (draw_utf8() ? 2 : 0) <= width - 4)
		snprintf(buf + len, n - (size_t)len, " (as loaded)");
}

static void draw_line(const struct code_line *l, int y, struct rect in, bool hex, enum theme_slot cause_slot)
{
	enum theme_slot slot = l->current ? THEME_CODE_CURRENT : l->cause ? cause_slot : l->bad ? THEME_DIM : THEME_NORMAL;
	attr_t attr = draw_attr(slot);
	if (l->current)
		draw_fill((struct rect){ y, in.x, 1, in.w }, THEME_CODE_CURRENT);
	int x = in.x;
	draw_glyph(y, x, attr, l->current ? (draw_utf8() ? "\u25b6" : ">") : " ");
	x += 2;
	x += draw_text(y, x, in.x + in.w - x, attr, l->where) + 2;
	if (hex) {
		draw_text(y, x, in.x + in.w - x, l->current ? attr : draw_attr(THEME_DIM), l->hex);
		x += 3 * 7;
	}
	x += draw_text(y, x, in.x + in.w - x, attr, l->text);
	if (l->cause)
		draw_text(y, x + 2, in.x + in.w - x - 2, attr, draw_utf8() ? "\u2190 exit" : "<- exit");
}

void pane_code_draw(struct tui *t, struct rect r)
{
	struct code_view cv;
	struct rect in = draw_inner(r);
	const struct event *cause = newest_exit(t);
	code_view_build(&cv, &t->debug.code, &t->regs.cpu, t->debug.syntax, cause, in.h > 3 ? in.h / 3 : 0);
	char title[96];
	code_title(t, &cv, r.w, title, sizeof(title));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_STATS);
	if (in.w <= 0 || in.h <= 0)
		return;
	if (!t->debug.code_seq) {
		draw_text(in.y, in.x + 1, in.w - 1, draw_attr(THEME_DIM), "reading guest memory...");
		return;
	}
	if (cv.count == 0) {
		draw_text(in.y, in.x + 1, in.w - 1, draw_attr(THEME_DIM), cv.note);
		return;
	}
	bool hex = in.w >= 60; /* the bytes where there is room for them beside the text */
	enum theme_slot cause_slot = cause ? exit_event_slot(cause) : THEME_NORMAL;
	for (int i = 0; i < cv.count && i < in.h; i++)
		draw_line(&cv.line[i], in.y + i, in, hex, cause_slot);
}
