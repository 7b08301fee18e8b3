/* SPDX-License-Identifier: MIT */
/* test_bios_services.c - the BIOS's ROM image, the memory it sets up, and
 * the services that need no device of their own: int 11h, 12h, 15h (waits,
 * the memory map, A20), 14h (COM1 through its ports), 17h, 18h/19h, 1Ah
 * (ticks, the CMOS clock through its ports), and the dispatcher. Guest RAM
 * is a plain buffer; the ports are small fakes that record what they saw. */
#include <stdlib.h>

#include "bios.h"
#include "bios_data_area.h"
#include "bios_rom.h"
#include "bios_setup.h"
#include "check.h"

#define RAM_SIZE (2u << 20) /* 2 MiB: base memory, the hole, 1 MiB above */

/* ---- fakes: a CMOS clock and a UART behind port_in/port_out ---- */

struct fake_ports {
	uint8_t cmos_index, cmos[128];
	uint8_t uart_lsr, uart_rbr, uart_thr, uart_lcr;
	unsigned uart_writes;
	unsigned reboots;
	uint64_t now;
};

static uint8_t fake_in(void *ctx, uint16_t port)
{
	struct fake_ports *f = ctx;
	if (port == 0x71)
		return f->cmos[f->cmos_index & 0x7f];
	if (port == 0x3f8 + 5)
		return f->uart_lsr;
	if (port == 0x3f8 + 6)
		return 0xb0; /* MSR: CTS, DSR, DCD */
	if (port == 0x3f8)
		return f->uart_rbr;
	return 0xff;
}

static void fake_out(void *ctx, uint16_t port, uint8_t v)
{
	struct fake_ports *f = ctx;
	if (port == 0x70)
		f->cmos_index = v;
	else if (port == 0x71)
		f->cmos[f->cmos_index & 0x7f] = v;
	else if (port == 0x3f8) {
		f->uart_thr = v;
		f->uart_writes++;
	} else if (port == 0x3f8 + 3)
		f->uart_lcr = v;
}

static void fake_reboot(void *ctx)
{
	((struct fake_ports *)ctx)->reboots++;
}

static uint64_t fake_now(void *ctx)
{
	return ((struct fake_ports *)ctx)->now;
}

static struct fake_ports ports;

static struct bios *new_bios(void)
{
	static struct bios b;
	static uint8_t *ram;
	if (!ram)
		ram = malloc(RAM_SIZE);
	memset(ram, 0, RAM_SIZE);
	memset(&b, 0, sizeof b);
	memset(&ports, 0, sizeof ports);
	b.mem = (struct bios_mem){ .ram = ram, .size = RAM_SIZE };
	b.host = (struct bios_host){ .ctx = &ports, .reboot = fake_reboot, .now_ns = fake_now,
				     .port_in = fake_in, .port_out = fake_out };
	struct bios_boot_config cfg = { .ram_size = RAM_SIZE, .floppies = 1, .hard_disks = 1,
					.ns_since_midnight = 3600ull * 1000000000ull };
	bios_setup_memory(&b.mem, &cfg);
	return &b;
}

static struct bios_regs regs(uint16_t ax)
{
	return (struct bios_regs){ .eax = ax, .ebx = 0x11112222, .ecx = 0x33334444, .edx = 0x55556666,
				   .esi = 0x77778888, .edi = 0x9999aaaa, .ss = 0x0000, .esp = 0x7c00 };
}

static struct bios_call call_int(struct bios *b, uint8_t vector, struct bios_regs *r)
{
	struct bios_call call;
	bios_dispatch(b, vector, false, r, &call);
	CHECK_EQ(call.vector, vector);
	return call;
}

/* ---- the ROM and the memory it leaves ---- */

