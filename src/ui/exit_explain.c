/* exit_explain.c - a sentence per exit reason, for students. */
#include "exit_explain.h"

#include <stddef.h>

#include "event.h"

static const struct {
	unsigned reason;
	const char *text;
} explanations[] = {
	{ EXIT_IO, "The guest ran IN or OUT on a port the kernel does not emulate, so KVM_RUN "
		   "returned and kvm-tui played the device (the UART, the debug ports)." },
	{ EXIT_MMIO, "The guest read or wrote a physical address with no memory behind it; KVM "
		     "returned so user space can emulate the device there." },
	{ EXIT_HLT, "The guest ran HLT: it waits for an interrupt. KVM returned so user space "
		    "can decide whether anything could wake it (if nothing can, the guest stopped)." },
	{ EXIT_DEBUG, "A debug event: a single step or breakpoint that kvm-tui asked for with "
		      "KVM_SET_GUEST_DEBUG." },
	{ EXIT_SHUTDOWN, "The CPU shut down: usually a triple fault (an exception while delivering "
			 "a double fault). A real PC would reset." },
	{ EXIT_FAIL_ENTRY, "The hardware refused to enter the guest: its register state is invalid "
			   "for VM entry. The hardware reason code says which check failed." },
	{ EXIT_INTERNAL_ERROR, "KVM could not go on by itself, most often because its instruction "
			       "emulator met an instruction it cannot emulate." },
	{ EXIT_INTR, "A signal interrupted KVM_RUN: kvm-tui kicked the vCPU (pause, step, reset, "
		     "quit) or the exit-rate cap slowed it down." },
	{ EXIT_IRQ_WINDOW_OPEN, "The guest can take an interrupt now; user space asked to be told "
				"so it can inject one." },
	{ EXIT_EXCEPTION, "The guest raised an exception that KVM reflects to user space." },
	{ EXIT_HYPERCALL, "The guest made a hypercall (VMCALL/VMMCALL) for user space." },
	{ EXIT_NMI, "A non-maskable interrupt arrived while the guest ran." },
	{ EXIT_SYSTEM_EVENT, "The guest asked for a system event: shutdown, reset or crash." },
	{ EXIT_X86_RDMSR, "The guest read a model-specific register that user space handles." },
	{ EXIT_X86_WRMSR, "The guest wrote a model-specific register that user space handles." },
	{ EXIT_X86_BUS_LOCK, "The guest took a bus lock (a split-lock atomic), reported so it can "
			     "be rate-limited." },
	{ EXIT_NOTIFY, "The guest stayed in a non-interruptible window too long." },
	{ EXIT_MEMORY_FAULT, "The guest touched memory that KVM cannot map as it stands (private "
			     "or guest_memfd memory)." },
};

const char *exit_explain(unsigned reason)
{
	for (size_t i = 0; i < sizeof(explanations) / sizeof(explanations[0]); i++)
		if (explanations[i].reason == reason)
			return explanations[i].text;
	return "An exit kvm-tui has no explanation for: see the KVM API documentation "
	       "(Documentation/virt/kvm/api.rst) under KVM_RUN.";
}
