/* SPDX-License-Identifier: MIT */
/* trace_json.c - JSON lines for --trace: the fields every exit has, then the
 * reason's own fields from the exit table; interrupts in their own shape. */
#include "trace_json.h"

#include <inttypes.h>

#include "exit_table.h"
#include "irq_describe.h"

size_t trace_json_decoded(const struct event *ev, const char *decode, char *buf, size_t len)
{
	const struct exit_info *info = exit_info(ev->reason);
	struct exit_text o = exit_text_init(buf, len);
	if (len == 0)
		return 0;
	/* The first member has no comma before it; the helpers write ,"key":value. */
	exit_text_printf(&o, "{\"seq\":%" PRIu64, ev->seq);
	exit_json_uint(&o, "time_ns", ev->time_ns);
	if (ev->kind == EVENT_IRQ) {
		irq_json(ev, &o);
		exit_text_printf(&o, "}");
		return exit_text_length(&o);
	}
	exit_json_string(&o, "reason", info->name);
	exit_json_hex(&o, "rip", ev->rip);
	if (info->json)
		info->json(ev, &o);
	if (decode && decode[0])
		exit_json_string(&o, "decode", decode);
	if (ev->flags & EVENT_F_STEP)
		exit_text_printf(&o, ",\"step\":true");
	exit_text_printf(&o, "}");
	return exit_text_length(&o);
}

size_t trace_json_format(const struct event *ev, char *buf, size_t len)
{
	return trace_json_decoded(ev, NULL, buf, len);
}
