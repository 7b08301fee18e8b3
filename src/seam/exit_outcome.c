/* SPDX-License-Identifier: MIT */
/* exit_outcome.c - how a run ended, in one line, for the exits that end it
 * (printed by the headless console when the guest stops). */
#include <inttypes.h>

#include "exit_decoders.h"

void exit_outcome_shutdown(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "guest triple-faulted (SHUTDOWN) at rip 0x%" PRIx64
			 ": an exception it could not handle, while handling one", ev->rip);
}

void exit_outcome_fail_entry(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "the CPU refused to enter the guest (FAIL_ENTRY, hardware reason 0x%" PRIx64
			 "): the guest state is invalid", ev->u.fail_entry.hardware_reason);
}

void exit_outcome_internal(const struct event *ev, struct exit_text *out)
{
	char insn[15 * 3 + 1];
	exit_insn_hex(ev, insn, sizeof(insn));
	exit_text_printf(out, "KVM internal error (suberror %" PRIu32 "%s) at rip 0x%" PRIx64,
			 ev->u.internal.suberror,
			 ev->u.internal.suberror == 1 ? ": instruction emulation failed" : "", ev->rip);
	if (insn[0])
		exit_text_printf(out, "; bytes %s", insn);
}

/* A reset request restarts the guest, so only the events that stop it get here. */
void exit_outcome_system_event(const struct event *ev, struct exit_text *out)
{
	uint32_t type = ev->u.system_event.type;
	if (type == 1)
		exit_text_printf(out, "the guest powered off (SYSTEM_EVENT shutdown) at rip 0x%" PRIx64,
				 ev->rip);
	else
		exit_text_printf(out, "the guest raised a system event kvm-tui does not handle "
				 "(SYSTEM_EVENT %s, type %" PRIu32 ") at rip 0x%" PRIx64,
				 exit_system_event_name(type), type, ev->rip);
}
