/* SPDX-License-Identifier: MIT */
/* test_bios_keyboard.c - the BIOS keyboard: scan codes through INT 9's
 * work (bios_keyboard_irq) into the BIOS data area, and int 16h reading
 * them back as a PC program would, on a fake guest RAM with the data area
 * as POST leaves it. The codes fed are what the 8042 model sends (Shift or
 * Ctrl made and broken around a character). */
#include <stdlib.h>

#include "bios.h"
#include "bios_data_area.h"
#include "check.h"

#define RAM_SIZE (0x100000 + 0x10000)
#define BUF_START 0x1e
#define BUF_END 0x3e

static struct bios bios;
static int reboots;

static void count_reboot(void *ctx)
{
	(void)ctx;
	reboots++;
}

static void setup(void)
{
	static uint8_t *ram;
	if (!ram)
		ram = malloc(RAM_SIZE);
	memset(ram, 0, RAM_SIZE);
	bios = (struct bios){ .mem = { ram, RAM_SIZE } };
	bios.host.reboot = count_reboot;
	bios_poke16(&bios.mem, BDA_KBD_HEAD, BUF_START);
	bios_poke16(&bios.mem, BDA_KBD_TAIL, BUF_START);
	bios_poke16(&bios.mem, BDA_KBD_BUF_START, BUF_START);
	bios_poke16(&bios.mem, BDA_KBD_BUF_END, BUF_END);
	bios_poke8(&bios.mem, BDA_KBD_FLAGS3, 0x10);
	reboots = 0;
}

/* One IRQ 1: the stub's AL is the code; returns call.detail. The other
 * registers are the stub's (pushed AX aside) and must come back as they were. */
static uint32_t irq(uint8_t code)
{
	struct bios_regs r = { .eax = 0xdead0000u | code, .ebx = 0x1111, .flags = 0x0202 };
	struct bios_regs before = r;
	struct bios_call call = { .vector = 9 };
	bios_keyboard_irq(&bios, &r, &call);
	CHECK(memcmp(&r, &before, sizeof r) == 0);
	CHECK(!call.unknown && !call.retry);
	return call.detail;
}

static void irqs(const uint8_t *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		irq(codes[i]);
}
#define IRQS(...) irqs((const uint8_t[]){ __VA_ARGS__ }, sizeof((const uint8_t[]){ __VA_ARGS__ }))

/* Registers with something in each, so a stray write shows. */
static struct bios_regs regs(uint16_t ax)
{
	return (struct bios_regs){ .eax = 0x5a5a0000u | ax, .ebx = 0x12345678, .ecx = 0x9abcdef0,
				   .edx = 0x0fedcba9, .esi = 0x11112222, .edi = 0x33334444,
				   .ebp = 0x55556666, .esp = 0xfff0, .cs = 0x1000, .ds = 0x2000,
				   .es = 0x3000, .ss = 0x4000, .eip = 0x0100, .flags = 0x0202 };
}

static struct bios_call int16(struct bios_regs *r)
{
	struct bios_call call = { .vector = 0x16 };
	bios_keyboard_call(&bios, r, &call);
	return call;
}

/* Everything but AX (the answer) and FLAGS is as the caller had it. */
static void check_only_ax_changed(const struct bios_regs *r, const struct bios_regs *before)
{
	struct bios_regs a = *r, b = *before;
	a.eax &= ~0xffffu;
	b.eax &= ~0xffffu;
	a.flags = b.flags = 0;
	CHECK(memcmp(&a, &b, sizeof a) == 0);
}

/* int 16h 00h or 10h on a buffer with a key: the key. */
static uint16_t read_key(uint8_t ah)
{
	struct bios_regs r = regs((uint16_t)(ah << 8)), before = r;
	struct bios_call call = int16(&r);
	CHECK(!call.retry && !call.unknown);
	CHECK_EQ(call.detail, bios_ax(&r));
	check_only_ax_changed(&r, &before);
	CHECK_EQ(r.flags, before.flags);
	return bios_ax(&r);
}

static bool buffer_empty(void)
{
	return bios_peek16(&bios.mem, BDA_KBD_HEAD) == bios_peek16(&bios.mem, BDA_KBD_TAIL);
}

static uint8_t flags0(void)
{
	return bios_peek8(&bios.mem, BDA_KBD_FLAGS0);
}

