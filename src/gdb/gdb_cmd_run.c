/* SPDX-License-Identifier: MIT */
/* gdb_cmd_run.c - c, s, C, S and vCont: letting the target run or step.
 * The answer is the stop reply, sent when the target reports its stop
 * (gdb_session_stopped). Signals gdb would deliver (C, S) are dropped: a
 * guest has no signals. */
#include "gdb_session_internal.h"

bool gdb_run_resume(struct gdb_session *s, enum gdb_resume_kind how)
{
	/* RUNNING first: a target may report the stop from inside resume. */
	s->state = GDB_SESSION_RUNNING;
	if (s->ops->resume(s->target, how) == 0)
		return true;
	s->state = GDB_SESSION_STOPPED;
	return false;
}

/* "c ADDR" and "s ADDR" resume at ADDR: the PC is set first. */
static bool set_pc(struct gdb_session *s, uint64_t pc)
{
	struct cpu_state cpu;
	if (s->ops->get_regs(s->target, &cpu))
		return false;
	cpu.rip = s->arch != GDB_ARCH_X86_64 ? (cpu.rip & ~0xffffffffull) | (pc & 0xffffffffull) : pc;
	return s->ops->set_regs(s->target, &cpu) == 0;
}

static enum gdb_answer resume(struct gdb_session *s, enum gdb_resume_kind how)
{
	if (gdb_run_resume(s, how))
		return GDB_ANSWER_NONE;
	gdb_reply_error(s, GDB_E_MALFORMED);
	return GDB_ANSWER_REPLY;
}

enum gdb_answer gdb_cmd_run(struct gdb_session *s, char cmd, const char *args, const char *end)
{
	uint64_t value;
	bool has_addr = false;
	if (cmd == 'C' || cmd == 'S') { /* "SIG" or "SIG;ADDR" */
		if (!gdb_arg_hex(&args, end, &value)) {
			gdb_reply_error(s, GDB_E_MALFORMED);
			return GDB_ANSWER_REPLY;
		}
		has_addr = gdb_arg_char(&args, end, ';');
	} else {
		has_addr = args != end;
	}
	uint64_t addr = 0;
	if (has_addr && (!gdb_arg_hex(&args, end, &addr) || args != end)) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	if (args != end || (has_addr && !set_pc(s, addr))) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	return resume(s, (cmd == 's' || cmd == 'S') ? GDB_RESUME_STEP : GDB_RESUME_CONTINUE);
}

/* One vCont action "c", "s", "C05", "S05", each with an optional ":TID".
 * Sets *how and moves *p past it; false if it is not one of those. */
static bool parse_action(const char **p, const char *end, enum gdb_resume_kind *how, bool *ours)
{
	uint64_t v;
	if (*p >= end)
		return false;
	char a = *(*p)++;
	if (a != 'c' && a != 's' && a != 'C' && a != 'S')
		return false;
	if ((a == 'C' || a == 'S') && !gdb_arg_hex(p, end, &v))
		return false;
	*how = (a == 's' || a == 'S') ? GDB_RESUME_STEP : GDB_RESUME_CONTINUE;
	*ours = true;
	if (gdb_arg_char(p, end, ':')) {
		if (gdb_starts_with(*p, end, "-1"))
			*p += 2;
		else if (!gdb_arg_hex(p, end, &v))
			return false;
		else
			*ours = v == GDB_THREAD_ID || v == 0;
	}
	return true;
}

/* "vCont?" lists the actions; "vCont;ACTION[:TID];..." applies the first
 * action that names our thread (or all threads), as the protocol says. */
enum gdb_answer gdb_cmd_vcont(struct gdb_session *s, const char *args, const char *end)
{
	if (gdb_starts_with(args, end, "?") && end - args == 1) {
		gdb_reply_text(s, "vCont;c;C;s;S");
		return GDB_ANSWER_REPLY;
	}
	bool found = false;
	enum gdb_resume_kind chosen = GDB_RESUME_CONTINUE;
	while (args < end) {
		enum gdb_resume_kind how;
		bool ours;
		if (!gdb_arg_char(&args, end, ';') || !parse_action(&args, end, &how, &ours)) {
			gdb_reply_error(s, GDB_E_MALFORMED);
			return GDB_ANSWER_REPLY;
		}
		if (ours && !found) {
			found = true;
			chosen = how;
		}
	}
	if (!found) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	return resume(s, chosen);
}
