/* SPDX-License-Identifier: MIT */
/* exit_table.c - the one list of exit reasons (see exit_table.h).
 *
 * Indexed by KVM's own numbers. Besides the x86 exits kvm-tui handles it
 * names every number <linux/kvm.h> defines up to MEMORY_FAULT, the other
 * architectures' too: a name is more useful than UNKNOWN if one ever shows
 * up. Effects follow what the vCPU loop can do: an exit it has no handler
 * for (an MSR exit it never enabled, an NMI) stops the vCPU with ERROR.
 */
#include "exit_table.h"

#include "exit_decoders.h"

/* Exits that only other architectures (or features kvm-tui never turns on)
 * produce: if one arrives anyway, kvm-tui cannot go on. */
#define FOREIGN(name_, text)                                                              \
	{                                                                                 \
		.name = name_, .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,      \
		.explain = text                                                           \
	}

static const struct exit_info exit_table[] = {
	[EXIT_UNKNOWN] = {
		.name = "UNKNOWN", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "KVM could not say why the guest exited (KVM_EXIT_UNKNOWN carries the "
			   "hardware's own reason code), or the exit is newer than kvm-tui: see the KVM "
			   "API documentation (Documentation/virt/kvm/api.rst) under KVM_RUN.",
	},
	[EXIT_EXCEPTION] = {
		.name = "EXCEPTION", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest raised an exception that KVM reflects to user space.",
	},
	[EXIT_IO] = {
		.name = "IO", .cls = EXIT_CLASS_IO, .effect = EXIT_EFFECT_CONTINUE,
		.line = exit_line_io, .section = exit_section_io, .json = exit_json_io,
		.explain = "The guest ran IN or OUT on a port the kernel does not emulate, so KVM_RUN "
			   "returned and kvm-tui played the device (the UART, the debug ports).",
	},
	[EXIT_HYPERCALL] = {
		.name = "HYPERCALL", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest made a hypercall (VMCALL/VMMCALL) for user space.",
	},
	[EXIT_DEBUG] = {
		.name = "DEBUG", .cls = EXIT_CLASS_DEBUG, .effect = EXIT_EFFECT_STEP,
		.line = exit_line_debug, .section = exit_section_debug, .json = exit_json_debug,
		.explain = "A debug event: a single step or breakpoint that kvm-tui asked for with "
			   "KVM_SET_GUEST_DEBUG.",
	},
	[EXIT_HLT] = {
		.name = "HLT", .cls = EXIT_CLASS_HALT, .effect = EXIT_EFFECT_HALT,
		.line = exit_line_hlt,
		.explain = "The guest ran HLT: it waits for an interrupt. KVM returned so user space "
			   "can decide whether anything could wake it (if nothing can, the guest stopped).",
	},
	[EXIT_MMIO] = {
		.name = "MMIO", .cls = EXIT_CLASS_MMIO, .effect = EXIT_EFFECT_CONTINUE,
		.line = exit_line_mmio, .section = exit_section_mmio, .json = exit_json_mmio,
		.explain = "The guest read or wrote a physical address with no memory behind it; KVM "
			   "returned so user space can emulate the device there.",
	},
	[EXIT_IRQ_WINDOW_OPEN] = {
		.name = "IRQ_WINDOW_OPEN", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_CONTINUE,
		.line = exit_line_irq_window,
		.explain = "The guest can take an interrupt now. kvm-tui's PIC had one pending when "
			   "the guest could not take it (IF=0, or the one-instruction shadow after STI "
			   "or MOV SS), so kvm-tui set request_interrupt_window and KVM left the guest "
			   "the moment it became interruptible. The injection follows at once: the IRQ "
			   "line right after this exit in the log is that interrupt, handed over with "
			   "KVM_INTERRUPT before the next KVM_RUN.",
	},
	[EXIT_SHUTDOWN] = {
		.name = "SHUTDOWN", .cls = EXIT_CLASS_ERROR, .effect = EXIT_EFFECT_SHUTDOWN,
		.line = exit_line_shutdown, .outcome = exit_outcome_shutdown,
		.explain = "The CPU shut down: usually a triple fault (an exception while delivering "
			   "a double fault). A real PC would reset.",
	},
	[EXIT_FAIL_ENTRY] = {
		.name = "FAIL_ENTRY", .cls = EXIT_CLASS_ERROR, .effect = EXIT_EFFECT_FAIL_ENTRY,
		.line = exit_line_fail_entry, .section = exit_section_fail_entry,
		.json = exit_json_fail_entry, .outcome = exit_outcome_fail_entry,
		.explain = "The hardware refused to enter the guest: its register state is invalid "
			   "for VM entry. The hardware reason code says which check failed.",
	},
	[EXIT_INTR] = {
		.name = "INTR", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_CONTINUE,
		.line = exit_line_intr,
		.explain = "A signal interrupted KVM_RUN: kvm-tui kicked the vCPU (pause, step, reset, "
			   "quit) or the exit-rate cap slowed it down.",
	},
	[EXIT_SET_TPR] = {
		.name = "SET_TPR", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "An old exit for a write to the task priority register (CR8); current "
			   "kernels no longer send it.",
	},
	[EXIT_TPR_ACCESS] = {
		.name = "TPR_ACCESS", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest touched the local APIC's task priority register and user space "
			   "asked to hear of it (KVM_TPR_ACCESS_REPORTING).",
	},
	[13] = FOREIGN("S390_SIEIC", "s390 only: an interception the kernel passes to user space."),
	[14] = FOREIGN("S390_RESET", "s390 only: the guest asked for a reset."),
	[15] = FOREIGN("DCR", "PowerPC only, and no longer used: a device control register access."),
	[EXIT_NMI] = {
		.name = "NMI", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "A non-maskable interrupt arrived while the guest ran.",
	},
	[EXIT_INTERNAL_ERROR] = {
		.name = "INTERNAL_ERROR", .cls = EXIT_CLASS_ERROR, .effect = EXIT_EFFECT_INTERNAL_ERROR,
		.line = exit_line_internal, .section = exit_section_internal,
		.json = exit_json_internal, .outcome = exit_outcome_internal,
		.explain = "KVM could not go on by itself, most often because its instruction "
			   "emulator met an instruction it cannot emulate.",
	},
	[18] = FOREIGN("OSI", "PowerPC only: an OSI call (Mac-on-Linux) for user space."),
	[19] = FOREIGN("PAPR_HCALL", "PowerPC only: a PAPR hypercall from a pSeries guest."),
	[20] = FOREIGN("S390_UCONTROL", "s390 only: a fault in a user-controlled virtual machine."),
	[21] = FOREIGN("WATCHDOG", "PowerPC only: the guest's watchdog timer expired."),
	[22] = FOREIGN("S390_TSCH", "s390 only: a TEST SUBCHANNEL for user space to complete."),
	[23] = FOREIGN("EPR", "PowerPC only: the guest read the external proxy register."),
	[EXIT_SYSTEM_EVENT] = {
		.name = "SYSTEM_EVENT", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_SYSTEM_EVENT,
		.line = exit_line_system_event, .section = exit_section_system_event,
		.json = exit_json_system_event, .outcome = exit_outcome_system_event,
		.explain = "The guest asked for a system event: shutdown, reset or crash.",
	},
	[25] = FOREIGN("S390_STSI", "s390 only: a STORE SYSTEM INFORMATION for user space."),
	[EXIT_IOAPIC_EOI] = {
		.name = "IOAPIC_EOI", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest ended (EOI) a level-triggered interrupt of an I/O APIC that user "
			   "space emulates while the local APIC is in the kernel (split irqchip).",
	},
	[EXIT_HYPERV] = {
		.name = "HYPERV", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest used a Hyper-V feature (SynIC, a hypercall) that user space "
			   "emulates.",
	},
	[28] = FOREIGN("ARM_NISV", "ARM only: a device access KVM could not decode (no syndrome)."),
	[EXIT_X86_RDMSR] = {
		.name = "X86_RDMSR", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.line = exit_line_rdmsr, .section = exit_section_msr, .json = exit_json_msr,
		.explain = "The guest read a model-specific register that user space handles.",
	},
	[EXIT_X86_WRMSR] = {
		.name = "X86_WRMSR", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.line = exit_line_wrmsr, .section = exit_section_msr, .json = exit_json_msr,
		.explain = "The guest wrote a model-specific register that user space handles.",
	},
	[31] = FOREIGN("DIRTY_RING_FULL", "The dirty-page ring (for live migration) is full: user "
					  "space must collect it."),
	[32] = FOREIGN("AP_RESET_HOLD", "An AMD SEV-ES secondary CPU waits to be woken."),
	[EXIT_X86_BUS_LOCK] = {
		.name = "X86_BUS_LOCK", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest took a bus lock (a split-lock atomic), reported so it can be "
			   "rate-limited.",
	},
	[34] = FOREIGN("XEN", "A Xen hypercall, from a Xen guest whose hypervisor user space plays."),
	[35] = FOREIGN("RISCV_SBI", "RISC-V only: an SBI call for user space."),
	[36] = FOREIGN("RISCV_CSR", "RISC-V only: a control and status register for user space."),
	[EXIT_NOTIFY] = {
		.name = "NOTIFY", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest stayed in a non-interruptible window too long.",
	},
	[38] = FOREIGN("LOONGARCH_IOCSR", "LoongArch only: an IOCSR access for user space."),
	[EXIT_MEMORY_FAULT] = {
		.name = "MEMORY_FAULT", .cls = EXIT_CLASS_OTHER, .effect = EXIT_EFFECT_ERROR,
		.explain = "The guest touched memory that KVM cannot map as it stands (private or "
			   "guest_memfd memory).",
	},
};

_Static_assert(sizeof(exit_table) / sizeof(exit_table[0]) <= EXIT_REASON_MAX,
	       "every known reason has a counter slot");

const struct exit_info *exit_info(unsigned reason)
{
	if (reason >= sizeof(exit_table) / sizeof(exit_table[0]) || !exit_table[reason].name)
		return &exit_table[EXIT_UNKNOWN];
	return &exit_table[reason];
}

const char *exit_reason_name(unsigned reason)
{
	return exit_info(reason)->name;
}
