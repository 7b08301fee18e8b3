/* SPDX-License-Identifier: MIT */
/* test_port_decoder.c - device port accesses in words, fed as sequences of
 * records the way a console (live or replaying) sees them. */
#include "check.h"
#include "port_decoder.h"

static uint16_t generation;

static struct event io(uint16_t port, int dir, uint8_t value)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = generation };
	ev.u.io.port = port;
	ev.u.io.dir = (uint8_t)dir;
	ev.u.io.size = 1;
	ev.u.io.count = 1;
	ev.u.io.data[0] = value;
	return ev;
}

static char text[PORT_DECODE_MAX];

static const char *feed(struct port_decoder *d, uint16_t port, int dir, uint8_t value)
{
	struct event ev = io(port, dir, value);
	size_t n = port_decoder_feed(d, &ev, text, sizeof(text));
	CHECK_EQ(n, strlen(text));
	return text;
}

static const char *out(struct port_decoder *d, uint16_t port, uint8_t value)
{
	return feed(d, port, IO_OUT, value);
}

static const char *in(struct port_decoder *d, uint16_t port, uint8_t value)
{
	return feed(d, port, IO_IN, value);
}

static void inject(struct port_decoder *d, unsigned irq, unsigned vector)
{
	struct event ev = { .kind = EVENT_IRQ, .generation = generation };
	ev.u.irq.irq = (uint8_t)irq;
	ev.u.irq.vector = (uint8_t)vector;
	ev.u.irq.how = IRQ_INJECTED;
	CHECK_EQ(port_decoder_feed(d, &ev, text, sizeof(text)), 0);
	CHECK_STR(text, "");
}

static void test_pit(void)
{
	struct port_decoder d = { 0 };
	CHECK_STR(out(&d, 0x43, 0x34), "PIT control: ch0 lo/hi mode 2 binary");
	CHECK_STR(out(&d, 0x40, 0x9c), "PIT ch0 count low byte 9c (high byte next)");
	CHECK_STR(out(&d, 0x40, 0x2e), "PIT ch0 mode 2 rate 11932 = 100.0 Hz (IRQ 0)");
	/* mode 3, 1193: the example */
	CHECK_STR(out(&d, 0x43, 0x36), "PIT control: ch0 lo/hi mode 3 binary");
	CHECK_STR(out(&d, 0x40, 0xa9), "PIT ch0 count low byte a9 (high byte next)");
	CHECK_STR(out(&d, 0x40, 0x04), "PIT ch0 mode 3 rate 1193 = 1000.2 Hz (IRQ 0)");
	/* The flip-flop turns over: the next pair is a new count. */
	CHECK_STR(out(&d, 0x40, 0x00), "PIT ch0 count low byte 00 (high byte next)");
	CHECK_STR(out(&d, 0x40, 0x00), "PIT ch0 mode 3 rate 65536 = 18.2 Hz (IRQ 0)");
	/* A control word resets the flip-flop halfway through. */
	CHECK_STR(out(&d, 0x40, 0x12), "PIT ch0 count low byte 12 (high byte next)");
	out(&d, 0x43, 0x30);
	CHECK_STR(out(&d, 0x40, 0x34), "PIT ch0 count low byte 34 (high byte next)");
	CHECK_STR(out(&d, 0x40, 0x12), "PIT ch0 mode 0 count 4660 = 3.906 ms (IRQ 0)");
	/* Channel 2, low byte only, BCD. */
	out(&d, 0x43, 0x97);
	CHECK_STR(out(&d, 0x42, 0x50), "PIT ch2 mode 3 rate 50 bcd = 23863.6 Hz (speaker)");
	/* Reads alternate low and high bytes in lo/hi access. */
	out(&d, 0x43, 0x00);
	CHECK_STR(in(&d, 0x40, 0x11), "PIT ch0 read count low byte 11");
	CHECK_STR(in(&d, 0x40, 0x22), "PIT ch0 read count high byte 22");
	CHECK_STR(out(&d, 0x61, 0x03), "port 61h: gate2 on, speaker on");
}

