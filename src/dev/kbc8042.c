/* SPDX-License-Identifier: MIT */
/* kbc8042.c - the 8042 controller: ports, output buffer, commands, A20.
 *
 * The 8042 is a microcontroller between the CPU and the keyboard: the CPU
 * sees one output buffer, one status byte and a command port, and the
 * controller's firmware does the rest. What its firmware did that a guest
 * can observe is here; timing is not (every command completes at once).
 */
#include "kbc_internal.h"

#include <string.h>

#define KBC_CMD_READ_RAM 0x20  /* 0x20-0x3f: read internal RAM byte n */
#define KBC_CMD_WRITE_RAM 0x60 /* 0x60-0x7f: write internal RAM byte n */
#define KBC_CMD_AUX_DISABLE 0xa7
#define KBC_CMD_AUX_ENABLE 0xa8
#define KBC_CMD_SELF_TEST 0xaa
#define KBC_CMD_KBD_TEST 0xab
#define KBC_CMD_KBD_DISABLE 0xad
#define KBC_CMD_KBD_ENABLE 0xae
#define KBC_CMD_READ_OUT 0xd0
#define KBC_CMD_WRITE_OUT 0xd1
#define KBC_CMD_WRITE_KBD_OBUF 0xd2
#define KBC_CMD_WRITE_AUX_OBUF 0xd3
#define KBC_CMD_WRITE_AUX 0xd4
#define KBC_CMD_A20_OFF 0xdd
#define KBC_CMD_A20_ON 0xdf
#define KBC_CMD_PULSE 0xf0    /* 0xf0-0xff: pulse output port bits 0-3 that are 0 */
#define KBC_SELF_TEST_OK 0x55
#define KBC_KBD_TEST_OK 0x00
#define KBC_OUT_DEFAULT (KBC_OUT_KBD_DATA | KBC_OUT_KBD_CLOCK | KBC_OUT_A20 | KBC_OUT_RESET)
#define KBD_BREAK_PREFIX 0xf0 /* set 2: a break is 0xf0 then the make code */

static uint8_t kbc_cb(const struct kbc8042 *k)
{
	return k->ram[0];
}

static void kbc_update_irq(struct kbc8042 *k)
{
	bool level = k->obf && !k->obuf_aux && (kbc_cb(k) & KBC_CB_KBD_INT);

	if (level == k->irq_level)
		return;
	k->irq_level = level;
	if (k->cb.irq)
		k->cb.irq(k->cb.ctx, level);
}

static void kbc_set_a20(struct kbc8042 *k, bool on)
{
	if (on == k->a20)
		return;
	k->a20 = on;
	if (k->cb.a20)
		k->cb.a20(k->cb.ctx, on);
}

static void kbc_pulse_reset(struct kbc8042 *k)
{
	if (k->cb.reset)
		k->cb.reset(k->cb.ctx);
}

/* The keyboard may send when the controller does not hold its clock
 * (command byte) and it was not told to stop scanning. */
static bool kbc_keyboard_may_send(const struct kbc8042 *k)
{
	return !(kbc_cb(k) & KBC_CB_KBD_DISABLE) && k->kbd.scanning;
}

static uint8_t kbc_key_pop(struct kbc8042 *k)
{
	uint8_t byte = k->keys[k->key_head];

	k->key_head = (k->key_head + 1) % KBC_QUEUE_SIZE;
	k->key_count--;
	return byte;
}

/* Typed keys are queued in set 1. Translation on (or set 1 chosen) hands
 * them over as they are; otherwise the keyboard's own set 2 goes through:
 * a break becomes 0xf0 and the make code, the second byte carried over. */
static uint8_t kbc_next_key_byte(struct kbc8042 *k)
{
	uint8_t byte = kbc_key_pop(k);

	if ((kbc_cb(k) & KBC_CB_XLATE) || k->kbd.set == 1 || byte == 0xe0 || byte == 0xe1)
		return byte;
	if (byte & 0x80) {
		k->carry = kbc_set2_code(byte & 0x7f);
		k->carry_full = true;
		return KBD_BREAK_PREFIX;
	}
	return kbc_set2_code(byte);
}

static void kbc_obuf_fill(struct kbc8042 *k, uint8_t byte, bool aux)
{
	k->obuf = byte;
	k->obf = true;
	k->obuf_aux = aux;
}

/* One byte into an empty output buffer: a set 2 break's second half
 * first, then replies, then typed keys. */
