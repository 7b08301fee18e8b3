/* SPDX-License-Identifier: MIT */
/* irq_describe.c - interrupt records in words (see irq_describe.h).
 *
 * The source names are the PC/AT's wiring, which every PC since keeps for
 * the legacy lines: a student reading "IRQ4 COM1" learns the map by use.
 */
#include "irq_describe.h"

#include <inttypes.h>

static const struct {
	const char *name, *about;
} irq_sources[IRQ_LINES] = {
	{ "timer", "the 8254 PIT's channel 0, the system timer" },
	{ "keyboard", "the 8042 keyboard controller (a byte for the guest)" },
	{ "cascade", "PIC2's output: IRQ 8-15 reach the CPU through PIC1's IR2" },
	{ "COM2", "the second serial port (16550 at 0x2f8)" },
	{ "COM1", "the first serial port (16550 at 0x3f8)" },
	{ "LPT2", "the second parallel port (or a sound card)" },
	{ "floppy", "the floppy disk controller" },
	{ "LPT1", "the first parallel port (and PIC1's spurious IRQ)" },
	{ "RTC", "the CMOS real-time clock (periodic, alarm, update)" },
	{ "ACPI", "free on ISA (an old card's IRQ 2 lands here); ACPI on later PCs" },
	{ "free", "free for add-in cards" },
	{ "free", "free for add-in cards" },
	{ "mouse", "the 8042's auxiliary (PS/2 mouse) port" },
	{ "FPU", "the x87 floating-point unit's error line" },
	{ "IDE0", "the primary IDE disk channel" },
	{ "IDE1", "the secondary IDE disk channel (and PIC2's spurious IRQ)" },
};

const char *irq_source_name(unsigned irq)
{
	return irq < IRQ_LINES ? irq_sources[irq].name : "?";
}

const char *irq_source_about(unsigned irq)
{
	return irq < IRQ_LINES ? irq_sources[irq].about : "not a PC interrupt line";
}

const char *irq_how_name(unsigned how)
{
	switch (how) {
	case IRQ_INJECTED: return "injected";
	case IRQ_LINE_RAISED: return "raised";
	case IRQ_LINE_LOWERED: return "lowered";
	default: return "?";
	}
}

void irq_describe_line(const struct event *ev, bool utf8, struct exit_text *out)
{
	unsigned line = ev->u.irq.irq, how = ev->u.irq.how;
	exit_text_printf(out, "IRQ%u %s ", line, irq_source_name(line));
	if (how == IRQ_INJECTED) {
		exit_text_printf(out, "%s vector %02xh injected", utf8 ? "\u2192" : "->", ev->u.irq.vector);
		uint32_t c = ev->u.irq.coalesced;
		if (c)
			exit_text_printf(out, " (+%" PRIu32 " tick%s coalesced)", c, c == 1 ? "" : "s");
	} else if (how == IRQ_LINE_RAISED || how == IRQ_LINE_LOWERED) {
		exit_text_printf(out, "line %s (KVM_IRQ_LINE)", irq_how_name(how));
	} else {
		exit_text_printf(out, "(record kind %u from a newer kvm-tui)", how);
	}
}

/* Which 8259 has the line, and the vector base its ICW2 gave, when the
 * vector agrees with the line (a spurious IR7 or a vector the guest chose
 * otherwise is shown as it is). */
static void section_vector(const struct event *ev, struct exit_text *out)
{
	unsigned line = ev->u.irq.irq, vector = ev->u.irq.vector;
	exit_text_printf(out, "Vector:     %02xh", vector);
	if (line < IRQ_LINES && (vector & 7u) == (line & 7u))
		exit_text_printf(out, " = PIC%u's base %02xh (set by ICW2) + its pin IR%u", line < 8 ? 1 : 2,
				 vector & 0xf8u, line & 7u);
	exit_text_printf(out, "\n");
	exit_text_printf(out, "Handler:    IVT/IDT entry %02xh (real mode: the far pointer at 0000:%04x)\n",
			 vector, vector * 4u);
}

void irq_describe_section(const struct event *ev, struct exit_text *out)
{
	unsigned line = ev->u.irq.irq, how = ev->u.irq.how;
	exit_text_printf(out, "Line:       IRQ %u, %s\n", line, irq_source_about(line));
	if (how == IRQ_INJECTED) {
		section_vector(ev, out);
		exit_text_printf(out, "How:        injected by kvm-tui (KVM_INTERRUPT): its own PIC, "
				      "the user-space irqchip\n");
		if (ev->u.irq.coalesced)
			exit_text_printf(out, "Coalesced:  %" PRIu32 " more tick%s of the timer came due "
					      "before this one went in\n", ev->u.irq.coalesced,
					 ev->u.irq.coalesced == 1 ? "" : "s");
	} else {
		exit_text_printf(out, "How:        line %s with KVM_IRQ_LINE: KVM's in-kernel PIC decides "
				      "when it goes in\n", irq_how_name(how));
	}
}

static const char injected_why[] =
	"Not an exit: this line shows where, between two exits, an interrupt went into the guest. "
	"kvm-tui plays the PC's 8259 PIC itself (a user-space irqchip), so KVM never sees the "
	"device's line. Before each KVM_RUN kvm-tui asks its PIC for the highest-priority pending "
	"IRQ. If the guest can take it (IF=1 and no STI or MOV SS shadow: KVM's "
	"ready_for_interrupt_injection), KVM_INTERRUPT hands KVM the vector and the guest enters "
	"straight into the handler. If not, kvm-tui sets request_interrupt_window, KVM exits with "
	"IRQ_WINDOW_OPEN as soon as the guest can take it, and the injection follows that exit. "
	"The vector is the base the guest gave the PIC in ICW2 (08h on PIC1, 70h on PIC2 as a BIOS "
	"leaves them) plus the IRQ's pin; the IRQ stays in service until the handler's EOI "
	"(OUT 0x20 <- 0x20).";

static const char line_why[] =
	"No VM exit happened here. With the in-kernel irqchip (KVM_CREATE_IRQCHIP) the PICs, the "
	"I/O APIC and the PIT live inside KVM: kvm-tui's own devices (the UART, the keyboard, the "
	"RTC) only move their interrupt line with the KVM_IRQ_LINE ioctl, and KVM's PIC decides "
	"when the guest can take the interrupt and injects it without telling user space. So you "
	"see the line move, not the vector, and the PIC's port accesses (EOI, masks) no longer "
	"appear as exits: KVM handles them in the kernel (compare the statistics pane's in-kernel "
	"counts with the user-space irqchip's).";

const char *irq_explain(const struct event *ev)
{
	return ev->u.irq.how == IRQ_INJECTED ? injected_why : line_why;
}

void irq_json(const struct event *ev, struct exit_text *out)
{
	exit_json_string(out, "kind", "irq");
	exit_json_uint(out, "line", ev->u.irq.irq);
	exit_json_string(out, "source", irq_source_name(ev->u.irq.irq));
	if (ev->u.irq.how == IRQ_INJECTED)
		exit_json_uint(out, "vector", ev->u.irq.vector);
	exit_json_string(out, "how", irq_how_name(ev->u.irq.how));
	exit_json_uint(out, "coalesced", ev->u.irq.coalesced);
}
