/* SPDX-License-Identifier: MIT */
/* run_outcome.c - final states to statuses and explanations. */
#include "run_outcome.h"

#include <inttypes.h>
#include <stdio.h>

#include "exit_status.h"
#include "exit_table.h"

int run_outcome_status(enum vcpu_state state, int debug_exit_status)
{
	switch (state) {
	case VCPU_HALTED: return STATUS_HALTED;
	case VCPU_DEBUG_EXIT: return debug_exit_status & 0xff;
	case VCPU_SHUTDOWN: return STATUS_SHUTDOWN;
	case VCPU_FAIL_ENTRY: return STATUS_FAIL_ENTRY;
	case VCPU_INTERNAL_ERROR: return STATUS_INTERNAL_ERROR;
	case VCPU_EXIT_LIMIT: return STATUS_MAX_EXITS;
	case VCPU_QUIT: return STATUS_INTERRUPTED;
	case VCPU_END: return STATUS_INTERRUPTED; /* the recorded run was killed */
	default: return STATUS_VCPU_ERROR;
	}
}

/* The failures a user needs told about; a halt, an exit status or a quit
 * speak for themselves. */
static int needs_words(enum vcpu_state state)
{
	return state == VCPU_SHUTDOWN || state == VCPU_FAIL_ENTRY || state == VCPU_INTERNAL_ERROR ||
	       state == VCPU_ERROR || state == VCPU_END;
}

int run_outcome_explain(enum vcpu_state state, const struct event *e, char *buf, size_t len)
{
	static const struct event none;
	if (!needs_words(state))
		return 0;
	if (!e)
		e = &none;
	if (state == VCPU_END) {
		snprintf(buf, len, "the recording ends at exit #%" PRIu64 " without a final state "
			 "(the recorded run was killed)", e->seq);
		return 1;
	}
	const struct exit_info *info = exit_info(e->reason);
	struct exit_text out = exit_text_init(buf, len);
	/* The exit that ended the run says what it meant (the table's outcome);
	 * otherwise the host side failed, after an exit that meant nothing bad. */
	if (info->outcome)
		info->outcome(e, &out);
	else if (state == VCPU_ERROR)
		exit_text_printf(&out, "the vCPU stopped on an error (last exit %s at rip 0x%" PRIx64 ")",
				 info->name, e->rip);
	else
		exit_text_printf(&out, "the vCPU stopped (%s; last exit %s at rip 0x%" PRIx64 ")",
				 vcpu_state_name(state), info->name, e->rip);
	return 1;
}