static void test_cmos(void)
{
	struct port_decoder d = { 0 };
	/* Byte 0 is selected at reset. */
	CHECK_STR(in(&d, 0x71, 0x59), "CMOS read 0x00 seconds = 0x59");
	CHECK_STR(out(&d, 0x70, 0x04), "CMOS select 0x04 (hours), NMI on");
	CHECK_STR(in(&d, 0x71, 0x13), "CMOS read 0x04 hours = 0x13");
	/* The index stays: a second read is the same byte. */
	CHECK_STR(in(&d, 0x71, 0x13), "CMOS read 0x04 hours = 0x13");
	CHECK_STR(out(&d, 0x70, 0x8b), "CMOS select 0x0b (register B), NMI off");
	CHECK_STR(out(&d, 0x71, 0x02), "CMOS write 0x0b register B = 0x02 (BCD, 24 h)");
	/* A rep string access leaves the index unknown: no guessing. */
	struct event rep = io(0x70, IO_OUT, 0x00);
	rep.u.io.count = 2;
	CHECK_EQ(port_decoder_feed(&d, &rep, text, sizeof(text)), 0);
	CHECK_STR(in(&d, 0x71, 0x07), "CMOS read = 0x07 (byte selected before the records begin)");
}

static void test_pic(void)
{
	struct port_decoder d = { 0 };
	/* The BIOS state: IRQ 0 goes in at 08h, the EOI ends it. */
	inject(&d, 0, 0x08);
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (ends IRQ0)");
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (nothing in service)");
	/* Reprogramming: ICW1-4 on both chips. */
	CHECK_STR(out(&d, 0x20, 0x11), "PIC1 ICW1 edge cascade ICW4");
	CHECK_STR(out(&d, 0x21, 0x20), "PIC1 ICW2 vector base 20h: IRQ0-7 -> 20h-27h");
	CHECK_STR(out(&d, 0x21, 0x04), "PIC1 ICW3 slaves on IR2");
	CHECK_STR(out(&d, 0x21, 0x01), "PIC1 ICW4 8086 mode, normal EOI: init done");
	CHECK_STR(out(&d, 0xa0, 0x11), "PIC2 ICW1 edge cascade ICW4");
	CHECK_STR(out(&d, 0xa1, 0x28), "PIC2 ICW2 vector base 28h: IRQ8-15 -> 28h-2fh");
	CHECK_STR(out(&d, 0xa1, 0x02), "PIC2 ICW3 cascade ID 2 (on PIC1's IR2)");
	CHECK_STR(out(&d, 0xa1, 0x01), "PIC2 ICW4 8086 mode, normal EOI: init done");
	/* Now the data port is the mask (OCW1). */
	CHECK_STR(out(&d, 0x21, 0xfe), "PIC1 OCW1 mask fe: IRQ 0 unmasked, the rest masked");
	CHECK_STR(out(&d, 0xa1, 0xff), "PIC2 OCW1 mask ff: all masked");
	CHECK_STR(out(&d, 0x21, 0x18), "PIC1 OCW1 mask 18: IRQ 3 4 masked");
	/* Nested: the timer in service, then the keyboard; EOIs end the
	 * highest priority first. A slave IRQ holds the cascade too. */
	inject(&d, 1, 0x21);
	inject(&d, 0, 0x20);
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (ends IRQ0)");
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (ends IRQ1)");
	inject(&d, 8, 0x28);
	CHECK_STR(out(&d, 0xa0, 0x20), "PIC2 OCW2 EOI (ends IRQ8)");
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (ends IR2, the cascade)");
	CHECK_STR(out(&d, 0x20, 0x0b), "PIC1 OCW3 read ISR");
	CHECK_STR(in(&d, 0x21, 0xfe), "PIC1 read IMR 0xfe (only IRQ 0 unmasked)");
	/* OCW3 chose ISR: the command port reads it until told otherwise. */
	CHECK_STR(in(&d, 0x20, 0x05), "PIC1 read ISR 0x05: IRQ 0 2 in service");
	CHECK_STR(in(&d, 0x20, 0x00), "PIC1 read ISR 0x00: none in service");
	CHECK_STR(out(&d, 0x20, 0x0a), "PIC1 OCW3 read IRR");
	CHECK_STR(in(&d, 0x20, 0x02), "PIC1 read IRR 0x02: IRQ 1 requested");
	/* A poll makes the next read, at either port, the poll word. */
	CHECK_STR(out(&d, 0xa0, 0x0c), "PIC2 OCW3 poll");
	CHECK_STR(in(&d, 0xa1, 0x84), "PIC2 read poll 0x84: IRQ12 is next");
	CHECK_STR(in(&d, 0xa1, 0xff), "PIC2 read IMR 0xff (all masked)");
	CHECK_STR(out(&d, 0x20, 0x0c), "PIC1 OCW3 poll");
	CHECK_STR(in(&d, 0x20, 0x00), "PIC1 read poll 0x00: nothing pending");
	CHECK_STR(in(&d, 0x20, 0x00), "PIC1 read IRR 0x00: none requested");
	/* Auto-EOI: nothing stays in service. */
	out(&d, 0x20, 0x11);
	out(&d, 0x21, 0x08);
	out(&d, 0x21, 0x04);
	CHECK_STR(out(&d, 0x21, 0x03), "PIC1 ICW4 8086 mode, auto EOI: init done");
	inject(&d, 0, 0x08);
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (nothing in service)");
	/* Rotation: which IRQ an EOI ends is no longer known, so not said. */
	CHECK_STR(out(&d, 0x20, 0xc3), "PIC1 OCW2 set priority, lowest IR3");
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI");
}