static void test_rom_and_setup(void)
{
	CHECK(bios_rom_valid());
	struct bios *b = new_bios();
	/* Every vector points into the ROM but 1Dh and 1Fh, which are data
	 * pointers (video parameters, the upper font) this BIOS has no table for. */
	for (unsigned v = 0; v < 256; v++) {
		uint32_t far = bios_peek32(&b->mem, 4ull * v);
		CHECK_EQ(far, bios_rom_vector(v));
		if (v != 0x1d && v != 0x1f)
			CHECK_EQ(far >> 16, BIOS_ROM_SEGMENT);
		else
			CHECK_EQ(far, 0);
	}
	CHECK(bios_rom_vector(0x10) != bios_rom_vector(0x13));
	/* The reset vector at F000:FFF0 boots again: INT 19h. */
	CHECK_EQ(b->mem.ram[0xffff0], 0xcd);
	CHECK_EQ(b->mem.ram[0xffff1], 0x19);
	CHECK_EQ(bios_peek16(&b->mem, BDA_COM_PORTS), 0x3f8);
	CHECK_EQ(bios_peek16(&b->mem, BDA_MEMORY_KB), 640);
	CHECK_EQ(bios_peek16(&b->mem, BDA_EQUIPMENT) & 0x0031, 0x0021); /* a floppy, 80x25 colour */
	CHECK_EQ(bios_peek8(&b->mem, BDA_VIDEO_MODE), 3);
	CHECK_EQ(bios_peek16(&b->mem, BDA_VIDEO_COLUMNS), 80);
	CHECK_EQ(bios_peek16(&b->mem, BDA_KBD_HEAD), 0x1e);
	CHECK_EQ(bios_peek16(&b->mem, BDA_KBD_TAIL), 0x1e);
	CHECK_EQ(bios_peek8(&b->mem, BDA_HARD_DISKS), 1);
	CHECK_EQ(bios_peek16(&b->mem, 0xb8000), 0x0720);
	CHECK_EQ(bios_peek16(&b->mem, 0xbfffe), 0x0720);
	/* One o'clock is 65543 ticks (18.2065 a second). */
	CHECK_EQ(bios_peek32(&b->mem, BDA_TICKS), 65543);
	CHECK_EQ(bios_ticks_for(0), 0);
	CHECK_EQ(bios_ticks_for(86400ull * 1000000000ull - 1), 0x1800b0 - 1);
	/* The ROM is read-only to the services too. */
	bios_poke8(&b->mem, 0xf0000, 0x12);
	CHECK(b->mem.ram[0xf0000] != 0x12 || bios_rom_image[0] == 0x12);
}

static void test_trap_table(void)
{
	/* Each service's stub is in the trap table under its vector. */
	unsigned found = 0;
	for (uint32_t ip = 0; ip < BIOS_ROM_SIZE; ip++) {
		struct bios_trap t;
		if (!bios_rom_trap_at((uint16_t)ip, &t))
			continue;
		found++;
		CHECK_EQ(t.site, ip);
		CHECK(t.kind == BIOS_TRAP_SERVICE || t.kind == BIOS_TRAP_IRQ);
		if (t.kind == BIOS_TRAP_IRQ)
			CHECK_EQ(t.vector, 0x09);
	}
	CHECK(found >= 11); /* 10h-1Ah's services and int 9's key */
	struct bios_trap t;
	CHECK(!bios_rom_trap_at(0x0000, &t));
}

/* ---- int 11h, 12h, 15h ---- */

