/* SPDX-License-Identifier: MIT */
/* console_keys.h - keys typed into the serial console, and its Ctrl-A escape.
 *
 * With the serial pane focused every key goes to the guest: to COM1 as
 * the bytes a terminal would send (Enter is \r, arrows are ESC [ A ...),
 * or, after K, to the 8042 as keys (key_stream.h: Up is a key of its own). Ctrl-A is the
 * escape, as in QEMU and kvmtool: Ctrl-A x quits, Ctrl-A Tab leaves the
 * pane, Ctrl-A ? shows help, Ctrl-A Ctrl-A sends one Ctrl-A, and Ctrl-A
 * followed by any other console key (p, r, s, 1..4, ...) does what that key
 * does outside the pane. Pure.
 */
#ifndef KVMTUI_CONSOLE_KEYS_H
#define KVMTUI_CONSOLE_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "key_stream.h"
#include "keys.h"

#define CONSOLE_ESCAPE UK_CTRL('a')

struct console_keys {
	bool armed; /* Ctrl-A was typed: the next key is a console command */
	enum input_target target; /* where typed keys go (zero: COM1) */
};

struct console_result {
	enum ui_action action; /* ACT_SEND: bytes[0..len) go to the guest, to `target` */
	enum input_target target;
	uint8_t bytes[8];
	size_t len;
};

void console_key(struct console_keys *c, int key, struct console_result *out);
/* The same, the keys going to `target` whatever c->target says: the text
 * screen's pane always types to the 8042, and shares the Ctrl-A escape. */
void console_key_to(struct console_keys *c, enum input_target target, int key,
		    struct console_result *out);

/* The bytes a VT100-style terminal sends for a key; 0 if it sends none. */
size_t console_key_bytes(int key, uint8_t *out, size_t n);
/* A key for the 8042's queue (key_stream.h); 0 for one it cannot send. */
size_t console_keyboard_bytes(int key, uint8_t *out, size_t n);
/* "8042" or "COM1": where the keys go, in the console's words. */
const char *console_target_name(enum input_target target);

#endif
