/* SPDX-License-Identifier: MIT */
/* kbc8042.h - the PC's 8042 keyboard controller, its PS/2 keyboard, and
 * the fast A20 / reset port 0x92.
 *
 * Ports: 0x60 data (read: the output buffer; write: a command's parameter
 * or a byte for the keyboard), 0x64 status (read) / controller command
 * (write), 0x92 system control port A (bit 1 A20, bit 0 fast reset).
 *
 * The controller starts as a PC BIOS leaves it, since kvm-tui's guests run
 * without one: command byte 0x65 (keyboard interrupt on, system flag,
 * aux disabled, translation to set 1), keyboard enabled and scanning, A20
 * on (KVM does not mask address line 20, so "on" is what the guest has).
 * IBF is always 0: a write is handled before the guest can look again.
 *
 * Keys come from the user through kbc_key as set 1 make/break sequences,
 * queued (KBC_QUEUE_SIZE bytes) and moved one byte at a time into the
 * output buffer whenever it is empty and the keyboard may send (interface
 * enabled in the command byte, scanning enabled by the keyboard). Replies
 * to commands (controller and keyboard) go ahead of typed keys. With
 * translation off the keyboard's set 2 codes reach the guest as they are
 * (set 1 if the guest selected set 1; set 3 is answered as set 2).
 * Typed keys are never thrown away: they wait through a disabled keyboard
 * and a keyboard reset; only kbc_reset (a new machine) empties the queue.
 * Replies are not translated: identify answers 0xab 0x83 and the set query
 * 0x02, where a translating 8042 would pass 0xab 0x41 and 0x41 (drivers
 * such as Linux's accept both).
 *
 * Like the other devices it has no lock: kbc_key runs on the thread that
 * runs the port handlers (the vCPU thread), fed from the UI's key queue.
 *
 * IRQ 1 is up while the output buffer holds a keyboard or controller byte
 * and command byte bit 0 enables it; each byte read lets it fall, and the
 * next byte raises it again (an edge per byte). The aux (mouse) port is
 * not emulated beyond its enable bit and the 0xd3 loopback: no IRQ 12.
 *
 * A20 is one gate, set by the output port (0xd1, 0xdd, 0xdf) and by port
 * 0x92 bit 1 alike, last write wins; a chipset ORs the two, but one gate
 * lets a guest that turns A20 off by either path see it off. The a20
 * callback is called when the gate changes. reset is called for a CPU
 * reset pulse: commands 0xf0-0xfe with bit 0 clear (0xfe is the classic
 * one), 0xd1 with bit 0 clear, and port 0x92 bit 0 going from 0 to 1. The
 * callbacks run inside a port write: record the request, act after it.
 */
#ifndef KVMTUI_KBC8042_H
#define KVMTUI_KBC8042_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KBC_DATA_PORT 0x60
#define KBC_STATUS_PORT 0x64 /* command port on write */
#define KBC_PORT92 0x92

/* Status register */
#define KBC_STAT_OBF 0x01      /* output buffer full */
#define KBC_STAT_IBF 0x02      /* input buffer full (always 0 here) */
#define KBC_STAT_SYS 0x04      /* system flag, from command byte bit 2 */
#define KBC_STAT_CMD 0x08      /* last write was to 0x64 */
#define KBC_STAT_UNLOCKED 0x10 /* keyboard not inhibited by the key lock */
#define KBC_STAT_AUX_OBF 0x20  /* the byte in the output buffer is from aux */
#define KBC_STAT_TIMEOUT 0x40
#define KBC_STAT_PARITY 0x80

/* Controller command byte (internal RAM byte 0) */
#define KBC_CB_KBD_INT 0x01
#define KBC_CB_AUX_INT 0x02
#define KBC_CB_SYS 0x04
#define KBC_CB_KBD_DISABLE 0x10
#define KBC_CB_AUX_DISABLE 0x20
#define KBC_CB_XLATE 0x40
#define KBC_CB_DEFAULT 0x65

