/* SPDX-License-Identifier: MIT */
/* bios_keyboard.c - int 16h: the keys the keyboard interrupt left in the
 * BIOS data area's buffer (bios_keyboard_irq.c), and the shift states.
 *
 * 00h/01h are the PC's classic functions, 10h/11h/12h the enhanced
 * keyboard's: the same buffer read two ways (bios_keymap.h says how). A
 * read with no key waits: call->retry, no register changed, and the ROM
 * stub halts until the next interrupt and asks again. int 16h has no error
 * flag, so a function this BIOS lacks changes nothing. Every register a
 * function does not return in is left as the caller had it.
 */
#include "bios.h"
#include "bios_data_area.h"
#include "bios_kbd.h"
#include "bios_keymap.h"

#define KEYBOARD_ID 0x41ab /* 0Ah: an MF2 keyboard, as translated by the 8042 */
#define STORE_OK 0x00
#define STORE_FULL 0x01

/* The oldest key this kind of read knows: the classic functions throw
 * away, from the head, the keys only the enhanced ones return (as SeaBIOS
 * does), so those cannot block the buffer for an old program. */
static bool next_key(struct bios_mem *m, bool enhanced, uint16_t *key)
{
	uint16_t stored;
	/* Bounded by the largest ring segment 0x40 can hold, should a drop
	 * ever fail to move the head. */
	for (unsigned skipped = 0; skipped < 0x8000 && bios_kbd_peek(m, &stored); skipped++) {
		if (bios_keymap_for_read(stored, enhanced, key))
			return true;
		bios_kbd_drop(m);
	}
	return false;
}

/* 00h/10h: the next key, removed; none yet: wait for one. */
static void read_key(struct bios *b, struct bios_regs *r, struct bios_call *call, bool enhanced)
{
	uint16_t key;
	if (!next_key(&b->mem, enhanced, &key)) {
		call->retry = true;
		return;
	}
	bios_kbd_drop(&b->mem);
	bios_set_ax(r, key);
	call->detail = key;
}

/* 01h/11h: ZF clear and the next key in AX, left in the buffer; ZF set
 * and AX untouched when there is none. */
static void check_key(struct bios *b, struct bios_regs *r, struct bios_call *call, bool enhanced)
{
	uint16_t key;
	bool have = next_key(&b->mem, enhanced, &key);
	bios_set_zero(r, !have);
	if (!have)
		return;
	bios_set_ax(r, key);
	call->detail = key;
}

/* 12h's AH: which modifier is down, left and right apart (0x418, 0x496). */
static uint8_t extended_flags(const struct bios_mem *m)
{
	uint8_t f1 = bios_peek8(m, BDA_KBD_FLAGS1), f3 = bios_peek8(m, BDA_KBD_FLAGS3);
	uint8_t ah = f1 & (KBD_F1_LCTRL | KBD_F1_LALT | KBD_F1_SCROLL | KBD_F1_NUM | KBD_F1_CAPS);
	ah |= f3 & (KBD_F3_RCTRL | KBD_F3_RALT); /* bits 2 and 3 in both */
	if (f1 & KBD_F1_SYSREQ)
		ah |= 0x80;
	return ah;
}

/* 05h: CX into the buffer as if typed (CH scan, CL ASCII). */
static void store_key(struct bios *b, struct bios_regs *r)
{
	bios_set_al(r, bios_kbd_put(&b->mem, bios_cx(r)) ? STORE_OK : STORE_FULL);
}

void bios_keyboard_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	switch (bios_ah(r)) {
	case 0x00:
	case 0x10:
		read_key(b, r, call, bios_ah(r) == 0x10);
		return;
	case 0x01:
	case 0x11:
		check_key(b, r, call, bios_ah(r) == 0x11);
		return;
	case 0x02:
		bios_set_al(r, bios_peek8(&b->mem, BDA_KBD_FLAGS0));
		return;
	case 0x12: /* AL as 02h's */
		bios_set_ax(r, (uint16_t)(extended_flags(&b->mem) << 8 | bios_peek8(&b->mem, BDA_KBD_FLAGS0)));
		return;
	case 0x03: /* typematic rate: the host's keyboard repeats, not the model's */
		return;
	case 0x05:
		store_key(b, r);
		return;
	case 0x0a:
		bios_set_bx(r, KEYBOARD_ID);
		return;
	default:
		call->unknown = true;
		return;
	}
}