static void test_plain_and_shifted(void)
{
	setup();
	CHECK_EQ(irq(0x1e), 0x1e61); /* the irq's detail: the word stored */
	CHECK_EQ(irq(0x9e), 0);      /* a break stores nothing */
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_BUFFER), 0x1e61);
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_TAIL), BUF_START + 2);
	CHECK_EQ(read_key(0x00), 0x1e61);
	CHECK(buffer_empty());

	IRQS(0x2a, 0x1e, 0x9e, 0xaa);
	CHECK_EQ(read_key(0x00), 0x1e41);
	CHECK_EQ(flags0() & 0x03, 0); /* Shift released */
	IRQS(0x36, 0x03, 0x83, 0xb6); /* right Shift + 2 */
	CHECK_EQ(read_key(0x00), 0x0340);
}

static void test_named_keys(void)
{
	static const struct { uint8_t code; uint16_t key; } keys[] = {
		{ 0x1c, 0x1c0d }, { 0x01, 0x011b }, { 0x0e, 0x0e08 }, { 0x0f, 0x0f09 },
		{ 0x39, 0x3920 }, { 0x3b, 0x3b00 }, { 0x44, 0x4400 }, { 0x0b, 0x0b30 },
		{ 0x35, 0x352f }, { 0x29, 0x2960 },
	};
	setup();
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		IRQS(keys[i].code, keys[i].code | 0x80);
		CHECK_EQ(read_key(0x00), keys[i].key);
	}
}

static void test_modified_keys(void)
{
	setup();
	IRQS(0x1d, 0x2e, 0xae, 0x9d); /* Ctrl+C */
	CHECK_EQ(read_key(0x00), 0x2e03);
	IRQS(0x1d, 0x1e, 0x9e, 0x9d);
	CHECK_EQ(read_key(0x00), 0x1e01);
	IRQS(0x1d, 0x2c, 0xac, 0x9d); /* Ctrl+Z: 26 */
	CHECK_EQ(read_key(0x00), 0x2c1a);
	IRQS(0x1d, 0x03, 0x83, 0x9d); /* Ctrl+2: NUL, scan 03 */
	CHECK_EQ(read_key(0x00), 0x0300);
	IRQS(0x1d, 0x1c, 0x9c, 0x9d); /* Ctrl+Enter: LF */
	CHECK_EQ(read_key(0x00), 0x1c0a);
	IRQS(0x1d, 0x02, 0x82, 0x9d); /* Ctrl+1: no code at all */
	CHECK(buffer_empty());

	IRQS(0x38, 0x1e, 0x9e, 0xb8); /* Alt+A */
	CHECK_EQ(read_key(0x00), 0x1e00);
	IRQS(0xe0, 0x38, 0x2d, 0xad, 0xe0, 0xb8); /* right Alt+X */
	CHECK_EQ(read_key(0x00), 0x2d00);
	IRQS(0x38, 0x02, 0x82, 0xb8); /* Alt+1 */
	CHECK_EQ(read_key(0x00), 0x7800);

	IRQS(0x2a, 0x3b, 0xbb, 0xaa);
	CHECK_EQ(read_key(0x00), 0x5400);
	IRQS(0x1d, 0x3b, 0xbb, 0x9d);
	CHECK_EQ(read_key(0x00), 0x5e00);
	IRQS(0x38, 0x3b, 0xbb, 0xb8);
	CHECK_EQ(read_key(0x00), 0x6800);
	IRQS(0x38, 0x44, 0xc4, 0xb8); /* Alt+F10 */
	CHECK_EQ(read_key(0x00), 0x7100);
	IRQS(0x2a, 0x0f, 0x8f, 0xaa); /* Shift+Tab */
	CHECK_EQ(read_key(0x00), 0x0f00);
	CHECK_EQ(flags0() & 0x0f, 0);
}

/* Left and right Ctrl are held apart: releasing one leaves Ctrl down. */
static void test_left_right_modifiers(void)
{
	setup();
	IRQS(0x1d, 0xe0, 0x1d);
	CHECK_EQ(flags0() & 0x04, 0x04);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS1) & 0x01, 0x01);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS3) & 0x04, 0x04);
	IRQS(0x9d);
	CHECK_EQ(flags0() & 0x04, 0x04);
	IRQS(0xe0, 0x9d);
	CHECK_EQ(flags0() & 0x04, 0);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS3), 0x10); /* E0 consumed, 101-key kept */
}