/* Output port (0xd0 / 0xd1) */
#define KBC_OUT_RESET 0x01 /* 0 holds the CPU in reset */
#define KBC_OUT_A20 0x02
#define KBC_OUT_KBD_OBF 0x10
#define KBC_OUT_AUX_OBF 0x20
#define KBC_OUT_KBD_CLOCK 0x40
#define KBC_OUT_KBD_DATA 0x80

/* Port 0x92 */
#define KBC_P92_RESET 0x01
#define KBC_P92_A20 0x02

/* PS/2 keyboard replies */
#define KBD_ACK 0xfa
#define KBD_BAT_OK 0xaa
#define KBD_ECHO 0xee
#define KBD_ID1 0xab
#define KBD_ID2 0x83

/* Keys for kbc_key: a Unicode code point, or one of these, ORed with
 * modifiers. Control characters are their Ctrl combination (0x01 is
 * Ctrl+A), except 0x08/0x7f (Backspace), 0x09 (Tab), 0x0a/0x0d (Enter)
 * and 0x1b (Esc), which is what a terminal sends for those keys. */
#define KBC_KEY_SPECIAL 0x110000u /* the first value past Unicode */
enum kbc_special_key {
	KBC_KEY_ENTER = KBC_KEY_SPECIAL, KBC_KEY_BACKSPACE, KBC_KEY_ESC, KBC_KEY_TAB,
	KBC_KEY_UP, KBC_KEY_DOWN, KBC_KEY_LEFT, KBC_KEY_RIGHT,
	KBC_KEY_HOME, KBC_KEY_END, KBC_KEY_PAGE_UP, KBC_KEY_PAGE_DOWN,
	KBC_KEY_INSERT, KBC_KEY_DELETE,
	KBC_KEY_F1, KBC_KEY_F2, KBC_KEY_F3, KBC_KEY_F4, KBC_KEY_F5, KBC_KEY_F6,
	KBC_KEY_F7, KBC_KEY_F8, KBC_KEY_F9, KBC_KEY_F10, KBC_KEY_F11, KBC_KEY_F12,
	KBC_KEY_LAST = KBC_KEY_F12,
};
#define KBC_MOD_SHIFT 0x01000000u
#define KBC_MOD_CTRL 0x02000000u
#define KBC_MOD_ALT 0x04000000u
#define KBC_MOD_MASK 0x07000000u
#define KBC_KEY_MAX_BYTES 16 /* the longest sequence one key makes */

#define KBC_QUEUE_SIZE 128 /* typed-ahead scan code bytes */
#define KBC_REPLY_SIZE 16  /* command replies waiting for the output buffer */
#define KBC_RAM_SIZE 32    /* the 8042's internal RAM; byte 0 is the command byte */

typedef void (*kbc_irq_fn)(void *ctx, bool level);
typedef void (*kbc_a20_fn)(void *ctx, bool on);
typedef void (*kbc_reset_fn)(void *ctx);

/* Any may be NULL; ctx is passed to each. */
struct kbc_callbacks {
	kbc_irq_fn irq; /* IRQ 1 line */
	kbc_a20_fn a20;
	kbc_reset_fn reset;
	void *ctx;
};

/* The PS/2 keyboard behind the controller. */
struct kbc_keyboard {
	bool scanning;   /* 0xf4 / 0xf5 */
	uint8_t leds;    /* 0xed: bit 0 Scroll, 1 Num, 2 Caps Lock */
	uint8_t set;     /* 0xf0: 1, 2 or 3 */
	uint8_t typematic;
	uint8_t pending; /* a command waiting for its parameter, or 0 */
};

struct kbc_reply {
	uint8_t byte;
	bool aux;
};

