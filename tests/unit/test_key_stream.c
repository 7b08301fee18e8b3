/* SPDX-License-Identifier: MIT */
/* test_key_stream.c - keys as UTF-8 across the seam: every key the console
 * can send comes out of the decoder as the same key, and bytes that are not
 * UTF-8 come out as U+FFFD without swallowing the key after them. */
#include <stdint.h>

#include "check.h"
#include "key_stream.h"

/* Decodes a whole byte string; returns the number of keys. */
static size_t decode_all(const uint8_t *bytes, size_t n, uint32_t *keys, size_t max)
{
	struct key_stream_decoder d;
	key_stream_decoder_reset(&d);
	size_t got = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t k[2];
		size_t m = key_stream_decode(&d, bytes[i], k);
		for (size_t j = 0; j < m && got < max; j++)
			keys[got++] = k[j];
	}
	return got;
}

static void test_round_trip(void)
{
	const uint32_t keys[] = { 'a', 'Z', '\r', 0x1b, 0x7f, 0xe9, 0x20ac, 0x1f600, 0x10ffff,
				  KEY_STREAM_UP, KEY_STREAM_F12, KEY_STREAM_BACKTAB };
	uint8_t buf[64];
	size_t len = 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		len += key_stream_encode(keys[i], buf + len);
	uint32_t out[16];
	size_t n = decode_all(buf, len, out, 16);
	CHECK_EQ(n, sizeof(keys) / sizeof(keys[0]));
	for (size_t i = 0; i < n; i++)
		CHECK_EQ(out[i], keys[i]);
}

static void test_encode_lengths(void)
{
	uint8_t b[KEY_STREAM_MAX_BYTES];
	CHECK_EQ(key_stream_encode('q', b), 1);
	CHECK_EQ(b[0], 'q');
	CHECK_EQ(key_stream_encode(0xe9, b), 2);
	CHECK_EQ(b[0], 0xc3);
	CHECK_EQ(b[1], 0xa9);
	CHECK_EQ(key_stream_encode(KEY_STREAM_UP, b), 3); /* U+E000: ee 80 80 */
	CHECK_EQ(b[0], 0xee);
	CHECK_EQ(b[1], 0x80);
	CHECK_EQ(b[2], 0x80);
	CHECK_EQ(key_stream_encode(0x1f600, b), 4);
	CHECK_EQ(key_stream_encode(0x110000, b), 0); /* beyond Unicode */
	CHECK_EQ(key_stream_encode(0xd800, b), 0);   /* a surrogate */
}

static void test_bad_bytes(void)
{
	uint32_t out[16];
	/* A lead byte broken off by an ASCII byte: U+FFFD, then the 'a'. */
	const uint8_t broken[] = { 0xc3, 'a', 'b' };
	CHECK_EQ(decode_all(broken, 3, out, 16), 3);
	CHECK_EQ(out[0], KEY_STREAM_BAD);
	CHECK_EQ(out[1], 'a');
	CHECK_EQ(out[2], 'b');
	/* A stray continuation byte, 0xff, an overlong '/' (c0 af), a
	 * surrogate (ed a0 80): each is U+FFFD, nothing else is lost. */
	const uint8_t junk[] = { 0x80, 'x', 0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 'y' };
	size_t n = decode_all(junk, sizeof(junk), out, 16);
	CHECK_EQ(n, 7);
	CHECK_EQ(out[0], KEY_STREAM_BAD);
	CHECK_EQ(out[1], 'x');
	CHECK_EQ(out[2], KEY_STREAM_BAD);
	CHECK_EQ(out[3], KEY_STREAM_BAD); /* c0 */
	CHECK_EQ(out[4], KEY_STREAM_BAD); /* af */
	CHECK_EQ(out[5], KEY_STREAM_BAD); /* the surrogate */
	CHECK_EQ(out[6], 'y');
	/* One lead broken by another: the second starts a good key. */
	const uint8_t relead[] = { 0xe2, 0xc3, 0xa9 };
	CHECK_EQ(decode_all(relead, 3, out, 16), 2);
	CHECK_EQ(out[0], KEY_STREAM_BAD);
	CHECK_EQ(out[1], 0xe9);
}

static void test_midway(void)
{
	struct key_stream_decoder d;
	uint32_t k[2];
	key_stream_decoder_reset(&d);
	CHECK(!key_stream_decoder_midway(&d));
	CHECK_EQ(key_stream_decode(&d, 0xee, k), 0);
	CHECK(key_stream_decoder_midway(&d));
	CHECK_EQ(key_stream_decode(&d, 0x80, k), 0);
	CHECK_EQ(key_stream_decode(&d, 0x81, k), 1);
	CHECK_EQ(k[0], KEY_STREAM_DOWN);
	CHECK(!key_stream_decoder_midway(&d));
}

int main(void)
{
	test_round_trip();
	test_encode_lengths();
	test_bad_bytes();
	test_midway();
	return check_done();
}