static void test_grey_keys(void)
{
	setup();
	IRQS(0xe0, 0x48, 0xe0, 0xc8); /* Up */
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_BUFFER), 0x48e0);
	CHECK_EQ(read_key(0x00), 0x4800);
	IRQS(0xe0, 0x48, 0xe0, 0xc8);
	CHECK_EQ(read_key(0x10), 0x48e0);
	IRQS(0xe0, 0x53, 0xe0, 0xd3); /* Delete */
	CHECK_EQ(read_key(0x00), 0x5300);
	IRQS(0xe0, 0x1c, 0xe0, 0x9c); /* keypad Enter */
	CHECK_EQ(read_key(0x10), 0xe00d);
	IRQS(0xe0, 0x1c, 0xe0, 0x9c);
	CHECK_EQ(read_key(0x00), 0x1c0d);
	IRQS(0xe0, 0x35, 0xe0, 0xb5); /* keypad / */
	CHECK_EQ(read_key(0x00), 0x352f);
	IRQS(0x1d, 0xe0, 0x47, 0xe0, 0xc7, 0x9d); /* Ctrl+Home */
	CHECK_EQ(read_key(0x00), 0x7700);
	/* Up with Num Lock on: the keyboard wraps it in fake shifts, which
	 * are not the user's Shift. */
	IRQS(0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0xaa);
	CHECK_EQ(flags0() & 0x03, 0);
	CHECK_EQ(read_key(0x10), 0x48e0);
	/* The keypad's own 8 (no E0) is Up, or 8 with Num Lock. */
	IRQS(0x48, 0xc8);
	CHECK_EQ(read_key(0x10), 0x4800);
	IRQS(0x45, 0xc5, 0x48, 0xc8, 0x45, 0xc5);
	CHECK_EQ(read_key(0x10), 0x4838);
	CHECK(buffer_empty());
}

/* F11, F12 and the like exist only for the enhanced functions. */
static void test_enhanced_only(void)
{
	setup();
	IRQS(0x57, 0xd7, 0x1e, 0x9e);
	CHECK_EQ(read_key(0x10), 0x8500);
	CHECK_EQ(read_key(0x10), 0x1e61);
	IRQS(0x58, 0xd8, 0x2a, 0x58, 0xd8, 0xaa, 0x1e, 0x9e);
	CHECK_EQ(read_key(0x00), 0x1e61); /* F12 and Shift+F12 skipped */
	CHECK(buffer_empty());
	IRQS(0x38, 0x01, 0x81, 0xb8); /* Alt+Esc: 0100h, enhanced only */
	CHECK_EQ(read_key(0x10), 0x0100);

	/* 01h skips them too, removing them, and sees the next key. */
	IRQS(0x57, 0xd7, 0x30, 0xb0);
	struct bios_regs r = regs(0x0100), before = r;
	struct bios_call call = int16(&r);
	CHECK(!(r.flags & BIOS_FLAG_ZF));
	CHECK_EQ(bios_ax(&r), 0x3062);
	CHECK_EQ(call.detail, 0x3062);
	check_only_ax_changed(&r, &before);
	CHECK_EQ(read_key(0x00), 0x3062);
	/* ... and only enhanced keys: empty for 01h, which drops them. */
	IRQS(0x57, 0xd7);
	r = regs(0x0100);
	r.flags = 0x0202;
	int16(&r);
	CHECK(r.flags & BIOS_FLAG_ZF);
	CHECK(buffer_empty());
}

static void test_caps_lock(void)
{
	setup();
	IRQS(0x3a, 0xba);
	CHECK_EQ(flags0() & 0x40, 0x40);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_LEDS) & 0x07, 0x04);
	IRQS(0x1e, 0x9e);
	CHECK_EQ(read_key(0x00), 0x1e41);
	IRQS(0x2a, 0x1e, 0x9e, 0xaa); /* Shift with Caps Lock: lower case */
	CHECK_EQ(read_key(0x00), 0x1e61);
	IRQS(0x02, 0x82); /* not a letter: Caps Lock leaves it */
	CHECK_EQ(read_key(0x00), 0x0231);
	/* Held down, the key repeats its make: one toggle, not three. */
	IRQS(0x3a, 0x3a, 0x3a);
	CHECK_EQ(flags0() & 0x40, 0);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS1) & 0x40, 0x40);
	IRQS(0xba);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS1) & 0x40, 0);
	IRQS(0x1e, 0x9e);
	CHECK_EQ(read_key(0x00), 0x1e61);
	IRQS(0x45, 0xc5, 0x46, 0xc6);
	CHECK_EQ(flags0() & 0x30, 0x30);
	CHECK(buffer_empty()); /* lock keys type nothing */
}

