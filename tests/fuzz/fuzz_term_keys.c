/* SPDX-License-Identifier: MIT */
/* fuzz_term_keys.c - the terminal key decoder (src/seam/term_keys.c) and the
 * path a key then takes to the guest's keyboard.
 *
 * Headless mode reads stdin, which may be anything (a file, a pipe from
 * another program, a terminal sending escape sequences), and turns it into
 * keys for the guest. The input here is those bytes. Each key that comes
 * out must be a code point the keyboard queue can carry: it goes through
 * key_stream_encode/key_stream_decode (the seam's keyboard queue) and must
 * come back the same, then through kbd_feed_kbc_key and kbc_key_scancodes
 * (the 8042's scan codes), which must stay within their bounds. The first
 * byte picks how many keys the caller has room for: fewer than the decoder
 * makes must drop the rest, never write past them.
 */
#include "fuzz_input.h"

#include "kbc8042.h"
#include "kbd_feed.h"
#include "key_stream.h"
#include "term_keys.h"

#define ROOM 64 /* more than TERM_KEYS_MAX_KEYS, to see it is enough */

static void check_key(uint32_t key)
{
	uint8_t utf8[KEY_STREAM_MAX_BYTES];
	size_t n = key_stream_encode(key, utf8);
	if (n == 0 || n > KEY_STREAM_MAX_BYTES)
		fuzz_fail("key U+%04X does not encode for the keyboard queue (%zu bytes)", key, n);
	struct key_stream_decoder d;
	key_stream_decoder_reset(&d);
	uint32_t back[2];
	size_t got = 0;
	for (size_t i = 0; i < n; i++)
		got += key_stream_decode(&d, utf8[i], back + (got < 2 ? got : 1));
	if (got != 1 || back[0] != key)
		fuzz_fail("key U+%04X does not come back from the keyboard queue", key);
	uint8_t codes[KBC_KEY_MAX_BYTES];
	uint32_t kbc = kbd_feed_kbc_key(key);
	if (kbc_key_scancodes(kbc, false, codes) > KBC_KEY_MAX_BYTES ||
	    kbc_key_scancodes(kbc, true, codes) > KBC_KEY_MAX_BYTES)
		fuzz_fail("key U+%04X makes more scan codes than KBC_KEY_MAX_BYTES", key);
}

static void check_keys(const uint32_t *keys, size_t n, size_t max)
{
	if (n > max || n > TERM_KEYS_MAX_KEYS)
		fuzz_fail("%zu keys from one byte (room %zu, TERM_KEYS_MAX_KEYS %d)", n, max,
			  TERM_KEYS_MAX_KEYS);
	for (size_t i = 0; i < n; i++)
		check_key(keys[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	size_t max = fuzz_u8(&in) % (ROOM + 1);
	struct term_keys t;
	uint32_t keys[ROOM];

	term_keys_init(&t);
	while (!fuzz_in_empty(&in)) {
		uint8_t byte = fuzz_u8(&in);
		check_keys(keys, term_keys_feed(&t, byte, keys, max), max);
	}
	bool pending = term_keys_pending(&t);
	size_t n = term_keys_flush(&t, keys, ROOM);
	check_keys(keys, n, ROOM);
	if (pending && n == 0)
		fuzz_fail("something was held but the flush gave no key");
	if (term_keys_pending(&t))
		fuzz_fail("still pending after a flush");
	return 0;
}
