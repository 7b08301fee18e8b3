/* SPDX-License-Identifier: MIT */
/* test_ui_exit_format.c - exit log lines, full decodes and the exit history. */
#include "check.h"
#include "exit_format.h"
#include "exit_report.h"
#include "exit_history.h"
#include "port_names.h"

static struct event io_out(uint16_t port, uint8_t byte)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .seq = 12,
			    .time_ns = 421000000, .rip = 0x7c0c };
	ev.u.io.port = port;
	ev.u.io.size = 1;
	ev.u.io.dir = IO_OUT;
	ev.u.io.count = 1;
	ev.u.io.data[0] = byte;
	return ev;
}

static void test_io_lines(void)
{
	struct exit_line l;
	struct event ev = io_out(0x3f8, 'H');
	exit_format_line(&ev, &l);
	CHECK_STR(l.num, "#12");
	CHECK_STR(l.time, "0.421000s");
	CHECK_STR(l.reason, "IO");
	CHECK_STR(l.detail, "outb 0x3f8 COM1 THR 48 'H'");
	CHECK_STR(l.rip, "rip 7c0c");

	ev = io_out(0x3f8, '\n');
	exit_format_line(&ev, &l);
	CHECK_STR(l.detail, "outb 0x3f8 COM1 THR 0a '\\n'");

	ev = io_out(0x3fd, 0);
	ev.u.io.dir = IO_IN;
	ev.u.io.data[0] = 0x60;
	exit_format_line(&ev, &l);
	CHECK_STR(l.detail, "inb 0x3fd COM1 LSR -> 60");

	ev = io_out(0x1234, 0);
	ev.u.io.size = 2;
	ev.u.io.data[0] = 0x34;
	ev.u.io.data[1] = 0x12;
	exit_format_line(&ev, &l);
	CHECK_STR(l.detail, "outw 0x1234 1234");

	ev = io_out(0x3f8, 'a');
	ev.u.io.count = 5;
	exit_format_line(&ev, &l);
	CHECK_STR(l.detail, "rep outsb 0x3f8 COM1 THR 61 'a' x5");

	ev.rip = 0xffffffff81000000ull;
	exit_format_line(&ev, &l);
	CHECK_STR(l.rip, "rip ffffffff81000000");
}

static void test_other_lines(void)
{
	struct exit_line l;
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_HLT, .seq = 14 };
	exit_format_line(&ev, &l);
	CHECK_STR(l.reason, "HLT");
	CHECK_CONTAINS(l.detail, "hlt");
	ev.reason = EXIT_MMIO;
	ev.u.mmio.addr = 0xd0000000;
	ev.u.mmio.len = 4;
	ev.u.mmio.is_write = 1;
	ev.u.mmio.data[0] = 0x78;
	ev.u.mmio.data[1] = 0x56;
	ev.u.mmio.data[2] = 0x34;
	ev.u.mmio.data[3] = 0x12;
	exit_format_line(&ev, &l);
	CHECK_STR(l.detail, "write 0xd0000000 4B 12345678");
	ev.reason = EXIT_SHUTDOWN;
	exit_format_line(&ev, &l);
	CHECK_CONTAINS(l.detail, "triple fault");
	ev.reason = EXIT_DEBUG;
	ev.flags = EVENT_F_STEP;
	exit_format_line(&ev, &l);
	CHECK_CONTAINS(l.detail, "single step");
	CHECK_EQ(exit_reason_slot(EXIT_IO), THEME_EXIT_IO);
	CHECK_EQ(exit_reason_slot(EXIT_SHUTDOWN), THEME_EXIT_ERROR);
	CHECK_EQ(exit_reason_slot(EXIT_INTERNAL_ERROR), THEME_EXIT_ERROR);
	CHECK_EQ(exit_reason_slot(EXIT_INTR), THEME_EXIT_OTHER);
}

static void test_detail(void)
{
	char lines[EXIT_REPORT_LINES][EXIT_REPORT_COLS];
	struct event ev = io_out(0x3f8, 'H');
	size_t n = exit_report(&ev, NULL, lines, EXIT_REPORT_LINES, 60);
	CHECK(n > 6);
	CHECK_CONTAINS(lines[0], "#12");
	CHECK_CONTAINS(lines[1], "KVM_EXIT_IO = 2");
	int saw_port = 0, saw_why = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(strlen(lines[i]) <= 60 || i < 7);
		if (strstr(lines[i], "transmit holding register"))
			saw_port = 1;
		if (strstr(lines[i], "IN or OUT"))
			saw_why = 1;
	}
	CHECK(saw_port);
	CHECK(saw_why);
	/* a tiny buffer is respected */
	CHECK_EQ(exit_report(&ev, NULL, lines, 2, 60), 2);
}

static struct event timer_irq(uint32_t coalesced)
{
	struct event ev = { .kind = EVENT_IRQ, .seq = 6, .time_ns = 10513976 };
	ev.u.irq.vector = 0x08;
	ev.u.irq.how = IRQ_INJECTED;
	ev.u.irq.coalesced = coalesced;
	return ev;
}

/* An interrupt is a line of the log, not an exit: no number, no reason,
 * no RIP, its own colour; the arrow follows the terminal. */
