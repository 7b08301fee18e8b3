/* SPDX-License-Identifier: MIT */
/* gdb_cmd_mem.c - m, M and X: guest memory at linear addresses
 * (gdb_target.h says what the target makes of them). */
#include "gdb_hex.h"
#include "gdb_session_internal.h"

/* The most m reads at once: its reply, in hex, must fit a packet. gdb
 * asks again for the rest of a short read. */
#define MAX_READ (GDB_PACKET_MAX / 2)

/* "ADDR,LEN" and what follows it. */
static bool parse_range(const char **p, const char *end, uint64_t *addr, uint64_t *len)
{
	return gdb_arg_hex(p, end, addr) && gdb_arg_char(p, end, ',') && gdb_arg_hex(p, end, len);
}

static enum gdb_answer read_mem(struct gdb_session *s, const char *args, const char *end)
{
	uint64_t addr, len;
	uint8_t buf[MAX_READ];
	if (!parse_range(&args, end, &addr, &len) || args != end) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	if (len == 0)
		return GDB_ANSWER_REPLY;
	if (len > MAX_READ)
		len = MAX_READ;
	size_t got = s->ops->read_mem(s->target, addr, buf, (size_t)len);
	if (got == 0 || got > len)
		gdb_reply_error(s, GDB_E_FAULT);
	else
		gdb_reply_hex(s, buf, got);
	return GDB_ANSWER_REPLY;
}

static void write_bytes(struct gdb_session *s, uint64_t addr, const uint8_t *bytes, size_t len)
{
	if (len > 0 && s->ops->write_mem(s->target, addr, bytes, len))
		gdb_reply_error(s, GDB_E_FAULT);
	else
		gdb_reply_text(s, "OK");
}

/* M: the data in hex. Decoded into the reply buffer, which is free until
 * the answer is written (and as large as a packet). */
static enum gdb_answer write_hex(struct gdb_session *s, const char *args, const char *end)
{
	uint64_t addr, len;
	if (!parse_range(&args, end, &addr, &len) || !gdb_arg_char(&args, end, ':') ||
	    (uint64_t)(end - args) != 2 * len || len > sizeof s->reply) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	uint8_t *bytes = s->reply;
	if (!gdb_hex_decode(args, (size_t)len, bytes)) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	write_bytes(s, addr, bytes, (size_t)len); /* its reply comes after the write */
	return GDB_ANSWER_REPLY;
}

/* X: the data raw (its escapes already undone); X with LEN 0 is gdb's
 * probe for whether X works. */
static enum gdb_answer write_binary(struct gdb_session *s, const char *args, const char *end)
{
	uint64_t addr, len;
	if (!parse_range(&args, end, &addr, &len) || !gdb_arg_char(&args, end, ':') ||
	    (uint64_t)(end - args) != len) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	write_bytes(s, addr, (const uint8_t *)args, (size_t)len);
	return GDB_ANSWER_REPLY;
}

enum gdb_answer gdb_cmd_mem(struct gdb_session *s, char cmd, const char *args, const char *end)
{
	if (cmd == 'm')
		return read_mem(s, args, end);
	if (cmd == 'M')
		return write_hex(s, args, end);
	return write_binary(s, args, end);
}
