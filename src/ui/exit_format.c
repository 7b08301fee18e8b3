/* exit_format.c - exit records as text and colour (see exit_format.h). What
 * each reason says comes from the exit table; this file only lays it out. */
#include "exit_format.h"

#include <inttypes.h>
#include <stdio.h>

#include "exit_table.h"

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

void exit_format_line(const struct event *ev, struct exit_line *out)
{
	const struct exit_info *info = exit_info(ev->reason);
	snprintf(out->num, sizeof(out->num), "#%" PRIu64, ev->seq);
	/* Microseconds: hello's whole run fits in a millisecond. */
	snprintf(out->time, sizeof(out->time), "%.6fs", (double)ev->time_ns / 1e9);
	snprintf(out->reason, sizeof(out->reason), "%s", info->name);
	struct exit_text detail = exit_text_init(out->detail, sizeof(out->detail));
	if (info->line)
		info->line(ev, &detail);
	format_rip(out->rip, sizeof(out->rip), ev->rip);
}