/* The fields are the device's state; use the functions below. */
struct kbc8042 {
	uint8_t ram[KBC_RAM_SIZE];
	uint8_t out_port;    /* bits 4/5 are computed from the output buffer */
	uint8_t port92;
	uint8_t pending_cmd; /* a controller command waiting for its data byte, or 0 */
	bool last_was_cmd;
	uint8_t obuf;        /* the output buffer (keeps its last byte once read) */
	bool obf, obuf_aux;
	bool carry_full;     /* the second byte of a set 2 break (F0 xx) */
	uint8_t carry;
	struct kbc_reply replies[KBC_REPLY_SIZE];
	unsigned reply_head, reply_count;
	uint8_t keys[KBC_QUEUE_SIZE];
	unsigned key_head, key_count;
	struct kbc_keyboard kbd;
	bool a20, irq_level;
	struct kbc_callbacks cb;
};

void kbc_init(struct kbc8042 *k, const struct kbc_callbacks *cb);
/* Power-on as a BIOS leaves it (see above); empties the key queue, lowers
 * IRQ 1, keeps the callbacks; does not call a20 or reset. */
void kbc_reset(struct kbc8042 *k);

uint8_t kbc_read_data(struct kbc8042 *k);   /* port 0x60 */
uint8_t kbc_read_status(const struct kbc8042 *k); /* port 0x64 */
void kbc_write_data(struct kbc8042 *k, uint8_t value);    /* port 0x60 */
void kbc_write_command(struct kbc8042 *k, uint8_t value); /* port 0x64 */
uint8_t kbc_read_port92(const struct kbc8042 *k);
void kbc_write_port92(struct kbc8042 *k, uint8_t value);

/* A key from the user (see the key encoding above). false: the queue has
 * no room for all of its bytes and nothing was queued: keep the key and
 * offer it again after the guest has read some. A key the keyboard does
 * not have (no US-layout scan code) is accepted and ignored. */
bool kbc_key(struct kbc8042 *k, uint32_t key);
unsigned kbc_queue_space(const struct kbc8042 *k);
bool kbc_irq_line(const struct kbc8042 *k);
bool kbc_a20(const struct kbc8042 *k);
uint8_t kbc_command_byte(const struct kbc8042 *k);

/* The set 1 make and break bytes one key makes on a US keyboard, with
 * Ctrl, Alt and Shift pressed around it as needed; caps_lock: the guest
 * has Caps Lock on (its LED), so letters need Shift inverted. Returns the
 * count (at most KBC_KEY_MAX_BYTES), 0 for a key the keyboard lacks. Pure. */
size_t kbc_key_scancodes(uint32_t key, bool caps_lock, uint8_t out[KBC_KEY_MAX_BYTES]);
/* Set 1 to set 2 for one make code (the same after 0xe0); 0 if none. */
uint8_t kbc_set2_code(uint8_t set1_make);
/* "a", "Enter", "Left Shift", "F1"; extended: the key after 0xe0 ("Up").
 * NULL if the code names no key. */
const char *kbc_scan_name(uint8_t set1_make, bool extended);

/* Adapters for bus_add_pio (ctx is the struct kbc8042), one port each, so
 * 0x61 (port B: speaker, PIT gate) stays free for its own device: 0x60
 * data, 0x64 status/command, 0x92 port A. Wide accesses act on that port
 * alone, low byte. */
uint32_t kbc_data_pio_read(void *ctx, uint16_t offset, uint8_t size);
void kbc_data_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
uint32_t kbc_cmd_pio_read(void *ctx, uint16_t offset, uint8_t size);
void kbc_cmd_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
uint32_t kbc_port92_pio_read(void *ctx, uint16_t offset, uint8_t size);
void kbc_port92_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

/* One access in words (pure): "KBC status = 0x1d (OBF)", "KBC read scan
 * 0x1e 'a' make", "KBC command 0xd1 write output port", "port 92h: A20 on".
 * Returns the text's length (at most len - 1). */
size_t kbc_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len);

#endif
