/* SPDX-License-Identifier: MIT */
/* bios_keyboard_irq.c - INT 9's work: one set 1 scan code from the 8042
 * (the ROM stub read port 0x60 into AL) becomes shift state or a key.
 *
 * As on an AT, the BIOS keeps no state of its own: the prefixes seen (E0,
 * E1), which modifiers and lock keys are down and the locks' states are
 * bits of the BIOS data area (bios_kbd.h), and a key that makes a code goes
 * into the type-ahead buffer there for int 16h. Break codes (bit 7) only
 * release modifiers; a full buffer drops the key, where a PC would beep.
 * call->detail is the word put in the buffer (0: none), which the exit log
 * shows beside the scan code.
 */
#include "bios.h"
#include "bios_data_area.h"
#include "bios_kbd.h"
#include "bios_keymap.h"

#define SC_BREAK 0x80
#define SC_E0 0xe0
#define SC_E1 0xe1
#define SC_CTRL 0x1d
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_ALT 0x38
#define SC_CAPS 0x3a
#define SC_NUM 0x45
#define SC_SCROLL 0x46 /* after E0: Ctrl+Break, as the enhanced keyboard sends it */
#define SC_INSERT 0x52
#define SC_DELETE 0x53
#define SC_SYSREQ 0x54 /* Alt+Print Screen */

#define BREAK_FLAG 0x80    /* BDA_BREAK bit 7: Ctrl+Break was pressed */
#define WARM_BOOT 0x1234   /* BDA_RESET_FLAG: skip the memory test */
#define LED_MASK 0x07      /* 0x497 bits 0-2: Scroll, Num, Caps as the LEDs show them */

struct kbd_flags {
	uint8_t f0, f1, f3; /* 0x417, 0x418, 0x496 */
};

static struct kbd_flags flags_load(const struct bios_mem *m)
{
	return (struct kbd_flags){ bios_peek8(m, BDA_KBD_FLAGS0), bios_peek8(m, BDA_KBD_FLAGS1),
				   bios_peek8(m, BDA_KBD_FLAGS3) };
}

static void flags_store(struct bios_mem *m, const struct kbd_flags *f)
{
	uint8_t leds = (uint8_t)((bios_peek8(m, BDA_KBD_LEDS) & ~LED_MASK) | ((f->f0 >> 4) & LED_MASK));
	bios_poke8(m, BDA_KBD_FLAGS0, f->f0);
	bios_poke8(m, BDA_KBD_FLAGS1, f->f1);
	bios_poke8(m, BDA_KBD_FLAGS3, f->f3);
	bios_poke8(m, BDA_KBD_LEDS, leds);
}

static void set_bit(uint8_t *byte, uint8_t bit, bool on)
{
	*byte = (uint8_t)(on ? *byte | bit : *byte & ~bit);
}

/* Shift, Ctrl, Alt: left and right are told apart by E0 (right Ctrl and
 * Alt) and kept apart, so releasing one leaves the other held. */
static bool modifier_key(struct kbd_flags *f, uint8_t make, bool ext, bool down)
{
	switch (make) {
	case SC_LSHIFT:
		set_bit(&f->f0, KBD_F0_LSHIFT, down);
		return true;
	case SC_RSHIFT:
		set_bit(&f->f0, KBD_F0_RSHIFT, down);
		return true;
	case SC_CTRL:
		set_bit(ext ? &f->f3 : &f->f1, ext ? KBD_F3_RCTRL : KBD_F1_LCTRL, down);
		break;
	case SC_ALT:
		set_bit(ext ? &f->f3 : &f->f1, ext ? KBD_F3_RALT : KBD_F1_LALT, down);
		break;
	default:
		return false;
	}
	set_bit(&f->f0, KBD_F0_CTRL, (f->f1 & KBD_F1_LCTRL) || (f->f3 & KBD_F3_RCTRL));
	set_bit(&f->f0, KBD_F0_ALT, (f->f1 & KBD_F1_LALT) || (f->f3 & KBD_F3_RALT));
	return true;
}

/* A lock key toggles on its first make only: the keyboard repeats makes
 * while a key is held, and the held bit is what tells a repeat. */
static void toggle_on_press(struct kbd_flags *f, uint8_t bit, bool down)
{
	if (down && !(f->f1 & bit))
		f->f0 ^= bit;
	set_bit(&f->f1, bit, down);
}

