/* SPDX-License-Identifier: MIT */
/* gdb_cmd_break.c - Z0-Z4 and z0-z4: breakpoints and watchpoints, put in
 * and taken out through the target, and remembered so that a gdb that goes
 * away without taking them out does not leave them behind. The protocol
 * wants both idempotent: a second Z for the same point, or a z for one
 * that is not there, is just OK. */
#include <string.h>

#include "gdb_session_internal.h"

static struct gdb_breakpoint *find(struct gdb_session *s, const struct gdb_breakpoint *bp)
{
	for (size_t i = 0; i < s->break_count; i++) {
		struct gdb_breakpoint *b = &s->breaks[i];
		if (b->type == bp->type && b->addr == bp->addr && b->kind == bp->kind)
			return b;
	}
	return NULL;
}

/* A target's answer to gdb: OK, E (refused) or empty (cannot). */
static void reply_result(struct gdb_session *s, int rc)
{
	if (rc == 0)
		gdb_reply_text(s, "OK");
	else if (rc != GDB_TARGET_UNSUPPORTED)
		gdb_reply_error(s, GDB_E_INVALID);
}

static void insert(struct gdb_session *s, const struct gdb_breakpoint *bp)
{
	if (find(s, bp)) {
		gdb_reply_text(s, "OK");
		return;
	}
	if (s->break_count == GDB_MAX_BREAKPOINTS) {
		gdb_reply_error(s, GDB_E_NOSPACE);
		return;
	}
	int rc = s->ops->insert_break(s->target, bp->type, bp->addr, bp->kind);
	if (rc == 0)
		s->breaks[s->break_count++] = *bp;
	reply_result(s, rc);
}

static void take_out(struct gdb_session *s, struct gdb_breakpoint *b)
{
	s->ops->remove_break(s->target, b->type, b->addr, b->kind);
	*b = s->breaks[--s->break_count];
}

static void remove_one(struct gdb_session *s, const struct gdb_breakpoint *bp)
{
	struct gdb_breakpoint *b = find(s, bp);
	if (b)
		take_out(s, b);
	gdb_reply_text(s, "OK");
}

void gdb_breaks_remove_all(struct gdb_session *s)
{
	while (s->break_count > 0)
		take_out(s, &s->breaks[s->break_count - 1]);
}

/* "TYPE,ADDR,KIND" then, optionally, ";X..." conditions and commands
 * (gdb sends those only to stubs that offer ConditionalBreakpoints;
 * they are ignored if they come). */
enum gdb_answer gdb_cmd_break(struct gdb_session *s, char cmd, const char *args, const char *end)
{
	uint64_t type;
	struct gdb_breakpoint bp;
	memset(&bp, 0, sizeof bp);
	if (!gdb_arg_hex(&args, end, &type) || !gdb_arg_char(&args, end, ',') ||
	    !gdb_arg_hex(&args, end, &bp.addr) || !gdb_arg_char(&args, end, ',') ||
	    !gdb_arg_hex(&args, end, &bp.kind) || (args != end && *args != ';')) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	if (type >= GDB_BREAK_TYPE_COUNT)
		return GDB_ANSWER_REPLY; /* a type we do not know: not supported */
	bp.type = (enum gdb_break_type)type;
	if (cmd == 'Z')
		insert(s, &bp);
	else
		remove_one(s, &bp);
	return GDB_ANSWER_REPLY;
}
