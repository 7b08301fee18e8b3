/* SPDX-License-Identifier: MIT */
/* gdb_stop_reply.c - a stop as gdb reads it: T (stopped, with why), W
 * (exited) or X (terminated). swbreak: and hwbreak: only go to a gdb that
 * said in qSupported it knows them (it then trusts the PC to be at the
 * breakpoint, which it is: the engine stops before the instruction). */
#include "gdb_session_internal.h"

#define SIGINT_GDB 2
#define SIGTRAP_GDB 5

static const char *watch_word(enum gdb_break_type type)
{
	switch (type) {
	case GDB_WATCH_READ: return "rwatch";
	case GDB_WATCH_ACCESS: return "awatch";
	default: return "watch";
	}
}

static void reason(struct gdb_session *s, const struct gdb_stop *stop)
{
	if (stop->kind == GDB_STOP_WATCHPOINT)
		gdb_reply_printf(s, "%s:%llx;", watch_word(stop->type), (unsigned long long)stop->addr);
	else if (stop->kind == GDB_STOP_BREAKPOINT && stop->type == GDB_BREAK_HW && s->gdb_hwbreak)
		gdb_reply_text(s, "hwbreak:;");
	else if (stop->kind == GDB_STOP_BREAKPOINT && stop->type != GDB_BREAK_HW && s->gdb_swbreak)
		gdb_reply_text(s, "swbreak:;");
}

void gdb_stop_reply(struct gdb_session *s, const struct gdb_stop *stop)
{
	switch (stop->kind) {
	case GDB_STOP_EXITED:
		gdb_reply_printf(s, "W%02x", stop->status);
		return;
	case GDB_STOP_KILLED:
		gdb_reply_printf(s, "X%02x", stop->signal);
		return;
	case GDB_STOP_INTERRUPTED:
		gdb_reply_printf(s, "T%02x", SIGINT_GDB);
		break;
	case GDB_STOP_SIGNAL:
		gdb_reply_printf(s, "T%02x", stop->signal);
		break;
	default:
		gdb_reply_printf(s, "T%02x", SIGTRAP_GDB);
		reason(s, stop);
		break;
	}
	gdb_reply_printf(s, "thread:%x;", GDB_THREAD_ID);
}