static void test_insert_and_pause(void)
{
	setup();
	IRQS(0xe0, 0x52, 0xe0, 0xd2);
	CHECK_EQ(flags0() & 0x80, 0x80);
	CHECK_EQ(read_key(0x00), 0x5200);
	IRQS(0xe0, 0x52, 0xe0, 0xd2);
	CHECK_EQ(flags0() & 0x80, 0);
	read_key(0x00);
	/* Pause: E1 1D 45 E1 9D C5, neither Ctrl nor Num Lock. */
	IRQS(0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5);
	CHECK_EQ(flags0(), 0);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_KBD_FLAGS3), 0x10);
	CHECK(buffer_empty());
}

static void test_ctrl_break_and_reboot(void)
{
	setup();
	IRQS(0x1e, 0x9e, 0x1d, 0xe0, 0x46, 0xe0, 0xc6, 0x9d);
	CHECK_EQ(bios_peek8(&bios.mem, BDA_BREAK) & 0x80, 0x80);
	CHECK_EQ(read_key(0x00), 0x0000); /* the type-ahead replaced by 0000h */
	CHECK(buffer_empty());

	IRQS(0x1d, 0x38, 0xe0, 0x53);
	CHECK_EQ(reboots, 1);
	CHECK_EQ(bios_peek16(&bios.mem, BDA_RESET_FLAG), 0x1234);
	CHECK(buffer_empty());
}

static void test_buffer_full(void)
{
	setup();
	for (int i = 0; i < 15; i++)
		CHECK_EQ(irq(0x10 + i % 10), bios_peek16(&bios.mem, BDA_KBD_BUFFER + 2 * i));
	CHECK_EQ(irq(0x1e), 0); /* the 16th: dropped */
	for (int i = 0; i < 15; i++)
		CHECK_EQ(read_key(0x00) >> 8, 0x10 + i % 10);
	CHECK(buffer_empty());
	/* Round the ring: head and tail wrap at the end. */
	for (int round = 0; round < 3; round++) {
		IRQS(0x1e, 0x30, 0x2e, 0x20, 0x12, 0x21, 0x22);
		CHECK_EQ(read_key(0x00), 0x1e61);
		CHECK_EQ(read_key(0x00), 0x3062);
		CHECK_EQ(read_key(0x10), 0x2e63);
		CHECK_EQ(read_key(0x00), 0x2064);
		CHECK_EQ(read_key(0x00), 0x1265);
		CHECK_EQ(read_key(0x00), 0x2166);
		CHECK_EQ(read_key(0x00), 0x2267);
	}
	CHECK(buffer_empty());
}

/* The buffer may be moved (0x480/0x482); nonsense there means the standard. */
static void test_buffer_bounds(void)
{
	setup();
	bios_poke16(&bios.mem, BDA_KBD_BUF_START, 0x100);
	bios_poke16(&bios.mem, BDA_KBD_BUF_END, 0x106);
	bios_poke16(&bios.mem, BDA_KBD_HEAD, 0x100);
	bios_poke16(&bios.mem, BDA_KBD_TAIL, 0x100);
	IRQS(0x1e, 0x30, 0x2e);
	CHECK_EQ(bios_peek16(&bios.mem, 0x500), 0x1e61);
	CHECK_EQ(bios_peek16(&bios.mem, 0x502), 0x3062);
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_TAIL), 0x104); /* 3 slots, 2 keys */
	CHECK_EQ(read_key(0x00), 0x1e61);
	CHECK_EQ(read_key(0x00), 0x3062);

	setup();
	bios_poke16(&bios.mem, BDA_KBD_BUF_START, 0);
	bios_poke16(&bios.mem, BDA_KBD_BUF_END, 0);
	IRQS(0x1e);
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_BUFFER), 0x1e61);
	CHECK_EQ(read_key(0x00), 0x1e61);

	/* A head a program set outside the buffer: empty, and the next key
	 * starts it afresh. */
	setup();
	bios_poke16(&bios.mem, BDA_KBD_HEAD, 0x1000);
	struct bios_regs r = regs(0x0100);
	int16(&r);
	CHECK(r.flags & BIOS_FLAG_ZF);
	IRQS(0x1e);
	CHECK_EQ(bios_peek16(&bios.mem, BDA_KBD_HEAD), BUF_START);
	CHECK_EQ(read_key(0x00), 0x1e61);
}