static void test_system(void)
{
	struct bios *b = new_bios();
	struct bios_regs r = regs(0xffff);
	call_int(b, 0x11, &r);
	CHECK_EQ(bios_ax(&r), bios_peek16(&b->mem, BDA_EQUIPMENT));
	CHECK_EQ(r.ebx, 0x11112222);
	r = regs(0xffff);
	call_int(b, 0x12, &r);
	CHECK_EQ(bios_ax(&r), 640);

	/* 88h: KiB above 1 MiB. */
	r = regs(0x8800);
	r.flags = BIOS_FLAG_CF;
	call_int(b, 0x15, &r);
	CHECK_EQ(bios_ax(&r), 1024);
	CHECK(!(r.flags & BIOS_FLAG_CF));

	/* E801h. */
	r = regs(0xe801);
	call_int(b, 0x15, &r);
	CHECK_EQ(bios_ax(&r), 1024);
	CHECK_EQ(bios_cx(&r), 1024);
	CHECK_EQ(bios_bx(&r), 0);

	/* E820h: base RAM, the ROM, RAM above 1 MiB, EBX 0 after the last. */
	uint32_t next = 0;
	uint64_t bases[3], lens[3];
	uint32_t types[3];
	for (unsigned i = 0; i < 3; i++) {
		r = regs(0xe820);
		r.eax = 0xe820;
		r.edx = 0x534d4150;
		r.ecx = 24;
		r.ebx = next;
		r.es = 0x0050;
		r.edi = 0x0000;
		struct bios_call c = call_int(b, 0x15, &r);
		CHECK(!c.unknown);
		CHECK(!(r.flags & BIOS_FLAG_CF));
		CHECK_EQ(r.eax, 0x534d4150);
		CHECK_EQ(r.ecx, 20);
		bases[i] = bios_peek32(&b->mem, 0x500) | (uint64_t)bios_peek32(&b->mem, 0x504) << 32;
		lens[i] = bios_peek32(&b->mem, 0x508) | (uint64_t)bios_peek32(&b->mem, 0x50c) << 32;
		types[i] = bios_peek32(&b->mem, 0x510);
		next = r.ebx;
	}
	CHECK_EQ(next, 0);
	CHECK_EQ(bases[0], 0);
	CHECK_EQ(lens[0], 0xa0000);
	CHECK_EQ(types[0], 1);
	CHECK_EQ(bases[1], 0xf0000);
	CHECK_EQ(types[1], 2);
	CHECK_EQ(bases[2], 0x100000);
	CHECK_EQ(lens[2], RAM_SIZE - 0x100000);
	/* Without the signature: refused. */
	r = regs(0xe820);
	r.eax = 0xe820;
	r.edx = 0;
	call_int(b, 0x15, &r);
	CHECK(r.flags & BIOS_FLAG_CF);

	/* A20: on, and it stays on. */
	r = regs(0x2402);
	call_int(b, 0x15, &r);
	CHECK_EQ(bios_ax(&r), 0x0001);
	r = regs(0x2400);
	call_int(b, 0x15, &r);
	CHECK(r.flags & BIOS_FLAG_CF);
	r = regs(0x2403);
	call_int(b, 0x15, &r);
	CHECK_EQ(bios_bx(&r), 3);

	/* Unknown: CF, AH=86h, logged as unknown. */
	r = regs(0xc000);
	struct bios_call c = call_int(b, 0x15, &r);
	CHECK(c.unknown);
	CHECK(r.flags & BIOS_FLAG_CF);
	CHECK_EQ(bios_ah(&r), 0x86);
}

/* 86h: the first call sets the deadline and asks to be called again; the
 * call after the deadline returns. Registers wait untouched in between. */
static void test_wait(void)
{
	struct bios *b = new_bios();
	ports.now = 1000000;
	struct bios_regs r = regs(0x8600);
	r.ecx = 0x0000;
	r.edx = 0x1000; /* 4096 us */
	struct bios_call c = call_int(b, 0x15, &r);
	CHECK(c.retry);
	CHECK_EQ(c.detail, 4096);
	ports.now += 2000000;
	r = regs(0x8600);
	r.edx = 0x1000;
	c = call_int(b, 0x15, &r);
	CHECK(c.retry);
	CHECK(c.detail > 2000 && c.detail <= 2096);
	ports.now += 2200000;
	r = regs(0x8600);
	r.edx = 0x1000;
	r.flags = BIOS_FLAG_CF;
	c = call_int(b, 0x15, &r);
	CHECK(!c.retry);
	CHECK(!(r.flags & BIOS_FLAG_CF));
	CHECK_EQ(b->wait_until_ns, 0);
}

/* ---- int 1Ah ---- */