static void test_irq_lines(void)
{
	struct exit_line l;
	struct event ev = timer_irq(0);
	exit_format_entry(&ev, NULL, true, &l);
	CHECK_STR(l.num, "");
	CHECK_STR(l.reason, "");
	CHECK_STR(l.rip, "");
	CHECK_STR(l.time, "0.010514s");
	CHECK_STR(l.detail, "IRQ0 timer \u2192 vector 08h injected");
	ev = timer_irq(3);
	exit_format_entry(&ev, NULL, false, &l);
	CHECK_STR(l.detail, "IRQ0 timer -> vector 08h injected (+3 ticks coalesced)");
	ev.u.irq.irq = 4;
	ev.u.irq.how = IRQ_LINE_RAISED;
	exit_format_entry(&ev, NULL, false, &l);
	CHECK_STR(l.detail, "IRQ4 COM1 line raised (KVM_IRQ_LINE)");
	CHECK_EQ(exit_event_slot(&ev), THEME_EXIT_IRQ);
	struct event io = io_out(0x20, 0x20);
	CHECK_EQ(exit_event_slot(&io), THEME_EXIT_IO);
}

/* A decoded port access: the words take the port name's place. */
static void test_decoded_lines(void)
{
	struct exit_line l;
	struct event ev = io_out(0x20, 0x20);
	exit_format_entry(&ev, "PIC1 OCW2 EOI (ends IRQ0)", true, &l);
	CHECK_STR(l.num, "#12");
	CHECK_STR(l.reason, "IO");
	CHECK_STR(l.detail, "outb 0x20 20: PIC1 OCW2 EOI (ends IRQ0)");
	CHECK_STR(l.rip, "rip 7c0c");
	ev = io_out(0x71, 0x13);
	ev.u.io.dir = IO_IN;
	exit_format_entry(&ev, "CMOS read 0x04 hours = 0x13", true, &l);
	CHECK_STR(l.detail, "inb 0x71 -> 13: CMOS read 0x04 hours = 0x13");
	exit_format_entry(&ev, "", true, &l);
	CHECK_STR(l.detail, "inb 0x71 CMOS data -> 13");
}

static void test_irq_detail(void)
{
	char lines[EXIT_REPORT_LINES][EXIT_REPORT_COLS];
	struct event ev = timer_irq(0);
	size_t n = exit_report(&ev, NULL, lines, EXIT_REPORT_LINES, 72);
	CHECK_CONTAINS(lines[0], "Interrupt after exit #6, at 0.010514 s");
	CHECK_STR(lines[1], "In short:   IRQ0 timer -> vector 08h injected");
	int saw_base = 0, saw_window = 0, saw_eoi = 0;
	for (size_t i = 0; i < n; i++) {
		saw_base |= strstr(lines[i], "PIC1's base 08h (set by ICW2) + its pin IR0") != NULL;
		saw_window |= strstr(lines[i], "IRQ_WINDOW_OPEN") != NULL;
		saw_eoi |= strstr(lines[i], "EOI") != NULL;
	}
	CHECK(saw_base && saw_window && saw_eoi);
	/* It fits the decode box of an 80x24 screen (19 rows inside). */
	CHECK(n <= 19);
	/* An exit with a decode says it in its own line. */
	struct event io = io_out(0x20, 0x20);
	n = exit_report(&io, "PIC1 OCW2 EOI (ends IRQ0)", lines, EXIT_REPORT_LINES, 72);
	int saw_decoded = 0;
	for (size_t i = 0; i < n; i++)
		saw_decoded |= strcmp(lines[i], "Decoded:    PIC1 OCW2 EOI (ends IRQ0)") == 0;
	CHECK(saw_decoded);
}

static void test_ports(void)
{
	CHECK_STR(port_name_of(0x3f8, IO_IN).short_name, "COM1 RBR");
	CHECK_STR(port_name_of(0x3fa, IO_OUT).short_name, "COM1 FCR");
	CHECK_STR(port_name_of(0x2f9, IO_OUT).short_name, "COM2 IER");
	CHECK_STR(port_name_of(0xe9, IO_OUT).short_name, "debugcon");
	CHECK_STR(port_name_of(0xf4, IO_OUT).short_name, "debug-exit");
	CHECK(port_name_of(0x1234, IO_OUT).short_name == NULL);
}

static void test_history(void)
{
	struct exit_history h;
	CHECK_EQ(exit_history_init(&h, 4), 0);
	for (uint64_t i = 1; i <= 10; i++) {
		struct event ev = { .kind = EVENT_EXIT, .seq = i };
		exit_history_push(&h, &ev, i % 2 ? NULL : "PIC1 OCW2 EOI");
	}
	CHECK_EQ(exit_history_count(&h), 4);
	CHECK_STR(exit_history_decode(&h, 6), "");
	CHECK_STR(exit_history_decode(&h, 7), "PIC1 OCW2 EOI");
	CHECK_STR(exit_history_decode(&h, 5), "");
	CHECK(exit_history_at(&h, 5) == NULL);
	CHECK_EQ(exit_history_at(&h, 6)->seq, 7);
	CHECK_EQ(exit_history_at(&h, 9)->seq, 10);
	CHECK(exit_history_at(&h, 10) == NULL);
	exit_history_clear(&h);
	CHECK_EQ(exit_history_count(&h), 0);
	exit_history_free(&h);
}

int main(void)
{
	test_io_lines();
	test_other_lines();
	test_detail();
	test_irq_lines();
	test_decoded_lines();
	test_irq_detail();
	test_ports();
	test_history();
	return check_done();
}