static void test_empty_reads(void)
{
	setup();
	struct bios_regs r = regs(0x0000), before = r;
	struct bios_call call = int16(&r);
	CHECK(call.retry);
	CHECK(!call.unknown);
	CHECK(memcmp(&r, &before, sizeof r) == 0);
	r = regs(0x1000);
	before = r;
	CHECK(int16(&r).retry);
	CHECK(memcmp(&r, &before, sizeof r) == 0);

	r = regs(0x0100);
	before = r;
	call = int16(&r);
	CHECK(!call.retry);
	CHECK(r.flags & BIOS_FLAG_ZF);
	CHECK_EQ(r.eax, before.eax);
	check_only_ax_changed(&r, &before);
	r = regs(0x1100);
	int16(&r);
	CHECK(r.flags & BIOS_FLAG_ZF);
	CHECK_EQ(r.eax, 0x5a5a1100u);

	/* A key: ZF clear, AX the key, and it stays. */
	IRQS(0x1e, 0x9e);
	r = regs(0x0100);
	r.flags |= BIOS_FLAG_ZF;
	call = int16(&r);
	CHECK(!(r.flags & BIOS_FLAG_ZF));
	CHECK_EQ(r.eax, 0x5a5a1e61u);
	CHECK_EQ(call.detail, 0x1e61);
	CHECK(!buffer_empty());
	CHECK_EQ(read_key(0x00), 0x1e61);
}

static void test_store_key(void)
{
	setup();
	struct bios_regs r = regs(0x0500), before = r;
	r.ecx = before.ecx = 0xabcd4142;
	int16(&r);
	CHECK_EQ(bios_ax(&r), 0x0500); /* AL 0: stored */
	check_only_ax_changed(&r, &before);
	CHECK_EQ(read_key(0x00), 0x4142);
	for (int i = 0; i < 15; i++) {
		r = regs(0x0500);
		int16(&r);
		CHECK_EQ(bios_al(&r), 0);
	}
	r = regs(0x0500);
	int16(&r);
	CHECK_EQ(bios_ax(&r), 0x0501); /* full */
}

static void test_shift_flags(void)
{
	setup();
	IRQS(0x2a, 0x1d, 0xe0, 0x38, 0x3a); /* left Shift, left Ctrl, right Alt, Caps held */
	struct bios_regs r = regs(0x0200), before = r;
	int16(&r);
	CHECK_EQ(bios_ax(&r), 0x024e); /* AH kept; AL: Caps on, Alt, Ctrl, left Shift */
	check_only_ax_changed(&r, &before);
	CHECK_EQ(r.flags, before.flags);
	r = regs(0x1200);
	before = r;
	int16(&r);
	CHECK_EQ(bios_al(&r), 0x4e);
	CHECK_EQ(bios_ah(&r), 0x49); /* Caps down, right Alt, left Ctrl */
	check_only_ax_changed(&r, &before);
	IRQS(0xaa, 0x9d, 0xe0, 0xb8, 0xba, 0x54);
	r = regs(0x1200);
	int16(&r);
	CHECK_EQ(bios_ax(&r), 0x8040); /* SysReq down; Caps still on */
}

static void test_other_functions(void)
{
	setup();
	struct bios_regs r = regs(0x0305), before = r;
	struct bios_call call = int16(&r);
	CHECK(!call.unknown);
	CHECK(memcmp(&r, &before, sizeof r) == 0);

	r = regs(0x0a00);
	before = r;
	call = int16(&r);
	CHECK(!call.unknown);
	CHECK_EQ(bios_bx(&r), 0x41ab);
	CHECK_EQ(r.ebx >> 16, 0x1234);
	r.ebx = before.ebx;
	CHECK(memcmp(&r, &before, sizeof r) == 0);

	static const uint8_t unknown[] = { 0x04, 0x06, 0x09, 0x13, 0x20, 0x55, 0xff };
	for (size_t i = 0; i < sizeof unknown; i++) {
		r = regs((uint16_t)(unknown[i] << 8 | 0x33));
		before = r;
		call = int16(&r);
		CHECK(call.unknown);
		CHECK(!call.retry);
		CHECK(memcmp(&r, &before, sizeof r) == 0);
	}
}

int main(void)
{
	test_plain_and_shifted();
	test_named_keys();
	test_modified_keys();
	test_left_right_modifiers();
	test_grey_keys();
	test_enhanced_only();
	test_caps_lock();
	test_insert_and_pause();
	test_ctrl_break_and_reboot();
	test_buffer_full();
	test_buffer_bounds();
	test_empty_reads();
	test_store_key();
	test_shift_flags();
	test_other_functions();
	return check_done();
}
