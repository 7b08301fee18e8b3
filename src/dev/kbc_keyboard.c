/* SPDX-License-Identifier: MIT */
/* kbc_keyboard.c - the PS/2 keyboard's side: bytes the guest sends it
 * through port 0x60, and its replies.
 *
 * Every command is acknowledged with 0xfa (ACK) except echo; a command
 * that takes a parameter (LEDs, scan code set, typematic rate) acks the
 * command and then the parameter. A byte of 0xed or above where a
 * parameter is expected is a new command, which is how a driver gets a
 * confused keyboard back. Replies are sent as they are, untranslated.
 */
#include "kbc_internal.h"

#define KBD_CMD_LEDS 0xed
#define KBD_CMD_ECHO 0xee
#define KBD_CMD_SCAN_SET 0xf0
#define KBD_CMD_IDENTIFY 0xf2
#define KBD_CMD_TYPEMATIC 0xf3
#define KBD_CMD_ENABLE 0xf4
#define KBD_CMD_DISABLE 0xf5
#define KBD_CMD_DEFAULTS 0xf6
#define KBD_CMD_RESET 0xff
#define KBD_DEFAULT_TYPEMATIC 0x2b /* 10.9 characters/s after 500 ms */

/* What 0xf6 restores: rate and scan code set, not the LEDs. */
static void kbc_keyboard_defaults(struct kbc_keyboard *kbd)
{
	kbd->typematic = KBD_DEFAULT_TYPEMATIC;
	kbd->set = 2;
}

void kbc_keyboard_power_on(struct kbc_keyboard *kbd)
{
	kbc_keyboard_defaults(kbd);
	kbd->leds = 0;
	kbd->scanning = true;
	kbd->pending = 0;
}

static void kbc_ack(struct kbc8042 *k)
{
	kbc_reply(k, KBD_ACK, false);
}

static void kbc_keyboard_param(struct kbc8042 *k, uint8_t cmd, uint8_t value)
{
	kbc_ack(k);
	switch (cmd) {
	case KBD_CMD_LEDS:
		k->kbd.leds = value & 0x07;
		break;
	case KBD_CMD_SCAN_SET:
		if (value == 0)
			kbc_reply(k, k->kbd.set, false); /* 0 asks which set */
		else if (value <= 3)
			k->kbd.set = value;
		break;
	case KBD_CMD_TYPEMATIC:
		k->kbd.typematic = value & 0x7f;
		break;
	default:
		break;
	}
}

static void kbc_keyboard_command(struct kbc8042 *k, uint8_t cmd)
{
	switch (cmd) {
	case KBD_CMD_LEDS: case KBD_CMD_SCAN_SET: case KBD_CMD_TYPEMATIC:
		k->kbd.pending = cmd;
		kbc_ack(k);
		break;
	case KBD_CMD_ECHO:
		kbc_reply(k, KBD_ECHO, false);
		break;
	case KBD_CMD_IDENTIFY:
		kbc_ack(k);
		kbc_reply(k, KBD_ID1, false);
		kbc_reply(k, KBD_ID2, false);
		break;
	case KBD_CMD_ENABLE:
		k->kbd.scanning = true;
		kbc_ack(k);
		break;
	case KBD_CMD_DISABLE:
		kbc_keyboard_defaults(&k->kbd);
		k->kbd.scanning = false;
		kbc_ack(k);
		break;
	case KBD_CMD_DEFAULTS:
		kbc_keyboard_defaults(&k->kbd);
		kbc_ack(k);
		break;
	case KBD_CMD_RESET:
		kbc_keyboard_power_on(&k->kbd);
		kbc_ack(k);
		kbc_reply(k, KBD_BAT_OK, false); /* the self test (BAT) passed */
		break;
	default:
		kbc_ack(k); /* resend, typematic/make-break modes, ...: nothing to do */
		break;
	}
}

void kbc_keyboard_write(struct kbc8042 *k, uint8_t byte)
{
	uint8_t pending = k->kbd.pending;

	k->kbd.pending = 0;
	if (pending && byte < KBD_CMD_LEDS)
		kbc_keyboard_param(k, pending, byte);
	else
		kbc_keyboard_command(k, byte);
}
