/* SPDX-License-Identifier: MIT */
/* test_irq_describe.c - interrupt records in words: the exit log's line, the
 * full decode and the --trace members. */
#include "check.h"
#include "irq_describe.h"

static struct event irq(unsigned line, unsigned vector, unsigned how, uint32_t coalesced)
{
	struct event ev = { .kind = EVENT_IRQ, .seq = 6, .time_ns = 14000000 };
	ev.u.irq.irq = (uint8_t)line;
	ev.u.irq.vector = (uint8_t)vector;
	ev.u.irq.how = (uint8_t)how;
	ev.u.irq.coalesced = coalesced;
	return ev;
}

static const char *line(struct event ev, bool utf8)
{
	static char buf[128];
	struct exit_text t = exit_text_init(buf, sizeof(buf));
	irq_describe_line(&ev, utf8, &t);
	return buf;
}

static void test_lines(void)
{
	CHECK_STR(line(irq(0, 0x08, IRQ_INJECTED, 0), false), "IRQ0 timer -> vector 08h injected");
	CHECK_STR(line(irq(0, 0x08, IRQ_INJECTED, 0), true), "IRQ0 timer \u2192 vector 08h injected");
	CHECK_STR(line(irq(0, 0x20, IRQ_INJECTED, 3), false),
		  "IRQ0 timer -> vector 20h injected (+3 ticks coalesced)");
	CHECK_STR(line(irq(0, 0x08, IRQ_INJECTED, 1), false),
		  "IRQ0 timer -> vector 08h injected (+1 tick coalesced)");
	CHECK_STR(line(irq(4, 0, IRQ_LINE_RAISED, 0), false), "IRQ4 COM1 line raised (KVM_IRQ_LINE)");
	CHECK_STR(line(irq(4, 0, IRQ_LINE_LOWERED, 0), false), "IRQ4 COM1 line lowered (KVM_IRQ_LINE)");
	CHECK_STR(line(irq(8, 0x70, IRQ_INJECTED, 0), false), "IRQ8 RTC -> vector 70h injected");
	CHECK_STR(line(irq(1, 0, 7, 0), false), "IRQ1 keyboard (record kind 7 from a newer kvm-tui)");
}

static void test_names(void)
{
	static const char *const want[16] = { "timer", "keyboard", "cascade", "COM2", "COM1", "LPT2",
					      "floppy", "LPT1", "RTC", "ACPI", "free", "free",
					      "mouse", "FPU", "IDE0", "IDE1" };
	for (unsigned i = 0; i < 16; i++)
		CHECK_STR(irq_source_name(i), want[i]);
	CHECK_STR(irq_source_name(16), "?");
	CHECK_STR(irq_how_name(IRQ_INJECTED), "injected");
	CHECK_STR(irq_how_name(IRQ_LINE_RAISED), "raised");
	CHECK_STR(irq_how_name(IRQ_LINE_LOWERED), "lowered");
	CHECK_STR(irq_how_name(9), "?");
}

static void test_section(void)
{
	char buf[1024];
	struct event ev = irq(0, 0x08, IRQ_INJECTED, 2);
	struct exit_text t = exit_text_init(buf, sizeof(buf));
	irq_describe_section(&ev, &t);
	CHECK_CONTAINS(buf, "Line:       IRQ 0, the 8254 PIT's channel 0");
	CHECK_CONTAINS(buf, "Vector:     08h = PIC1's base 08h (set by ICW2) + its pin IR0\n");
	CHECK_CONTAINS(buf, "Handler:    IVT/IDT entry 08h (real mode: the far pointer at 0000:0020)\n");
	CHECK_CONTAINS(buf, "KVM_INTERRUPT");
	CHECK_CONTAINS(buf, "Coalesced:  2 more ticks");
	CHECK_CONTAINS(irq_explain(&ev), "request_interrupt_window");
	CHECK_CONTAINS(irq_explain(&ev), "ICW2");
	ev = irq(10, 0x72, IRQ_INJECTED, 0);
	t = exit_text_init(buf, sizeof(buf));
	irq_describe_section(&ev, &t);
	CHECK_CONTAINS(buf, "72h = PIC2's base 70h (set by ICW2) + its pin IR2");
	/* A vector that does not fit the line is shown as it is. */
	ev = irq(3, 0x0f, IRQ_INJECTED, 0);
	t = exit_text_init(buf, sizeof(buf));
	irq_describe_section(&ev, &t);
	CHECK_CONTAINS(buf, "Vector:     0fh\n");
	ev = irq(4, 0, IRQ_LINE_RAISED, 0);
	t = exit_text_init(buf, sizeof(buf));
	irq_describe_section(&ev, &t);
	CHECK(!strstr(buf, "Vector"));
	CHECK_CONTAINS(buf, "line raised with KVM_IRQ_LINE");
	CHECK_CONTAINS(irq_explain(&ev), "KVM_CREATE_IRQCHIP");
}

static void test_json(void)
{
	char buf[256];
	struct event ev = irq(0, 0x08, IRQ_INJECTED, 3);
	struct exit_text t = exit_text_init(buf, sizeof(buf));
	irq_json(&ev, &t);
	CHECK_STR(buf, ",\"kind\":\"irq\",\"line\":0,\"source\":\"timer\",\"vector\":8,"
		       "\"how\":\"injected\",\"coalesced\":3");
	ev = irq(4, 0, IRQ_LINE_LOWERED, 0);
	t = exit_text_init(buf, sizeof(buf));
	irq_json(&ev, &t);
	CHECK_STR(buf, ",\"kind\":\"irq\",\"line\":4,\"source\":\"COM1\",\"how\":\"lowered\",\"coalesced\":0");
}

int main(void)
{
	test_lines();
	test_names();
	test_section();
	test_json();
	return check_done();
}