static void test_kbc(void)
{
	struct port_decoder d = { 0 };
	CHECK_STR(in(&d, 0x64, 0x1d), "KBC status = 0x1d (OBF)");
	CHECK_STR(in(&d, 0x60, 0x1e), "KBC read scan 0x1e 'a' make");
	CHECK_STR(in(&d, 0x60, 0x9e), "KBC read scan 0x9e 'a' break");
	CHECK_STR(out(&d, 0x64, 0x20), "KBC command 0x20 read command byte");
	CHECK_STR(in(&d, 0x60, 0x65), "KBC read 0x65, the answer to command 0x20 read command byte");
	CHECK_STR(in(&d, 0x60, 0x1e), "KBC read scan 0x1e 'a' make");
	CHECK_STR(out(&d, 0x64, 0xd1), "KBC command 0xd1 write output port");
	CHECK_STR(out(&d, 0x60, 0xdf), "KBC write data 0xdf (for command 0xd1)");
	CHECK_STR(out(&d, 0x60, 0xf4), "KBC write data 0xf4 (keyboard enable)");
	CHECK_STR(out(&d, 0x92, 0x02), "port 92h: A20 on");
}

static void test_reset_midway(void)
{
	struct port_decoder d = { 0 };
	generation = 1;
	out(&d, 0x43, 0x34);
	CHECK_STR(out(&d, 0x40, 0x9c), "PIT ch0 count low byte 9c (high byte next)");
	out(&d, 0x70, 0x04);
	out(&d, 0x20, 0x11);
	inject(&d, 0, 0x08);
	/* A reset: the new machine's records carry the next generation. */
	generation = 2;
	CHECK_STR(out(&d, 0x40, 0x2e), "PIT ch0 count low byte 2e (high byte next)");
	CHECK_STR(in(&d, 0x71, 0x30), "CMOS read 0x00 seconds = 0x30");
	CHECK_STR(out(&d, 0x21, 0xfe), "PIC1 OCW1 mask fe: IRQ 0 unmasked, the rest masked");
	CHECK_STR(out(&d, 0x20, 0x20), "PIC1 OCW2 EOI (nothing in service)");
	generation = 0;
}

static void test_not_devices(void)
{
	struct port_decoder d = { 0 };
	CHECK_EQ(port_decoder_feed(&d, &(struct event){ .kind = EVENT_EXIT, .reason = EXIT_HLT }, text,
				   sizeof(text)), 0);
	CHECK_STR(out(&d, 0x3f8, 'H'), "");
	CHECK_STR(out(&d, 0xe9, 'H'), "");
	/* A short buffer stays terminated. */
	struct event ev = io(0x20, IO_OUT, 0x20);
	char small[8];
	CHECK_EQ(port_decoder_feed(&d, &ev, small, sizeof(small)), 7);
	CHECK_STR(small, "PIC1 OC");
}

int main(void)
{
	test_pit();
	test_cmos();
	test_pic();
	test_kbc();
	test_reset_midway();
	test_not_devices();
	return check_done();
}