static void kbc_refill(struct kbc8042 *k)
{
	if (k->obf) {
		/* nothing: the guest has not read the last one */
	} else if (k->carry_full) {
		k->carry_full = false;
		kbc_obuf_fill(k, k->carry, false);
	} else if (k->reply_count) {
		struct kbc_reply r = k->replies[k->reply_head];

		k->reply_head = (k->reply_head + 1) % KBC_REPLY_SIZE;
		k->reply_count--;
		kbc_obuf_fill(k, r.byte, r.aux);
	} else if (k->key_count && kbc_keyboard_may_send(k)) {
		kbc_obuf_fill(k, kbc_next_key_byte(k), false);
	}
	kbc_update_irq(k);
}

void kbc_reply(struct kbc8042 *k, uint8_t byte, bool aux)
{
	if (k->reply_count < KBC_REPLY_SIZE) {
		unsigned tail = (k->reply_head + k->reply_count) % KBC_REPLY_SIZE;

		k->replies[tail] = (struct kbc_reply){ byte, aux };
		k->reply_count++;
	}
	kbc_refill(k);
}

void kbc_init(struct kbc8042 *k, const struct kbc_callbacks *cb)
{
	memset(k, 0, sizeof(*k));
	if (cb)
		k->cb = *cb;
	kbc_reset(k);
}

void kbc_reset(struct kbc8042 *k)
{
	memset(k->ram, 0, sizeof(k->ram));
	k->ram[0] = KBC_CB_DEFAULT;
	k->out_port = KBC_OUT_DEFAULT;
	k->port92 = 0;
	k->pending_cmd = 0;
	k->last_was_cmd = false;
	k->obuf = 0;
	k->obf = k->obuf_aux = k->carry_full = false;
	k->carry = 0;
	k->reply_head = k->reply_count = 0;
	k->key_head = k->key_count = 0;
	kbc_keyboard_power_on(&k->kbd);
	k->a20 = true;
	kbc_update_irq(k);
}

uint8_t kbc_read_status(const struct kbc8042 *k)
{
	uint8_t s = KBC_STAT_UNLOCKED;

	if (k->obf)
		s |= KBC_STAT_OBF | (k->obuf_aux ? KBC_STAT_AUX_OBF : 0);
	if (kbc_cb(k) & KBC_CB_SYS)
		s |= KBC_STAT_SYS;
	if (k->last_was_cmd)
		s |= KBC_STAT_CMD;
	return s;
}

/* Reading empties the buffer (the line falls) and lets the next byte in
 * (the line rises again): an edge per byte for the PIC. An empty buffer
 * reads its last byte again, as the real latch does. */
uint8_t kbc_read_data(struct kbc8042 *k)
{
	uint8_t byte = k->obuf;

	k->obf = false;
	k->obuf_aux = false;
	kbc_update_irq(k);
	kbc_refill(k);
	return byte;
}

static uint8_t kbc_output_port(const struct kbc8042 *k)
{
	uint8_t v = k->out_port & (uint8_t)~(KBC_OUT_A20 | KBC_OUT_KBD_OBF | KBC_OUT_AUX_OBF);

	if (k->a20)
		v |= KBC_OUT_A20;
	if (k->obf)
		v |= k->obuf_aux ? KBC_OUT_AUX_OBF : KBC_OUT_KBD_OBF;
	return v;
}

/* Bit 0 low is the CPU's reset line: a pulse, so it reads back high. */
static void kbc_write_output_port(struct kbc8042 *k, uint8_t value)
{
	k->out_port = value | KBC_OUT_RESET;
	kbc_set_a20(k, value & KBC_OUT_A20);
	if (!(value & KBC_OUT_RESET))
		kbc_pulse_reset(k);
}

/* The data byte a controller command was waiting for. */
static void kbc_command_data(struct kbc8042 *k, uint8_t cmd, uint8_t value)
{
	switch (cmd) {
	case KBC_CMD_WRITE_OUT: kbc_write_output_port(k, value); break;
	case KBC_CMD_WRITE_KBD_OBUF: kbc_reply(k, value, false); break;
	case KBC_CMD_WRITE_AUX_OBUF: kbc_reply(k, value, true); break;
	case KBC_CMD_WRITE_AUX: break; /* no mouse to receive it */
	default: /* 0x60-0x7f */
		k->ram[cmd - KBC_CMD_WRITE_RAM] = value;
		kbc_refill(k); /* the keyboard or its interrupt may be enabled now */
		break;
	}
}

void kbc_write_data(struct kbc8042 *k, uint8_t value)
{
	uint8_t cmd = k->pending_cmd;

	k->last_was_cmd = false;
	k->pending_cmd = 0;
	if (cmd)
		kbc_command_data(k, cmd, value);
	else
		kbc_keyboard_write(k, value);
}

static void kbc_set_cb_bits(struct kbc8042 *k, uint8_t bits, bool on)
{
	if (on)
		k->ram[0] |= bits;
	else
		k->ram[0] &= (uint8_t)~bits;
	kbc_refill(k);
}

