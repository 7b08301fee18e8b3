/* SPDX-License-Identifier: MIT */
/* gdb_cmd_query.c - the q packets: what the stub offers (qSupported), the
 * target description (qXfer:features:read), and the one thread. Queries
 * the stub does not know get the empty reply. */
#include <string.h>

#include "gdb_session_internal.h"

/* What gdb's qSupported says it understands: swbreak+ and hwbreak+ let
 * the stop replies name the breakpoint kind. */
static void note_gdb_features(struct gdb_session *s, const char *p, const char *end)
{
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *stop = semi ? semi : end;
		if (stop - p == 8 && memcmp(p, "swbreak+", 8) == 0)
			s->gdb_swbreak = true;
		if (stop - p == 8 && memcmp(p, "hwbreak+", 8) == 0)
			s->gdb_hwbreak = true;
		p = semi ? semi + 1 : end;
	}
}

static enum gdb_answer supported(struct gdb_session *s, const char *args, const char *end)
{
	if (gdb_arg_char(&args, end, ':'))
		note_gdb_features(s, args, end);
	gdb_reply_printf(s, "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+",
			 GDB_PACKET_MAX);
	return GDB_ANSWER_REPLY;
}

/* "target.xml:OFFSET,LENGTH" -> "m<part>" with more to come, "l<part>"
 * for the last part. Only target.xml exists (no xi:include). */
static enum gdb_answer read_features(struct gdb_session *s, const char *args, const char *end)
{
	uint64_t offset, length;
	if (!gdb_starts_with(args, end, "target.xml:")) {
		gdb_reply_error(s, GDB_E_INVALID);
		return GDB_ANSWER_REPLY;
	}
	args += strlen("target.xml:");
	if (!gdb_arg_hex(&args, end, &offset) || !gdb_arg_char(&args, end, ',') ||
	    !gdb_arg_hex(&args, end, &length) || args != end || offset > s->tdesc_len) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	/* Leave room for the 'm'/'l' and for escapes, however few. */
	uint64_t room = GDB_PACKET_MAX / 2;
	uint64_t left = s->tdesc_len - offset;
	uint64_t n = length < left ? length : left;
	if (n > room)
		n = room;
	gdb_reply_text(s, n < left ? "m" : "l");
	gdb_reply_bytes(s, s->tdesc + offset, (size_t)n);
	return GDB_ANSWER_REPLY;
}

enum gdb_answer gdb_cmd_query(struct gdb_session *s, const char *args, const char *end)
{
	if (gdb_starts_with(args, end, "Supported"))
		return supported(s, args + strlen("Supported"), end);
	if (gdb_starts_with(args, end, "Xfer:features:read:"))
		return read_features(s, args + strlen("Xfer:features:read:"), end);
	size_t n = (size_t)(end - args);
	if (gdb_starts_with(args, end, "Attached")) /* qAttached or qAttached:PID */
		gdb_reply_text(s, "1"); /* attached to a running machine: quit detaches */
	else if (n == 1 && *args == 'C')
		gdb_reply_printf(s, "QC%x", GDB_THREAD_ID);
	else if (n == 11 && memcmp(args, "fThreadInfo", 11) == 0)
		gdb_reply_printf(s, "m%x", GDB_THREAD_ID);
	else if (n == 11 && memcmp(args, "sThreadInfo", 11) == 0)
		gdb_reply_text(s, "l");
	return GDB_ANSWER_REPLY;
}
