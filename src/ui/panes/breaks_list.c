/* SPDX-License-Identifier: MIT */
/* breaks_list.c - the breakpoint list (B), drawn over the panes: each with
 * its number, on or off, what it stops on and how often it did. */
#include <inttypes.h>
#include <stdio.h>

#include "draw.h"
#include "panes.h"

void breaks_list_draw(struct tui *t)
{
	struct breakpoint bp[BRK_MAX];
	uint64_t hits[BRK_MAX];
	unsigned n = bp_snapshot(&t->seam->breaks, bp, hits, BRK_MAX);
	int w = t->layout.cols - 4 < 64 ? t->layout.cols - 4 : 64;
	int h = (int)n + 4;
	if (h < 6)
		h = 6;
	if (h > t->layout.lines - 2)
		h = t->layout.lines - 2;
	if (w < 24 || h < 4)
		return;
	struct rect r = { (t->layout.lines - 1 - h) / 2, (t->layout.cols - w) / 2, h, w };
	draw_fill(r, THEME_HELP);
	draw_frame(r, "breakpoints - b add  space on/off  d delete  Esc", true);
	struct rect in = draw_inner(r);
	if (n == 0) {
		draw_text(in.y, in.x + 1, in.w - 2, draw_attr(THEME_DIM), "none yet: b adds one (0x7c10, io:0x3f8, hlt, mode...)");
		return;
	}
	int first = t->breaks_sel >= in.h ? t->breaks_sel - in.h + 1 : 0;
	for (int i = first; i < (int)n && i - first < in.h; i++) {
		char line[128];
		snprintf(line, sizeof(line), "%3u  %s  %-28s %8" PRIu64 " hit%s", bp[i].id, bp[i].enabled ? "on " : "off",
			 bp[i].text, hits[i], hits[i] == 1 ? "" : "s");
		enum theme_slot slot = i == t->breaks_sel ? THEME_SELECTION : bp[i].enabled ? THEME_HELP : THEME_DIM;
		if (i == t->breaks_sel)
			draw_fill((struct rect){ in.y + i - first, in.x, 1, in.w }, THEME_SELECTION);
		draw_text(in.y + i - first, in.x + 1, in.w - 2, draw_attr(slot), line);
	}
}
