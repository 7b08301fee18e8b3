/* SPDX-License-Identifier: MIT */
/* gdb_reply.c - building a reply and queueing it, framed, for gdb. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gdb_hex.h"
#include "gdb_session_internal.h"

void gdb_reply_reset(struct gdb_session *s)
{
	s->reply_len = 0;
	s->reply_overflow = false;
}

void gdb_reply_bytes(struct gdb_session *s, const void *bytes, size_t n)
{
	if (n > sizeof s->reply - s->reply_len) {
		s->reply_overflow = true;
		return;
	}
	memcpy(s->reply + s->reply_len, bytes, n);
	s->reply_len += n;
}

void gdb_reply_text(struct gdb_session *s, const char *text)
{
	gdb_reply_bytes(s, text, strlen(text));
}

void gdb_reply_printf(struct gdb_session *s, const char *fmt, ...)
{
	char text[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof text)
		s->reply_overflow = true;
	else
		gdb_reply_bytes(s, text, (size_t)n);
}

void gdb_reply_hex(struct gdb_session *s, const uint8_t *bytes, size_t n)
{
	if (n > (sizeof s->reply - s->reply_len) / 2) {
		s->reply_overflow = true;
		return;
	}
	gdb_hex_encode(bytes, n, (char *)s->reply + s->reply_len);
	s->reply_len += 2 * n;
}

void gdb_reply_error(struct gdb_session *s, int code)
{
	gdb_reply_reset(s);
	gdb_reply_printf(s, "E%02x", code & 0xff);
}

void gdb_out_raw(struct gdb_session *s, const void *bytes, size_t n)
{
	/* Never expected to fail: feed keeps two replies' room free, and a
	 * stop reply comes at most once per packet that resumed. */
	if (n > sizeof s->out - s->out_len)
		return;
	memcpy(s->out + s->out_len, bytes, n);
	s->out_len += n;
}

void gdb_reply_send(struct gdb_session *s)
{
	if (s->reply_overflow)
		gdb_reply_error(s, GDB_E_MALFORMED);
	s->last_frame_len = gdb_packet_frame(s->reply, s->reply_len, s->last_frame, sizeof s->last_frame);
	gdb_out_raw(s, s->last_frame, s->last_frame_len);
	gdb_reply_reset(s);
}
