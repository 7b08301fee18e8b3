/* SPDX-License-Identifier: MIT */
/* key_stream.c - keys as UTF-8 across the seam (see key_stream.h). */
#include "key_stream.h"

size_t key_stream_encode(uint32_t key, uint8_t out[KEY_STREAM_MAX_BYTES])
{
	if (key > 0x10ffff || (key >= 0xd800 && key <= 0xdfff))
		return 0;
	if (key < 0x80) {
		out[0] = (uint8_t)key;
		return 1;
	}
	if (key < 0x800) {
		out[0] = (uint8_t)(0xc0 | key >> 6);
		out[1] = (uint8_t)(0x80 | (key & 0x3f));
		return 2;
	}
	if (key < 0x10000) {
		out[0] = (uint8_t)(0xe0 | key >> 12);
		out[1] = (uint8_t)(0x80 | (key >> 6 & 0x3f));
		out[2] = (uint8_t)(0x80 | (key & 0x3f));
		return 3;
	}
	out[0] = (uint8_t)(0xf0 | key >> 18);
	out[1] = (uint8_t)(0x80 | (key >> 12 & 0x3f));
	out[2] = (uint8_t)(0x80 | (key >> 6 & 0x3f));
	out[3] = (uint8_t)(0x80 | (key & 0x3f));
	return 4;
}

void key_stream_decoder_reset(struct key_stream_decoder *d)
{
	*d = (struct key_stream_decoder){ 0 };
}

bool key_stream_decoder_midway(const struct key_stream_decoder *d)
{
	return d->need > 0;
}

/* The first byte of a key: a whole ASCII key, or how many bytes follow. */
static size_t decode_lead(struct key_stream_decoder *d, uint8_t byte, uint32_t *key)
{
	if (byte < 0x80) {
		*key = byte;
		return 1;
	}
	if (byte >= 0xc2 && byte <= 0xdf)
		*d = (struct key_stream_decoder){ byte & 0x1fu, 1, 0x80 };
	else if (byte >= 0xe0 && byte <= 0xef)
		*d = (struct key_stream_decoder){ byte & 0x0fu, 2, 0x800 };
	else if (byte >= 0xf0 && byte <= 0xf4)
		*d = (struct key_stream_decoder){ byte & 0x07u, 3, 0x10000 };
	else {
		*key = KEY_STREAM_BAD; /* a stray continuation, 0xc0/0xc1, 0xf5 and up */
		return 1;
	}
	return 0;
}

size_t key_stream_decode(struct key_stream_decoder *d, uint8_t byte, uint32_t keys[2])
{
	if (d->need == 0)
		return decode_lead(d, byte, &keys[0]);
	if ((byte & 0xc0) != 0x80) { /* the sequence broke off: this byte starts anew */
		key_stream_decoder_reset(d);
		keys[0] = KEY_STREAM_BAD;
		return 1 + decode_lead(d, byte, &keys[1]);
	}
	d->cp = d->cp << 6 | (byte & 0x3fu);
	if (--d->need)
		return 0;
	uint32_t cp = d->cp;
	bool valid = cp >= d->min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
	key_stream_decoder_reset(d);
	keys[0] = valid ? cp : KEY_STREAM_BAD;
	return 1;
}
