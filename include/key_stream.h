/* SPDX-License-Identifier: MIT */
/* key_stream.h - typed keys on their way to the guest's keyboard controller.
 *
 * The UART takes bytes, so what the user types for COM1 crosses the seam as
 * the bytes a terminal sends. The 8042 takes keys: a character becomes the
 * key (and Shift) that makes it, and Up is a key of its own, not ESC [ A.
 * The keyboard's queue (seam->keyboard) therefore carries keys, encoded as
 * UTF-8 so it stays a byte queue: a character is its code point, and the
 * keys that are no character (arrows, Home, F1, ...) are code points of the
 * Unicode private-use area, KEY_STREAM_UP and on, which no keyboard types.
 * A byte stream that is not UTF-8 (stdin in headless mode may be anything)
 * decodes to U+FFFD for each bad byte: a key no keyboard has, ignored.
 *
 * Pure; the console encodes, the vCPU thread decodes.
 */
#ifndef KVMTUI_KEY_STREAM_H
#define KVMTUI_KEY_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where the console sends what the user types. */
enum input_target {
	INPUT_TO_UART, /* COM1's receiver: bytes, as a terminal sends them */
	INPUT_TO_KBC,  /* the 8042: keys, as scan codes */
};

#define KEY_STREAM_BASE 0xe000u /* the start of the private-use area */
enum key_stream_special {
	KEY_STREAM_UP = KEY_STREAM_BASE, KEY_STREAM_DOWN, KEY_STREAM_LEFT, KEY_STREAM_RIGHT,
	KEY_STREAM_HOME, KEY_STREAM_END, KEY_STREAM_PAGE_UP, KEY_STREAM_PAGE_DOWN,
	KEY_STREAM_INSERT, KEY_STREAM_DELETE, KEY_STREAM_BACKTAB, /* Shift+Tab */
	KEY_STREAM_F1, /* KEY_STREAM_F1 + n - 1 for Fn, up to F12 */
	KEY_STREAM_F12 = KEY_STREAM_F1 + 11,
	KEY_STREAM_LAST = KEY_STREAM_F12,
};
#define KEY_STREAM_BAD 0xfffdu /* what a byte that is not UTF-8 decodes to */
#define KEY_STREAM_MAX_BYTES 4

/* One key (a code point up to U+10FFFF) as UTF-8; 0 for a value beyond
 * Unicode or a surrogate. */
size_t key_stream_encode(uint32_t key, uint8_t out[KEY_STREAM_MAX_BYTES]);

struct key_stream_decoder {
	uint32_t cp;   /* the code point so far */
	unsigned need; /* continuation bytes still to come */
	uint32_t min;  /* the least value this length may encode (no overlong forms) */
};

void key_stream_decoder_reset(struct key_stream_decoder *d);
/* Feeds one byte; returns how many keys it completed (0, 1 or 2) into
 * keys[]. A byte that breaks a sequence ends it as U+FFFD and is then read
 * as the start of the next key: "\xc3a" gives U+FFFD, then 'a'. */
size_t key_stream_decode(struct key_stream_decoder *d, uint8_t byte, uint32_t keys[2]);
/* Bytes of an unfinished key are held: nothing came out of them yet. */
bool key_stream_decoder_midway(const struct key_stream_decoder *d);

#endif