/* The lock keys and SysReq: state only, never a key in the buffer. */
static bool state_key(struct kbd_flags *f, uint8_t make, bool ext, bool down)
{
	if (ext)
		return false;
	switch (make) {
	case SC_CAPS:
		toggle_on_press(f, KBD_F0_CAPS, down);
		return true;
	case SC_NUM:
		toggle_on_press(f, KBD_F0_NUM, down);
		return true;
	case SC_SCROLL:
		toggle_on_press(f, KBD_F0_SCROLL, down);
		return true;
	case SC_SYSREQ: /* held bit only: int 15h 85h is not called */
		set_bit(&f->f1, KBD_F1_SYSREQ, down);
		return true;
	default:
		return false;
	}
}

/* Insert toggles insert mode, unless Num Lock (or Shift) makes it keypad 0. */
static void insert_key(struct kbd_flags *f, bool ext, bool down)
{
	bool num = f->f0 & KBD_F0_NUM, shift = f->f0 & KBD_F0_SHIFTS;
	bool digit = !ext && num != shift;
	if (!digit)
		toggle_on_press(f, KBD_F0_INSERT, down);
}

static bool is_ctrl_break(const struct kbd_flags *f, uint8_t make, bool ext)
{
	return make == SC_SCROLL && (ext || (f->f0 & KBD_F0_CTRL));
}

/* Ctrl+Break: the type-ahead is thrown away and a 0000h key put in its
 * place, with the flag DOS polls. (A PC also calls INT 1Bh here; this
 * ROM's stub does not.) */
static void ctrl_break(struct bios *b)
{
	bios_poke8(&b->mem, BDA_BREAK, bios_peek8(&b->mem, BDA_BREAK) | BREAK_FLAG);
	bios_kbd_clear(&b->mem);
	bios_kbd_put(&b->mem, 0x0000);
}

/* Ctrl+Alt+Del: a warm boot, as a PC's keyboard handler does it. */
static void ctrl_alt_del(struct bios *b)
{
	bios_poke16(&b->mem, BDA_RESET_FLAG, WARM_BOOT);
	if (b->host.reboot)
		b->host.reboot(b->host.ctx);
}

static bool ctrl_and_alt(const struct kbd_flags *f)
{
	return (f->f0 & (KBD_F0_CTRL | KBD_F0_ALT)) == (KBD_F0_CTRL | KBD_F0_ALT);
}

static void key(struct bios *b, struct kbd_flags *f, uint8_t code, bool ext, struct bios_call *call)
{
	uint8_t make = code & (uint8_t)~SC_BREAK;
	bool down = !(code & SC_BREAK);
	if (ext && (make == SC_LSHIFT || make == SC_RSHIFT))
		return; /* the "fake shifts" around grey keys: not the user's Shift */
	if (down && is_ctrl_break(f, make, ext)) {
		ctrl_break(b);
		return;
	}
	if (modifier_key(f, make, ext, down) || state_key(f, make, ext, down))
		return;
	if (make == SC_INSERT)
		insert_key(f, ext, down);
	if (!down)
		return;
	if (make == SC_DELETE && ctrl_and_alt(f)) {
		ctrl_alt_del(b);
		return;
	}
	uint16_t word = bios_keymap_word(make, ext, f->f0);
	if (word && bios_kbd_put(&b->mem, word))
		call->detail = word;
}

/* E0 marks the next code as a grey key's; E1 starts the Pause key's
 * E1 1D 45 (and its release E1 9D C5), which is neither Ctrl nor Num
 * Lock: those codes are swallowed. (Pause itself, which halts a PC until
 * the next key, is not done.) */
static bool prefix(struct kbd_flags *f, uint8_t code)
{
	if (code == SC_E0) {
		f->f3 |= KBD_F3_E0;
		return true;
	}
	if (code == SC_E1) {
		f->f3 |= KBD_F3_E1;
		return true;
	}
	if (!(f->f3 & KBD_F3_E1))
		return false;
	if ((code & (uint8_t)~SC_BREAK) != SC_CTRL)
		f->f3 &= (uint8_t)~KBD_F3_E1;
	return true;
}

void bios_keyboard_irq(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint8_t code = bios_al(r);
	struct kbd_flags f = flags_load(&b->mem);
	if (!prefix(&f, code)) {
		bool ext = f.f3 & KBD_F3_E0;
		f.f3 &= (uint8_t)~KBD_F3_E0;
		key(b, &f, code, ext, call);
	}
	flags_store(&b->mem, &f);
}
