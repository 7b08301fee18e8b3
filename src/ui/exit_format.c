/* SPDX-License-Identifier: MIT */
/* exit_format.c - exit records as text and colour (see exit_format.h). What
 * each reason says comes from the exit table; this file only lays it out. */
#include "exit_format.h"

#include <inttypes.h>
#include <stdio.h>

#include "exit_table.h"
#include "irq_describe.h"

/* The one place an exit class becomes a colour. */
enum theme_slot exit_class_slot(enum exit_class cls)
{
	static const enum theme_slot slots[EXIT_CLASS_COUNT] = {
		[EXIT_CLASS_OTHER] = THEME_EXIT_OTHER, [EXIT_CLASS_IO] = THEME_EXIT_IO,
		[EXIT_CLASS_MMIO] = THEME_EXIT_MMIO,   [EXIT_CLASS_HALT] = THEME_EXIT_HLT,
		[EXIT_CLASS_DEBUG] = THEME_EXIT_DEBUG, [EXIT_CLASS_ERROR] = THEME_EXIT_ERROR,
	};
	return (unsigned)cls < EXIT_CLASS_COUNT ? slots[cls] : THEME_EXIT_OTHER;
}

enum theme_slot exit_reason_slot(unsigned reason)
{
	return exit_class_slot(exit_info(reason)->cls);
}

/* RIP with at least four digits, more only when the address needs them. */
static void format_rip(char *buf, size_t n, uint64_t rip)
{
	int digits = rip <= 0xffff ? 4 : rip <= 0xffffffffull ? 8 : 16;
	snprintf(buf, n, "rip %0*" PRIx64, digits, rip);
}

enum theme_slot exit_event_slot(const struct event *ev)
{
	if (ev->kind == EVENT_STATE) /* a breakpoint's line */
		return THEME_EXIT_DEBUG;
	return ev->kind == EVENT_IRQ ? THEME_EXIT_IRQ : exit_reason_slot(ev->reason);
}

static void format_irq(const struct event *ev, bool utf8, struct exit_line *out)
{
	out->num[0] = out->reason[0] = out->rip[0] = '\0';
	struct exit_text detail = exit_text_init(out->detail, sizeof(out->detail));
	irq_describe_line(ev, utf8, &detail);
}

void exit_format_entry(const struct event *ev, const char *decode, bool utf8, struct exit_line *out)
{
	const struct exit_info *info = exit_info(ev->reason);
	/* Microseconds: hello's whole run fits in a millisecond. */
	snprintf(out->time, sizeof(out->time), "%.6fs", (double)ev->time_ns / 1e9);
	if (ev->kind == EVENT_IRQ) {
		format_irq(ev, utf8, out);
		return;
	}
	if (ev->kind == EVENT_STATE) { /* the vCPU paused at a breakpoint (intake.c) */
		out->num[0] = out->rip[0] = '\0';
		snprintf(out->reason, sizeof(out->reason), "BREAK");
		snprintf(out->detail, sizeof(out->detail), "%s breakpoint %d (%s) hit: paused", utf8 ? "\u25a0" : "*",
			 (int)ev->u.state.status, decode ? decode : "");
		return;
	}
	snprintf(out->num, sizeof(out->num), "#%" PRIu64, ev->seq);
	snprintf(out->reason, sizeof(out->reason), "%s", info->name);
	struct exit_text detail = exit_text_init(out->detail, sizeof(out->detail));
	if (decode && decode[0] && ev->reason == EXIT_IO)
		exit_line_io_decoded(ev, decode, &detail);
	else if (info->line)
		info->line(ev, &detail);
	format_rip(out->rip, sizeof(out->rip), ev->rip);
}

void exit_format_line(const struct event *ev, struct exit_line *out)
{
	exit_format_entry(ev, NULL, false, out);
}