static bool kbc_takes_data(uint8_t cmd)
{
	return (cmd >= KBC_CMD_WRITE_RAM && cmd < KBC_CMD_WRITE_RAM + KBC_RAM_SIZE) ||
	       (cmd >= KBC_CMD_WRITE_OUT && cmd <= KBC_CMD_WRITE_AUX);
}

void kbc_write_command(struct kbc8042 *k, uint8_t cmd)
{
	k->last_was_cmd = true;
	k->pending_cmd = kbc_takes_data(cmd) ? cmd : 0; /* a new command drops a waiting one */
	if (cmd >= KBC_CMD_READ_RAM && cmd < KBC_CMD_READ_RAM + KBC_RAM_SIZE) {
		kbc_reply(k, k->ram[cmd - KBC_CMD_READ_RAM], false);
		return;
	}
	if (cmd >= KBC_CMD_PULSE) {
		if (!(cmd & KBC_OUT_RESET))
			kbc_pulse_reset(k);
		return;
	}
	switch (cmd) {
	case KBC_CMD_AUX_DISABLE: kbc_set_cb_bits(k, KBC_CB_AUX_DISABLE, true); break;
	case KBC_CMD_AUX_ENABLE: kbc_set_cb_bits(k, KBC_CB_AUX_DISABLE, false); break;
	case KBC_CMD_SELF_TEST:
		k->ram[0] |= KBC_CB_SYS; /* a passed self test sets the system flag */
		kbc_reply(k, KBC_SELF_TEST_OK, false);
		break;
	case KBC_CMD_KBD_TEST: kbc_reply(k, KBC_KBD_TEST_OK, false); break;
	case KBC_CMD_KBD_DISABLE: kbc_set_cb_bits(k, KBC_CB_KBD_DISABLE, true); break;
	case KBC_CMD_KBD_ENABLE: kbc_set_cb_bits(k, KBC_CB_KBD_DISABLE, false); break;
	case KBC_CMD_READ_OUT: kbc_reply(k, kbc_output_port(k), false); break;
	case KBC_CMD_A20_OFF: kbc_set_a20(k, false); break;
	case KBC_CMD_A20_ON: kbc_set_a20(k, true); break;
	default: break; /* takes data (see above) or not emulated: ignored */
	}
}

uint8_t kbc_read_port92(const struct kbc8042 *k)
{
	return (uint8_t)((k->port92 & ~KBC_P92_A20) | (k->a20 ? KBC_P92_A20 : 0));
}

/* The fast reset fires on bit 0 going from 0 to 1; a guest writes it back
 * to 0 before it can reset again. */
void kbc_write_port92(struct kbc8042 *k, uint8_t value)
{
	uint8_t old = k->port92;

	k->port92 = value;
	kbc_set_a20(k, value & KBC_P92_A20);
	if ((value & KBC_P92_RESET) && !(old & KBC_P92_RESET))
		kbc_pulse_reset(k);
}

unsigned kbc_queue_space(const struct kbc8042 *k)
{
	return KBC_QUEUE_SIZE - k->key_count;
}

bool kbc_key(struct kbc8042 *k, uint32_t key)
{
	uint8_t seq[KBC_KEY_MAX_BYTES];
	size_t n = kbc_key_scancodes(key, k->kbd.leds & 0x04, seq);

	if (n > kbc_queue_space(k))
		return false; /* all of a key or nothing: never half a key */
	for (size_t i = 0; i < n; i++) {
		k->keys[(k->key_head + k->key_count) % KBC_QUEUE_SIZE] = seq[i];
		k->key_count++;
	}
	kbc_refill(k);
	return true;
}

bool kbc_irq_line(const struct kbc8042 *k)
{
	return k->irq_level;
}

bool kbc_a20(const struct kbc8042 *k)
{
	return k->a20;
}

uint8_t kbc_command_byte(const struct kbc8042 *k)
{
	return kbc_cb(k);
}

uint32_t kbc_data_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)offset;
	(void)size;
	return kbc_read_data(ctx);
}

void kbc_data_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)offset;
	(void)size;
	kbc_write_data(ctx, (uint8_t)value);
}

uint32_t kbc_cmd_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)offset;
	(void)size;
	return kbc_read_status(ctx);
}

void kbc_cmd_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)offset;
	(void)size;
	kbc_write_command(ctx, (uint8_t)value);
}

uint32_t kbc_port92_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)offset;
	(void)size;
	return kbc_read_port92(ctx);
}

void kbc_port92_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)offset;
	(void)size;
	kbc_write_port92(ctx, (uint8_t)value);
}
