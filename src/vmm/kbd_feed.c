/* SPDX-License-Identifier: MIT */
/* kbd_feed.c - typed keys into the 8042 (see kbd_feed.h). */
#include "kbd_feed.h"

/* The stream's keys that are no character, in enum key_stream_special order. */
static const uint32_t special_keys[] = {
	KBC_KEY_UP, KBC_KEY_DOWN, KBC_KEY_LEFT, KBC_KEY_RIGHT,
	KBC_KEY_HOME, KBC_KEY_END, KBC_KEY_PAGE_UP, KBC_KEY_PAGE_DOWN,
	KBC_KEY_INSERT, KBC_KEY_DELETE, KBC_KEY_TAB | KBC_MOD_SHIFT,
	KBC_KEY_F1, KBC_KEY_F2, KBC_KEY_F3, KBC_KEY_F4, KBC_KEY_F5, KBC_KEY_F6,
	KBC_KEY_F7, KBC_KEY_F8, KBC_KEY_F9, KBC_KEY_F10, KBC_KEY_F11, KBC_KEY_F12,
};
_Static_assert(sizeof(special_keys) / sizeof(special_keys[0]) ==
		       KEY_STREAM_LAST - KEY_STREAM_BASE + 1,
	       "one 8042 key per special key of the stream");

uint32_t kbd_feed_kbc_key(uint32_t stream_key)
{
	if (stream_key >= KEY_STREAM_BASE && stream_key <= KEY_STREAM_LAST)
		return special_keys[stream_key - KEY_STREAM_BASE];
	return stream_key; /* a character: the 8042 finds its key, or has none */
}

void kbd_feed_init(struct kbd_feed *f, struct input_queue *from)
{
	f->from = from;
	kbd_feed_reset(f);
}

void kbd_feed_reset(struct kbd_feed *f)
{
	key_stream_decoder_reset(&f->decoder);
	f->n_held = 0;
}

/* Offers the held keys in order; false while the oldest does not fit. */
static bool offer_held(struct kbd_feed *f, struct kbc8042 *kbc)
{
	while (f->n_held) {
		if (!kbc_key(kbc, kbd_feed_kbc_key(f->held[0])))
			return false;
		f->held[0] = f->held[1];
		f->n_held--;
	}
	return true;
}

void kbd_feed_pump(struct kbd_feed *f, struct kbc8042 *kbc)
{
	uint8_t byte;
	if (!offer_held(f, kbc))
		return;
	while (input_queue_maybe_waiting(f->from) && input_queue_take(f->from, &byte)) {
		f->n_held = (unsigned)key_stream_decode(&f->decoder, byte, f->held);
		if (!offer_held(f, kbc))
			return;
	}
}
