/* SPDX-License-Identifier: MIT */
/* exit_detail.c - the full decode of one exit or interrupt (Enter in the
 * exit log), drawn over the panes; Up/Down walk to the neighbouring lines.
 * Its last line is the instruction that made the exit. */
#include <inttypes.h>
#include <stdio.h>

#include "draw.h"
#include "exit_format.h"
#include "exit_report.h"
#include "panes.h"

void exit_detail_draw(struct tui *t)
{
	const struct event *ev = exit_history_at(&t->exits, t->exit_view.selected);
	char lines[EXIT_REPORT_LINES + 1][EXIT_REPORT_COLS];
	int w = t->layout.cols - 4 < EXIT_REPORT_COLS + 3 ? t->layout.cols - 4 : EXIT_REPORT_COLS + 3;
	size_t n = 0;
	if (ev)
		n = exit_report(ev, exit_history_decode(&t->exits, t->exit_view.selected), lines,
				EXIT_REPORT_LINES, (size_t)(w > 4 ? w - 4 : 1));
	else
		snprintf(lines[n++], EXIT_REPORT_COLS, "this exit is no longer in the log");
	/* The instruction it came from, decoded from guest memory (debug_views.h). */
	if (ev && ev->kind == EVENT_EXIT)
		debug_views_exit_insn(t, ev, lines[n++], EXIT_REPORT_COLS);
	int h = t->layout.lines - 3 < (int)n + 2 ? t->layout.lines - 3 : (int)n + 2;
	if (w < 20 || h < 3)
		return;
	struct rect r = { (t->layout.lines - 1 - h) / 2, (t->layout.cols - w) / 2, h, w };
	char title[64];
	if (ev && ev->kind == EVENT_STATE)
		snprintf(title, sizeof(title), "breakpoint after exit #%" PRIu64 " - Esc closes", ev->seq);
	else if (ev && ev->kind == EVENT_IRQ) /* not an exit: named by the exit it followed */
		snprintf(title, sizeof(title), "interrupt after exit #%" PRIu64 " - Esc closes", ev->seq);
	else
		snprintf(title, sizeof(title), "exit #%" PRIu64 " decoded - Esc closes", ev ? ev->seq : 0);
	draw_fill(r, THEME_HELP);
	draw_frame(r, title, true);
	struct rect in = draw_inner(r);
	for (int i = 0; i < in.h && i < (int)n; i++) {
		enum theme_slot slot = i == 1 && ev ? exit_event_slot(ev) : THEME_HELP;
		draw_text(in.y + i, in.x + 1, in.w - 2, draw_attr(slot), lines[i]);
	}
}
