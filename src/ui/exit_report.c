/* SPDX-License-Identifier: MIT */
/* exit_report.c - the full decode of one exit, one fact a line (Enter in
 * the exit log), ending with why KVM handed the exit to user space. The
 * facts and the why come from the exit table; this file lays them out. */
#include "exit_report.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exit_format.h"
#include "exit_table.h"
#include "irq_describe.h"

struct report {
	char (*lines)[EXIT_REPORT_COLS];
	size_t max, n, wrap;
};

static void report_add(struct report *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void report_add(struct report *d, const char *fmt, ...)
{
	if (d->n >= d->max)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->lines[d->n++], EXIT_REPORT_COLS, fmt, ap);
	va_end(ap);
}

/* Word-wraps a paragraph into detail lines. */
static void report_wrap(struct report *d, const char *text)
{
	const size_t width = d->wrap;
	while (*text && d->n < d->max) {
		size_t len = strlen(text);
		size_t take = len;
		if (len > width) {
			take = width;
			while (take > 0 && text[take] != ' ')
				take--;
			if (take == 0)
				take = width;
		}
		report_add(d, "%.*s", (int)take, text);
		text += take;
		while (*text == ' ')
			text++;
	}
}

/* The reason's own lines, from the exit table, one report line each. */
static void report_section(struct report *d, const struct event *ev, exit_decode_fn *section)
{
	if (!section)
		return;
	char text[EXIT_REPORT_LINES * EXIT_REPORT_COLS];
	struct exit_text t = exit_text_init(text, sizeof(text));
	section(ev, &t);
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		int len = end ? (int)(end - line) : (int)strlen(line);
		report_add(d, "%.*s", len, line);
		line += len + (end != NULL);
	}
}

/* An interrupt is not an exit: what went in, how, and between which exits. */
static void report_irq(struct report *d, const struct event *ev)
{
	struct exit_line l;
	exit_format_entry(ev, NULL, false, &l);
	report_add(d, "Interrupt after exit #%" PRIu64 ", at %.6f s since the VM started (generation %" PRIu32 ")",
		   ev->seq, (double)ev->time_ns / 1e9, ev->generation);
	report_add(d, "In short:   %s", l.detail);
	report_section(d, ev, irq_describe_section);
	report_add(d, "%s", "");
	report_wrap(d, irq_explain(ev));
}

size_t exit_report(const struct event *ev, const char *decode, char lines[][EXIT_REPORT_COLS], size_t max,
		   size_t wrap)
{
	if (wrap < 20 || wrap > EXIT_REPORT_COLS - 1)
		wrap = wrap < 20 ? 20 : EXIT_REPORT_COLS - 1;
	struct report d = { lines, max, 0, wrap };
	if (ev->kind == EVENT_IRQ) {
		report_irq(&d, ev);
		return d.n;
	}
	if (ev->kind == EVENT_STATE) {
		report_add(&d, "Breakpoint %d (%s) hit after exit #%" PRIu64, (int)ev->u.state.status,
			   decode ? decode : "", ev->seq);
		report_add(&d, "%s", "");
		report_wrap(&d, "The vCPU paused by itself: the exit before this line matched a breakpoint "
				"(b adds one, B lists them). r or space goes on; it stops again at the next match.");
		return d.n;
	}
	const struct exit_info *info = exit_info(ev->reason);
	struct exit_line l;
	exit_format_line(ev, &l);
	report_add(&d, "Exit %s at %.6f s since the VM started (generation %" PRIu32 ")",
		   l.num, (double)ev->time_ns / 1e9, ev->generation);
	report_add(&d, "Reason:     %s (KVM_EXIT_%s = %u)", l.reason, l.reason, ev->reason);
	report_add(&d, "RIP:        0x%" PRIx64 " (linear: CS base + RIP)", ev->rip);
	report_section(&d, ev, info->section);
	if (decode && decode[0])
		report_add(&d, "Decoded:    %s", decode);
	if (l.detail[0])
		report_add(&d, "In short:   %s", l.detail);
	report_add(&d, "%s", "");
	report_wrap(&d, info->explain);
	return d.n;
}
