/* SPDX-License-Identifier: MIT */
/* event_names.c - names for vCPU states, as the console prints them. Exit
 * reasons are named by the exit table (exit_table.c), with all else known
 * about them. */
#include "event.h"

#include <stddef.h>

static const char *const state_names[VCPU_STATE_COUNT] = {
	[VCPU_STARTING] = "STARTING",
	[VCPU_RUNNING] = "RUNNING",
	[VCPU_PAUSED] = "PAUSED",
	[VCPU_HALTED] = "HALTED",
	[VCPU_DEBUG_EXIT] = "EXITED",
	[VCPU_SHUTDOWN] = "SHUTDOWN",
	[VCPU_FAIL_ENTRY] = "FAIL_ENTRY",
	[VCPU_INTERNAL_ERROR] = "INTERNAL_ERROR",
	[VCPU_ERROR] = "ERROR",
	[VCPU_QUIT] = "QUIT",
	[VCPU_EXIT_LIMIT] = "EXIT_LIMIT",
	[VCPU_END] = "END",
	[VCPU_WAITING] = "WAITING",
};

const char *vcpu_state_name(enum vcpu_state state)
{
	if ((unsigned)state >= VCPU_STATE_COUNT || !state_names[state])
		return "UNKNOWN";
	return state_names[state];
}

int vcpu_state_is_live(enum vcpu_state state)
{
	return state == VCPU_RUNNING || state == VCPU_WAITING;
}

int vcpu_state_is_final(enum vcpu_state state)
{
	switch (state) {
	case VCPU_STARTING:
	case VCPU_RUNNING:
	case VCPU_PAUSED:
	case VCPU_WAITING:
		return 0;
	case VCPU_STATE_COUNT:
		break;
	default:
		return 1; /* every stop: only a reset runs the guest again */
	}
	return 0;
}
