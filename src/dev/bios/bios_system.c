/* SPDX-License-Identifier: MIT */
/* bios_system.c - int 11h (equipment), int 12h (base memory) and int 15h
 * (system services: waits, the memory map, A20). */
#include "bios.h"
#include "bios_data_area.h"

#define STATUS_UNSUPPORTED 0x86
#define SMAP 0x534d4150u /* "SMAP": what E820h's caller and answer carry in EDX/EAX */
#define E820_RAM 1
#define E820_RESERVED 2
#define MB (1ull << 20)
#define BASE_RAM_END 0xa0000ull

static void equipment(struct bios *b, struct bios_regs *r)
{
	bios_set_ax(r, bios_peek16(&b->mem, BDA_EQUIPMENT));
}

static void base_memory(struct bios *b, struct bios_regs *r)
{
	bios_set_ax(r, bios_peek16(&b->mem, BDA_MEMORY_KB));
}

static uint64_t extended_bytes(const struct bios *b)
{
	return b->mem.size > MB ? b->mem.size - MB : 0;
}

/* AH=86h: wait CX:DX microseconds. The first call sets the deadline; the
 * stub calls again after each interrupt until it has passed. */
static void wait_us(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint64_t now = b->host.now_ns ? b->host.now_ns(b->host.ctx) : 0;
	if (!b->wait_until_ns) {
		uint64_t us = (uint64_t)bios_cx(r) << 16 | bios_dx(r);
		b->wait_until_ns = now + us * 1000 + 1;
		call->detail = (uint32_t)us;
	}
	if (now < b->wait_until_ns) {
		call->retry = true;
		call->detail = (uint32_t)((b->wait_until_ns - now) / 1000);
		return;
	}
	b->wait_until_ns = 0;
	bios_set_ah(r, 0);
	bios_set_carry(r, false);
}

struct e820_entry {
	uint64_t base, len;
	uint32_t type;
};

static unsigned memory_map(const struct bios *b, struct e820_entry map[3])
{
	uint64_t low = b->mem.size < BASE_RAM_END ? b->mem.size : BASE_RAM_END;
	unsigned n = 0;
	map[n++] = (struct e820_entry){ 0, low, E820_RAM };
	map[n++] = (struct e820_entry){ 0xf0000, 0x10000, E820_RESERVED }; /* the ROM */
	if (extended_bytes(b))
		map[n++] = (struct e820_entry){ MB, extended_bytes(b), E820_RAM };
	return n;
}

/* E820h: one entry of the memory map per call, EBX the continuation. */
static void e820(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	struct e820_entry map[3];
	unsigned n = memory_map(b, map), i = r->ebx;
	if (r->edx != SMAP || i >= n || r->ecx < 20) {
		bios_fail(r, STATUS_UNSUPPORTED);
		return;
	}
	uint64_t at = bios_linear(r->es, (uint16_t)r->edi);
	bios_poke32(&b->mem, at, (uint32_t)map[i].base);
	bios_poke32(&b->mem, at + 4, (uint32_t)(map[i].base >> 32));
	bios_poke32(&b->mem, at + 8, (uint32_t)map[i].len);
	bios_poke32(&b->mem, at + 12, (uint32_t)(map[i].len >> 32));
	bios_poke32(&b->mem, at + 16, map[i].type);
	r->eax = SMAP;
	r->ecx = 20;
	r->ebx = i + 1 < n ? i + 1 : 0;
	call->detail = i;
	bios_set_carry(r, false);
}

/* E801h: KiB between 1 and 16 MiB (AX, CX), 64 KiB blocks above (BX, DX). */
static void e801(struct bios *b, struct bios_regs *r)
{
	uint64_t ext = extended_bytes(b);
	uint64_t below16 = ext < 15 * MB ? ext : 15 * MB;
	uint64_t above16 = ext - below16;
	uint64_t blocks = above16 >> 16;
	bios_set_ax(r, (uint16_t)(below16 >> 10));
	bios_set_cx(r, (uint16_t)(below16 >> 10));
	bios_set_bx(r, (uint16_t)(blocks < 0xffff ? blocks : 0xffff));
	bios_set_dx(r, (uint16_t)(blocks < 0xffff ? blocks : 0xffff));
	bios_set_carry(r, false);
}

/* AH=88h: KiB above 1 MiB, at most 63 MiB's worth (a 16-bit count). */
static void extended_kb(struct bios *b, struct bios_regs *r)
{
	uint64_t kb = extended_bytes(b) >> 10;
	bios_set_ax(r, (uint16_t)(kb < 0xfc00 ? kb : 0xfc00));
	bios_set_carry(r, false);
}

/* AX=2400h-2403h: the A20 gate. KVM never masks address line 20, so it is
 * on, and it cannot be turned off: 2400h fails as on a machine without
 * the gate. */
static void a20(struct bios_regs *r, struct bios_call *call)
{
	switch (bios_al(r)) {
	case 0x00:
		bios_fail(r, STATUS_UNSUPPORTED);
		return;
	case 0x01:
		bios_set_ah(r, 0);
		break;
	case 0x02:
		bios_set_ah(r, 0);
		bios_set_al(r, 1);
		break;
	case 0x03:
		bios_set_ah(r, 0);
		bios_set_bx(r, 0x0003); /* through the 8042 and port 92h */
		break;
	default:
		call->unknown = true;
		bios_fail(r, STATUS_UNSUPPORTED);
		return;
	}
	bios_set_carry(r, false);
}

static void int15(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	switch (bios_ah(r)) {
	case 0x86:
		wait_us(b, r, call);
		return;
	case 0x88:
		extended_kb(b, r);
		return;
	case 0x24:
		a20(r, call);
		return;
	case 0x90: /* device busy / interrupt complete: nothing to wait for */
	case 0x91:
		bios_set_ah(r, 0);
		bios_set_carry(r, false);
		return;
	case 0xe8:
		if (bios_al(r) == 0x20) {
			e820(b, r, call);
			return;
		}
		if (bios_al(r) == 0x01) {
			e801(b, r);
			return;
		}
		break;
	}
	call->unknown = true;
	bios_fail(r, STATUS_UNSUPPORTED);
}

void bios_system_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	switch (call->vector) {
	case 0x11:
		equipment(b, r);
		return;
	case 0x12:
		base_memory(b, r);
		return;
	default:
		int15(b, r, call);
		return;
	}
}
