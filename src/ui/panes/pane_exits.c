/* SPDX-License-Identifier: MIT */
/* pane_exits.c - the exit log: one line per exit, newest at the bottom.
 *
 * Each line is coloured by its reason. An interrupt that went in between
 * two exits is a line of its own, in exit.irq's colour, with no number:
 * it is not an exit, and it sits right under the exit it followed. Following, the bottom line is the
 * newest exit; once the user moves (arrows, PgUp, Home) a selection appears
 * and the view holds still until End.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "exit_format.h"
#include "numfmt.h"
#include "panes.h"

#define RIP_MIN_WIDTH 56  /* narrower panes drop the RIP column */
#define TIME_MIN_WIDTH 70 /* and, before that, the time column */

struct exit_columns {
	int num_w, time_w, reason_w;
	bool time, rip;
};

/* Widths from the lines on screen, so numbers line up without wasting
 * room on digits the log has not reached. */
static struct exit_columns exit_columns(const struct tui *t, uint64_t first, uint64_t end, int w)
{
	struct exit_columns c = { 2, 6, 2, w >= TIME_MIN_WIDTH, w >= RIP_MIN_WIDTH };
	for (uint64_t pos = first; pos < end; pos++) {
		const struct event *ev = exit_history_at(&t->exits, pos);
		struct exit_line l;
		exit_format_entry(ev, exit_history_decode(&t->exits, pos), draw_utf8(), &l);
		int n = (int)strlen(l.num), tm = (int)strlen(l.time), r = (int)strlen(l.reason);
		c.num_w = n > c.num_w ? n : c.num_w;
		c.time_w = tm > c.time_w ? tm : c.time_w;
		c.reason_w = r > c.reason_w ? r : c.reason_w;
	}
	return c;
}

static void draw_exit_line(const struct tui *t, uint64_t pos, const struct exit_columns *c, int y,
			   struct rect in, bool selected)
{
	const struct event *ev = exit_history_at(&t->exits, pos);
	struct exit_line l;
	exit_format_entry(ev, exit_history_decode(&t->exits, pos), draw_utf8(), &l);
	attr_t attr = draw_attr(selected ? THEME_SELECTION : exit_event_slot(ev));
	attrset(attr);
	mvhline(y, in.x, ' ', in.w);
	char text[256];
	int len = snprintf(text, sizeof(text), "%*s ", c->num_w, l.num);
	if (c->time)
		len += snprintf(text + len, sizeof(text) - (size_t)len, "%*s ", c->time_w, l.time);
	if (l.reason[0])
		snprintf(text + len, sizeof(text) - (size_t)len, "%-*s %s", c->reason_w, l.reason, l.detail);
	else /* an interrupt: its words start where the exits' reasons do */
		snprintf(text + len, sizeof(text) - (size_t)len, "%s", l.detail);
	int rip_w = c->rip ? (int)strlen(l.rip) : 0;
	int room = c->rip ? in.w - rip_w - 1 : in.w;
	draw_text(y, in.x, room, attr, text);
	if (c->rip)
		draw_text(y, in.x + in.w - rip_w, rip_w, attr, l.rip);
}

/* The history position at the bottom of the view. */
static uint64_t exits_bottom(const struct tui *t, int rows)
{
	const struct exit_history *h = &t->exits;
	if (t->exit_view.follow || h->end == h->begin)
		return h->end;
	uint64_t sel = t->exit_view.selected;
	/* Keep the selection on screen; prefer it near the bottom. */
	uint64_t bottom = sel + 1;
	if (bottom + (uint64_t)rows / 2 <= h->end)
		bottom += (uint64_t)rows / 2;
	else
		bottom = h->end;
	return bottom;
}

static void exits_title(const struct tui *t, char *buf, size_t n)
{
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	uint64_t total = counters_total(&t->seam->counters);
	int len = snprintf(buf, n, "3 exits%s%" PRIu64 " total", sep, total);
	if (t->state == VCPU_RUNNING && len > 0) {
		char rate[16];
		numfmt_count(rate, sizeof(rate), rate_history_now(&t->rate));
		len += snprintf(buf + len, n - (size_t)len, "%s%s/s", sep, rate);
	}
	if (!t->exit_view.follow && len > 0)
		snprintf(buf + len, n - (size_t)len, "%sEnter decodes, End follows", sep);
}

void pane_exits_draw(struct tui *t, struct rect r)
{
	char title[128];
	exits_title(t, title, sizeof(title));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_EXITS);
	struct rect in = draw_inner(r);
	if (in.h <= 0 || in.w <= 0)
		return;
	const struct exit_history *h = &t->exits;
	if (h->end == h->begin) {
		draw_text(in.y, in.x, in.w, draw_attr(THEME_DIM), "no exits yet");
		return;
	}
	uint64_t end = exits_bottom(t, in.h);
	uint64_t first = end - h->begin > (uint64_t)in.h ? end - (uint64_t)in.h : h->begin;
	struct exit_columns c = exit_columns(t, first, end, in.w);
	/* Fills from the top like a terminal; once full, the newest is the
	 * bottom line. */
	int y = in.y;
	for (uint64_t pos = first; pos < end; pos++, y++) {
		bool selected = !t->exit_view.follow && pos == t->exit_view.selected;
		draw_exit_line(t, pos, &c, y, in, selected);
	}
}
