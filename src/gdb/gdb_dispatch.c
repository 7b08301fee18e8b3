/* SPDX-License-Identifier: MIT */
/* gdb_dispatch.c - a packet to its handler, the small commands (?, H, T,
 * D, k) and the argument parsers the handlers share. */
#include <string.h>

#include "gdb_hex.h"
#include "gdb_session_internal.h"

bool gdb_arg_hex(const char **p, const char *end, uint64_t *v)
{
	return gdb_hex_parse_u64(p, end, v);
}

bool gdb_arg_char(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return false;
	(*p)++;
	return true;
}

bool gdb_starts_with(const char *p, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - p) >= n && memcmp(p, prefix, n) == 0;
}

/* A thread id as H and T give it: "-1" (all), "0" (any) or "1" (ours);
 * "p1.1"-style ids only come with multiprocess+, which is not offered. */
static bool our_thread(const char *p, const char *end)
{
	uint64_t id;
	if (gdb_starts_with(p, end, "-1"))
		return end - p == 2;
	return gdb_arg_hex(&p, end, &id) && p == end && (id == 0 || id == GDB_THREAD_ID);
}

static enum gdb_answer select_thread(struct gdb_session *s, const char *args, const char *end)
{
	if (args >= end || (*args != 'g' && *args != 'c' && *args != 's'))
		gdb_reply_error(s, GDB_E_MALFORMED);
	else if (!our_thread(args + 1, end))
		gdb_reply_error(s, GDB_E_INVALID);
	else
		gdb_reply_text(s, "OK");
	return GDB_ANSWER_REPLY;
}

static enum gdb_answer thread_alive(struct gdb_session *s, const char *args, const char *end)
{
	uint64_t id;
	if (gdb_arg_hex(&args, end, &id) && args == end && id == GDB_THREAD_ID)
		gdb_reply_text(s, "OK");
	else
		gdb_reply_error(s, GDB_E_INVALID);
	return GDB_ANSWER_REPLY;
}

static enum gdb_answer detach(struct gdb_session *s)
{
	gdb_session_release(s);
	gdb_reply_text(s, "OK");
	return GDB_ANSWER_REPLY;
}

/* k: no reply (gdb does not wait for one). Without a kill op the guest
 * is let go as by D: a VM is not a process gdb started. */
static enum gdb_answer kill_target(struct gdb_session *s)
{
	if (s->ops->kill) {
		gdb_breaks_remove_all(s);
		s->ops->kill(s->target);
		s->guest_gone = true;
	}
	gdb_session_release(s);
	return GDB_ANSWER_NONE;
}

static enum gdb_answer by_letter(struct gdb_session *s, char cmd, const char *args, const char *end)
{
	switch (cmd) {
	case '?':
		gdb_stop_reply(s, &s->last_stop);
		return GDB_ANSWER_REPLY;
	case 'g': case 'G': case 'p': case 'P':
		return gdb_cmd_regs(s, cmd, args, end);
	case 'm': case 'M': case 'X':
		return gdb_cmd_mem(s, cmd, args, end);
	case 'c': case 's': case 'C': case 'S':
		return gdb_cmd_run(s, cmd, args, end);
	case 'Z': case 'z':
		return gdb_cmd_break(s, cmd, args, end);
	case 'q':
		return gdb_cmd_query(s, args, end);
	case 'H':
		return select_thread(s, args, end);
	case 'T':
		return thread_alive(s, args, end);
	case 'D':
		return detach(s);
	case 'k':
		return kill_target(s);
	default:
		return GDB_ANSWER_REPLY; /* empty: not supported ('!', 'R', 'i', ...) */
	}
}

enum gdb_answer gdb_dispatch(struct gdb_session *s)
{
	const char *p = (const char *)s->packet, *end = p + s->packet_len;
	if (p == end)
		return GDB_ANSWER_REPLY;
	if (gdb_starts_with(p, end, "vCont"))
		return gdb_cmd_vcont(s, p + 5, end);
	if (*p == 'v')
		return GDB_ANSWER_REPLY; /* vMustReplyEmpty, vFile, vRun...: not supported */
	return by_letter(s, *p, p + 1, end);
}
