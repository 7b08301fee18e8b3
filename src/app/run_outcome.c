/* run_outcome.c - final states to statuses and explanations. */
#include "run_outcome.h"

#include <inttypes.h>

#include "exit_status.h"

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
	default: return STATUS_VCPU_ERROR;
	}
}

static int explain_internal(const struct event *e, char *buf, size_t len)
{
	int n = snprintf(buf, len, "KVM internal error (suberror %u%s) at rip 0x%" PRIx64,
			 e->u.internal.suberror,
			 e->u.internal.suberror == 1 ? ": instruction emulation failed" : "", e->rip);
	unsigned insn_len = e->u.internal.insn_len;
	if (insn_len > sizeof(e->u.internal.insn)) /* events may come from a recording */
		insn_len = sizeof(e->u.internal.insn);
	for (unsigned i = 0; i < insn_len && n > 0 && (size_t)n < len; i++)
		n += snprintf(buf + n, len - n, "%s%02x", i ? " " : "; bytes ", e->u.internal.insn[i]);
	return 1;
}

int run_outcome_explain(enum vcpu_state state, const struct event *e, char *buf, size_t len)
{
	static const struct event none;
	if (!e)
		e = &none;
	switch (state) {
	case VCPU_SHUTDOWN:
		snprintf(buf, len, "guest triple-faulted (SHUTDOWN) at rip 0x%" PRIx64
			 ": an exception it could not handle, while handling one", e->rip);
		return 1;
	case VCPU_FAIL_ENTRY:
		snprintf(buf, len, "the CPU refused to enter the guest (FAIL_ENTRY, hardware reason 0x%" PRIx64
			 "): the guest state is invalid", e->u.fail_entry.hardware_reason);
		return 1;
	case VCPU_INTERNAL_ERROR:
		return explain_internal(e, buf, len);
	case VCPU_ERROR:
		snprintf(buf, len, "the vCPU stopped on an error (last exit %s at rip 0x%" PRIx64 ")",
			 exit_reason_name(e->reason), e->rip);
		return 1;
	default:
		return 0;
	}
}