static void test_clock(void)
{
	struct bios *b = new_bios();
	bios_poke32(&b->mem, BDA_TICKS, 0x00123456);
	bios_poke8(&b->mem, BDA_MIDNIGHT, 1);
	struct bios_regs r = regs(0x0000);
	struct bios_call c = call_int(b, 0x1a, &r);
	CHECK_EQ(bios_cx(&r), 0x0012);
	CHECK_EQ(bios_dx(&r), 0x3456);
	CHECK_EQ(bios_al(&r), 1);
	CHECK_EQ(c.detail, 0x123456);
	CHECK_EQ(bios_peek8(&b->mem, BDA_MIDNIGHT), 0);

	/* The RTC in BCD: 13:45:59, 2026-12-02. */
	ports.cmos[0x0b] = 0x02;
	ports.cmos[0x04] = 0x13;
	ports.cmos[0x02] = 0x45;
	ports.cmos[0x00] = 0x59;
	ports.cmos[0x32] = 0x20;
	ports.cmos[0x09] = 0x26;
	ports.cmos[0x08] = 0x12;
	ports.cmos[0x07] = 0x02;
	r = regs(0x0200);
	r.flags = BIOS_FLAG_CF;
	call_int(b, 0x1a, &r);
	CHECK(!(r.flags & BIOS_FLAG_CF));
	CHECK_EQ(bios_cx(&r), 0x1345);
	CHECK_EQ(bios_dh(&r), 0x59);
	r = regs(0x0400);
	call_int(b, 0x1a, &r);
	CHECK_EQ(bios_cx(&r), 0x2026);
	CHECK_EQ(bios_dx(&r), 0x1202);
	/* A clock the guest switched to binary still answers in BCD. */
	ports.cmos[0x0b] = 0x06;
	ports.cmos[0x04] = 13;
	ports.cmos[0x02] = 45;
	ports.cmos[0x00] = 59;
	r = regs(0x0200);
	call_int(b, 0x1a, &r);
	CHECK_EQ(bios_cx(&r), 0x1345);
	/* Mid-update: CF, try again. */
	ports.cmos[0x0a] = 0x80;
	r = regs(0x0200);
	call_int(b, 0x1a, &r);
	CHECK(r.flags & BIOS_FLAG_CF);
	ports.cmos[0x0a] = 0;
	/* Set the time: written in the clock's own format. */
	r = regs(0x0300);
	r.ecx = 0x0809;
	r.edx = 0x1000;
	call_int(b, 0x1a, &r);
	CHECK_EQ(ports.cmos[0x04], 8);
	CHECK_EQ(ports.cmos[0x02], 9);
	CHECK_EQ(ports.cmos[0x00], 10);
	/* Set ticks. */
	r = regs(0x0100);
	r.ecx = 0x0001;
	r.edx = 0x0002;
	call_int(b, 0x1a, &r);
	CHECK_EQ(bios_peek32(&b->mem, BDA_TICKS), 0x00010002);
}

/* ---- int 14h, 17h, 18h/19h, unknown vectors ---- */

static void test_serial(void)
{
	struct bios *b = new_bios();
	ports.uart_lsr = 0x60; /* transmitter empty, nothing received */
	struct bios_regs r = regs(0x0141);
	r.edx = 0; /* COM1 */
	struct bios_call c = call_int(b, 0x14, &r);
	CHECK_EQ(ports.uart_thr, 'A');
	CHECK_EQ(ports.uart_writes, 1);
	CHECK_EQ(c.detail, 'A');
	CHECK(!(bios_ah(&r) & 0x80));
	CHECK_EQ(bios_al(&r), 0x41);
	/* Receive with nothing there: wait and ask again, registers untouched. */
	r = regs(0x0200);
	r.edx = 0;
	c = call_int(b, 0x14, &r);
	CHECK(c.retry);
	ports.uart_lsr = 0x61;
	ports.uart_rbr = 'z';
	r = regs(0x0200);
	r.edx = 0;
	c = call_int(b, 0x14, &r);
	CHECK(!c.retry);
	CHECK_EQ(bios_al(&r), 'z');
	CHECK_EQ(bios_ah(&r), 0);
	/* Init: 9600 baud (divisor 12), 8N1. */
	r = regs(0x00e3);
	r.edx = 0;
	call_int(b, 0x14, &r);
	CHECK_EQ(ports.uart_lcr, 0x03);
	CHECK_EQ(bios_ah(&r), 0x61);
	/* COM2 does not exist: a timeout. */
	r = regs(0x0141);
	r.edx = 1;
	call_int(b, 0x14, &r);
	CHECK(bios_ah(&r) & 0x80);
}

