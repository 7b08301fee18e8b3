/* SPDX-License-Identifier: MIT */
/* test_kbd_feed.c - typed keys from the seam's keyboard queue into a real
 * 8042, as the vCPU thread moves them: a whole line typed at once reaches
 * the guest as every make and break code in order, however slowly it reads
 * (one byte per "exit" here), with nothing lost behind the one-byte output
 * buffer; the keys that are no character become their own scan codes; a
 * reset forgets what was held. */
#include <string.h>

#include "check.h"
#include "kbd_feed.h"

static struct input_queue q;
static struct kbc8042 kbc;
static struct kbd_feed feed;

static void setup(void)
{
	input_queue_init(&q);
	kbc_init(&kbc, &(struct kbc_callbacks){ 0 });
	kbd_feed_init(&feed, &q);
}

static void type(const char *text)
{
	CHECK_EQ(input_queue_offer(&q, (const uint8_t *)text, strlen(text)), strlen(text));
}

static void type_key(uint32_t key)
{
	uint8_t b[KEY_STREAM_MAX_BYTES];
	size_t n = key_stream_encode(key, b);
	CHECK_EQ(input_queue_offer(&q, b, n), n);
}

/* The guest: pump (before each run), read one code if the output buffer
 * is full (one exit), until nothing comes for a while. */
static size_t guest_reads(uint8_t *out, size_t max)
{
	size_t n = 0;
	for (int idle = 0; idle < 3 && n < max;) {
		kbd_feed_pump(&feed, &kbc);
		if (kbc_read_status(&kbc) & KBC_STAT_OBF) {
			out[n++] = kbc_read_data(&kbc);
			idle = 0;
		} else {
			idle++;
		}
	}
	return n;
}

/* The codes the 8042 itself makes for these characters, one after another. */
static size_t expected_codes(const char *text, uint8_t *out)
{
	size_t n = 0;
	for (const char *p = text; *p; p++)
		n += kbc_key_scancodes((uint8_t)*p, false, out + n);
	return n;
}

static void test_line_in_order(void)
{
	setup();
	/* More than twice what the 8042 itself can queue (128 bytes). */
	const char *text = "Hello, World! The quick brown fox jumps over the lazy dog. "
			   "PACK MY BOX WITH FIVE DOZEN LIQUOR JUGS? ~!@#$%^&*()_+{}|:\"<>\r";
	type(text);
	static uint8_t got[4096], want[4096];
	size_t n = guest_reads(got, sizeof(got));
	size_t m = expected_codes(text, want);
	CHECK(m > 2 * KBC_QUEUE_SIZE);
	CHECK_EQ(n, m);
	CHECK(memcmp(got, want, m) == 0);
	CHECK_EQ(input_queue_count(&q), 0);
	/* 'H' is Shift, h make, h break, Shift break; Enter ends it. */
	CHECK_EQ(got[0], 0x2a);
	CHECK_EQ(got[1], 0x23);
	CHECK_EQ(got[2], 0xa3);
	CHECK_EQ(got[3], 0xaa);
	CHECK_EQ(got[n - 2], 0x1c);
	CHECK_EQ(got[n - 1], 0x9c);
}

/* The guest reads nothing: the 8042 fills, the rest waits in the queue
 * and in the feed, and all of it arrives once the guest reads. */
static void test_waits_for_the_guest(void)
{
	setup();
	char text[300];
	for (int i = 0; i < 299; i++)
		text[i] = (char)('a' + i % 26);
	text[299] = 0;
	type(text);
	for (int i = 0; i < 50; i++)
		kbd_feed_pump(&feed, &kbc);
	CHECK(kbc_queue_space(&kbc) < 2);  /* full: the guest has read nothing */
	CHECK(input_queue_count(&q) > 0); /* the rest still waits in the seam */
	static uint8_t got[1024], want[1024];
	CHECK_EQ(guest_reads(got, sizeof(got)), expected_codes(text, want));
	CHECK(memcmp(got, want, expected_codes(text, want)) == 0);
}

static void test_special_keys(void)
{
	setup();
	type_key(KEY_STREAM_UP);
	type_key(KEY_STREAM_BACKTAB);
	type_key(KEY_STREAM_F1);
	type("\x1b\t\x7f");
	uint8_t got[64];
	const uint8_t want[] = {
		0xe0, 0x48, 0xe0, 0xc8,       /* Up */
		0x2a, 0x0f, 0x8f, 0xaa,       /* Shift+Tab */
		0x3b, 0xbb,                   /* F1 */
		0x01, 0x81, 0x0f, 0x8f, 0x0e, 0x8e, /* Esc, Tab, Backspace */
	};
	CHECK_EQ(guest_reads(got, sizeof(got)), sizeof(want));
	CHECK(memcmp(got, want, sizeof(want)) == 0);
	CHECK_EQ(kbd_feed_kbc_key(KEY_STREAM_DELETE), KBC_KEY_DELETE);
	CHECK_EQ(kbd_feed_kbc_key(KEY_STREAM_F12), KBC_KEY_F12);
	CHECK_EQ(kbd_feed_kbc_key('x'), 'x');
	/* A character no US key makes is taken and ignored, not stuck. */
	type("\xc3\xa9z");
	CHECK_EQ(guest_reads(got, sizeof(got)), 2);
	CHECK_EQ(got[0], 0x2c);
}

/* A reset forgets a key held for lack of room, and a half-decoded one. */
static void test_reset(void)
{
	setup();
	for (int i = 0; i < 100; i++)
		type("A");
	for (int i = 0; i < 5; i++)
		kbd_feed_pump(&feed, &kbc);
	CHECK(feed.n_held > 0);
	kbd_feed_reset(&feed);
	CHECK_EQ(feed.n_held, 0);
	input_queue_clear(&q);
	kbc_reset(&kbc);
	const uint8_t half[] = { 0xee, 0x80 }; /* the first two bytes of Up */
	CHECK_EQ(input_queue_offer(&q, half, 2), 2);
	kbd_feed_pump(&feed, &kbc);
	CHECK(key_stream_decoder_midway(&feed.decoder));
	kbd_feed_reset(&feed);
	type("b");
	uint8_t got[8];
	CHECK_EQ(guest_reads(got, sizeof(got)), 2); /* 'b' alone, not junk */
	CHECK_EQ(got[0], 0x30);
	CHECK_EQ(got[1], 0xb0);
}

int main(void)
{
	test_line_in_order();
	test_waits_for_the_guest();
	test_special_keys();
	test_reset();
	return check_done();
}
