/* event_names.c - names for exit reasons and vCPU states, as the console
 * prints them. Exit names are KVM's own (KVM_EXIT_ without the prefix) so a
 * student can look them up in the KVM API documentation. */
#include "event.h"

#include <stddef.h>

/* Every number <linux/kvm.h> defines up to MEMORY_FAULT, including the other
 * architectures' exits: a name is more useful than UNKNOWN if one ever shows
 * up. 38 and 39 postdate some distributions' headers. */
static const char *const exit_names[] = {
	[0] = "UNKNOWN",          [1] = "EXCEPTION",       [2] = "IO",
	[3] = "HYPERCALL",        [4] = "DEBUG",           [5] = "HLT",
	[6] = "MMIO",             [7] = "IRQ_WINDOW_OPEN", [8] = "SHUTDOWN",
	[9] = "FAIL_ENTRY",       [10] = "INTR",           [11] = "SET_TPR",
	[12] = "TPR_ACCESS",      [13] = "S390_SIEIC",     [14] = "S390_RESET",
	[15] = "DCR",             [16] = "NMI",            [17] = "INTERNAL_ERROR",
	[18] = "OSI",             [19] = "PAPR_HCALL",     [20] = "S390_UCONTROL",
	[21] = "WATCHDOG",        [22] = "S390_TSCH",      [23] = "EPR",
	[24] = "SYSTEM_EVENT",    [25] = "S390_STSI",      [26] = "IOAPIC_EOI",
	[27] = "HYPERV",          [28] = "ARM_NISV",       [29] = "X86_RDMSR",
	[30] = "X86_WRMSR",       [31] = "DIRTY_RING_FULL", [32] = "AP_RESET_HOLD",
	[33] = "X86_BUS_LOCK",    [34] = "XEN",            [35] = "RISCV_SBI",
	[36] = "RISCV_CSR",       [37] = "NOTIFY",         [38] = "LOONGARCH_IOCSR",
	[39] = "MEMORY_FAULT",
};

const char *exit_reason_name(unsigned reason)
{
	if (reason >= sizeof(exit_names) / sizeof(exit_names[0]) || !exit_names[reason])
		return "UNKNOWN";
	return exit_names[reason];
}

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
};

const char *vcpu_state_name(enum vcpu_state state)
{
	if ((unsigned)state >= VCPU_STATE_COUNT || !state_names[state])
		return "UNKNOWN";
	return state_names[state];
}

int vcpu_state_is_final(enum vcpu_state state)
{
	switch (state) {
	case VCPU_STARTING:
	case VCPU_RUNNING:
	case VCPU_PAUSED:
		return 0;
	case VCPU_STATE_COUNT:
		break;
	default:
		return 1; /* every stop: only a reset runs the guest again */
	}
	return 0;
}