static void test_printer_boot_unknown(void)
{
	struct bios *b = new_bios();
	struct bios_regs r = regs(0x0000);
	call_int(b, 0x17, &r);
	CHECK(bios_ah(&r) != 0);
	r = regs(0x0000);
	call_int(b, 0x19, &r);
	CHECK_EQ(ports.reboots, 1);
	r = regs(0x0000);
	call_int(b, 0x18, &r);
	CHECK_EQ(ports.reboots, 2);
	r = regs(0x1234);
	struct bios_call c = call_int(b, 0x42, &r);
	CHECK(c.unknown);
	CHECK(r.flags & BIOS_FLAG_CF);
	CHECK_EQ(bios_ah(&r), 0x86);
}

/* The dispatcher: int 9's trap is the keyboard's interrupt work, and int
 * 16h reads what it stored; a service with nothing yet asks to wait. */
static void test_dispatch_keyboard(void)
{
	struct bios *b = new_bios();
	struct bios_regs r = regs(0x0000);
	struct bios_call c = call_int(b, 0x16, &r);
	CHECK(c.retry);
	CHECK_EQ(r.eax, 0x0000);
	r = regs(0x001e); /* AL: the make code of 'a', as the stub read it from port 60h */
	bios_dispatch(b, 0x09, true, &r, &c);
	CHECK_EQ(c.vector, 0x09);
	CHECK(!c.unknown);
	r = regs(0x009e); /* its break: nothing stored */
	bios_dispatch(b, 0x09, true, &r, &c);
	r = regs(0x0100);
	c = call_int(b, 0x16, &r);
	CHECK(!(r.flags & BIOS_FLAG_ZF));
	CHECK_EQ(bios_ax(&r), 0x1e61);
	r = regs(0x0000);
	c = call_int(b, 0x16, &r);
	CHECK(!c.retry);
	CHECK_EQ(bios_ax(&r), 0x1e61);
	r = regs(0x0100);
	call_int(b, 0x16, &r);
	CHECK(r.flags & BIOS_FLAG_ZF);
}

/* A guest hands the BIOS any pointer: none reaches past guest memory. */
static void test_memory_bounds(void)
{
	struct bios *b = new_bios();
	CHECK(!bios_mem_ok(&b->mem, RAM_SIZE - 1, 2));
	CHECK(!bios_mem_ok(&b->mem, 0xa0000, 1));
	CHECK(!bios_mem_ok(&b->mem, 0xb7fff, 2));
	CHECK(bios_mem_ok(&b->mem, 0xb8000, 0x8000));
	CHECK(!bios_mem_ok(&b->mem, 0xc0000, 1));
	CHECK(bios_mem_ok(&b->mem, 0xf0000, 0x10000));
	CHECK(!bios_mem_writable(&b->mem, 0xfffff, 1));
	CHECK(!bios_mem_ok(&b->mem, ~0ull, 2));
	CHECK_EQ(bios_peek8(&b->mem, 0xa0000), 0xff);
	CHECK_EQ(bios_peek16(&b->mem, RAM_SIZE - 1), 0xff00 | b->mem.ram[RAM_SIZE - 1]);
	/* E820 into the ROM: dropped, not written. */
	uint8_t before = b->mem.ram[0xf0010];
	struct bios_regs r = regs(0xe820);
	r.eax = 0xe820;
	r.edx = 0x534d4150;
	r.ecx = 20;
	r.es = 0xf000;
	r.edi = 0x0010;
	call_int(b, 0x15, &r);
	CHECK_EQ(b->mem.ram[0xf0010], before);
}

int main(void)
{
	test_rom_and_setup();
	test_trap_table();
	test_system();
	test_wait();
	test_clock();
	test_serial();
	test_printer_boot_unknown();
	test_dispatch_keyboard();
	test_memory_bounds();
	return check_done();
}
