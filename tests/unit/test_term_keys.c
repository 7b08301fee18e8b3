/* SPDX-License-Identifier: MIT */
/* test_term_keys.c - a terminal's bytes as keys: every escape sequence the
 * decoder knows, fed a byte per call as a terminal's writes may split them;
 * ESC that starts nothing; UTF-8; the bytes scripts send for Enter and
 * Backspace; and the bounds. */
#include <stdint.h>

#include "check.h"
#include "term_keys.h"

#define MAXK 64

/* Feeds s a byte per call, then flushes if asked; returns the key count. */
static size_t decode(const char *s, bool flush, uint32_t *keys)
{
	struct term_keys t;
	term_keys_init(&t);
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		uint32_t k[TERM_KEYS_MAX_KEYS];
		size_t m = term_keys_feed(&t, (uint8_t)*p, k, TERM_KEYS_MAX_KEYS);
		for (size_t i = 0; i < m && n < MAXK; i++)
			keys[n++] = k[i];
	}
	if (flush) {
		uint32_t k[TERM_KEYS_MAX_KEYS];
		size_t m = term_keys_flush(&t, k, TERM_KEYS_MAX_KEYS);
		for (size_t i = 0; i < m && n < MAXK; i++)
			keys[n++] = k[i];
	}
	CHECK(!flush || !term_keys_pending(&t));
	return n;
}

/* s must give exactly the keys in want[] (a 0-terminated list). */
static void expect(const char *s, bool flush, const uint32_t *want)
{
	uint32_t keys[MAXK];
	size_t n = decode(s, flush, keys), w = 0;
	while (want[w])
		w++;
	CHECK_EQ(n, w);
	for (size_t i = 0; i < n && i < w; i++)
		CHECK_EQ(keys[i], want[i]);
	if (n != w)
		fprintf(stderr, "  (for the bytes \"%s\")\n", s + (s[0] == 0x1b));
}
#define EXPECT(s, ...) expect(s, false, (const uint32_t[]){ __VA_ARGS__, 0 })
#define EXPECT_FLUSHED(s, ...) expect(s, true, (const uint32_t[]){ __VA_ARGS__, 0 })

static const struct {
	const char *bytes;
	uint32_t key;
} sequences[] = {
	{ "\x1b[A", KEY_STREAM_UP }, { "\x1b[B", KEY_STREAM_DOWN },
	{ "\x1b[C", KEY_STREAM_RIGHT }, { "\x1b[D", KEY_STREAM_LEFT },
	{ "\x1bOA", KEY_STREAM_UP }, { "\x1bOB", KEY_STREAM_DOWN },
	{ "\x1bOC", KEY_STREAM_RIGHT }, { "\x1bOD", KEY_STREAM_LEFT },
	{ "\x1b[H", KEY_STREAM_HOME }, { "\x1b[F", KEY_STREAM_END },
	{ "\x1bOH", KEY_STREAM_HOME }, { "\x1bOF", KEY_STREAM_END },
	{ "\x1b[1~", KEY_STREAM_HOME }, { "\x1b[4~", KEY_STREAM_END },
	{ "\x1b[7~", KEY_STREAM_HOME }, { "\x1b[8~", KEY_STREAM_END },
	{ "\x1b[5~", KEY_STREAM_PAGE_UP }, { "\x1b[6~", KEY_STREAM_PAGE_DOWN },
	{ "\x1b[2~", KEY_STREAM_INSERT }, { "\x1b[3~", KEY_STREAM_DELETE },
	{ "\x1b[Z", KEY_STREAM_BACKTAB },
	{ "\x1bOP", KEY_STREAM_F1 }, { "\x1bOQ", KEY_STREAM_F1 + 1 },
	{ "\x1bOR", KEY_STREAM_F1 + 2 }, { "\x1bOS", KEY_STREAM_F1 + 3 },
	{ "\x1b[11~", KEY_STREAM_F1 }, { "\x1b[12~", KEY_STREAM_F1 + 1 },
	{ "\x1b[13~", KEY_STREAM_F1 + 2 }, { "\x1b[14~", KEY_STREAM_F1 + 3 },
	{ "\x1b[15~", KEY_STREAM_F1 + 4 }, { "\x1b[17~", KEY_STREAM_F1 + 5 },
	{ "\x1b[18~", KEY_STREAM_F1 + 6 }, { "\x1b[19~", KEY_STREAM_F1 + 7 },
	{ "\x1b[20~", KEY_STREAM_F1 + 8 }, { "\x1b[21~", KEY_STREAM_F1 + 9 },
	{ "\x1b[23~", KEY_STREAM_F1 + 10 }, { "\x1b[24~", KEY_STREAM_F12 },
	/* the Linux console's F1-F5 */
	{ "\x1b[[A", KEY_STREAM_F1 }, { "\x1b[[E", KEY_STREAM_F1 + 4 },
	/* modifiers: the plain key */
	{ "\x1b[1;5A", KEY_STREAM_UP }, { "\x1b[1;2B", KEY_STREAM_DOWN },
	{ "\x1b[1;3C", KEY_STREAM_RIGHT }, { "\x1b[1;5D", KEY_STREAM_LEFT },
	{ "\x1b[1;5H", KEY_STREAM_HOME }, { "\x1b[1;2F", KEY_STREAM_END },
	{ "\x1b[3;5~", KEY_STREAM_DELETE }, { "\x1b[5;3~", KEY_STREAM_PAGE_UP },
	{ "\x1b[1;2P", KEY_STREAM_F1 }, { "\x1b[1;5S", KEY_STREAM_F1 + 3 },
	{ "\x1b[15;2~", KEY_STREAM_F1 + 4 }, { "\x1b[24;6~", KEY_STREAM_F12 },
	{ "\x1b[2;10~", KEY_STREAM_INSERT },
	/* rxvt's modified keys */
	{ "\x1b[a", KEY_STREAM_UP }, { "\x1bOd", KEY_STREAM_LEFT },
	{ "\x1b[3$", KEY_STREAM_DELETE }, { "\x1b[11^", KEY_STREAM_F1 },
	/* the keypad in application mode */
	{ "\x1bOM", '\r' }, { "\x1bOp", '0' }, { "\x1bOy", '9' },
	{ "\x1bOj", '*' }, { "\x1bOo", '/' },
};

static void test_sequences(void)
{
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		EXPECT(sequences[i].bytes, sequences[i].key);
		/* Between characters, with nothing held afterwards. */
		char buf[32];
		snprintf(buf, sizeof buf, "x%sy", sequences[i].bytes);
		EXPECT_FLUSHED(buf, 'x', sequences[i].key, 'y');
	}
	/* One after another, and a key's sequence split over two reads. */
	EXPECT("\x1b[A\x1b[B\x1bOP\x1b[3~", KEY_STREAM_UP, KEY_STREAM_DOWN, KEY_STREAM_F1, KEY_STREAM_DELETE);
}

/* A sequence is held until it ends; nothing comes out midway. */
static void test_held_until_done(void)
{
	struct term_keys t;
	uint32_t k[TERM_KEYS_MAX_KEYS];
	term_keys_init(&t);
	CHECK(!term_keys_pending(&t));
	CHECK_EQ(term_keys_feed(&t, 0x1b, k, TERM_KEYS_MAX_KEYS), 0);
	CHECK(term_keys_pending(&t));
	CHECK_EQ(term_keys_feed(&t, '[', k, TERM_KEYS_MAX_KEYS), 0);
	CHECK_EQ(term_keys_feed(&t, '2', k, TERM_KEYS_MAX_KEYS), 0);
	CHECK_EQ(term_keys_feed(&t, '4', k, TERM_KEYS_MAX_KEYS), 0);
	CHECK(term_keys_pending(&t));
	CHECK_EQ(term_keys_feed(&t, '~', k, TERM_KEYS_MAX_KEYS), 1);
	CHECK_EQ(k[0], KEY_STREAM_F12);
	CHECK(!term_keys_pending(&t));
	CHECK_EQ(term_keys_flush(&t, k, TERM_KEYS_MAX_KEYS), 0);
}

static void test_lone_escape(void)
{
	EXPECT("\x1b", 0); /* nothing yet: ... */
	EXPECT_FLUSHED("\x1b", 0x1b); /* ... the flush gives Esc */
	EXPECT_FLUSHED("ab\x1b", 'a', 'b', 0x1b);
	EXPECT_FLUSHED("\x1b[", 0x1b, '[');
	EXPECT_FLUSHED("\x1b[1;5", 0x1b, '[', '1', ';', '5');
	EXPECT_FLUSHED("\x1bO", 0x1b, 'O');
	/* Esc pressed twice, and Esc then an arrow. */
	EXPECT_FLUSHED("\x1b\x1b", 0x1b, 0x1b);
	EXPECT("\x1b\x1b[A", 0x1b, KEY_STREAM_UP);
	/* After a flush the decoder starts afresh. */
	struct term_keys t;
	uint32_t k[TERM_KEYS_MAX_KEYS];
	term_keys_init(&t);
	term_keys_feed(&t, 0x1b, k, TERM_KEYS_MAX_KEYS);
	CHECK_EQ(term_keys_flush(&t, k, TERM_KEYS_MAX_KEYS), 1);
	CHECK_EQ(k[0], 0x1b);
	CHECK_EQ(term_keys_feed(&t, '[', k, TERM_KEYS_MAX_KEYS), 1);
	CHECK_EQ(k[0], '[');
}

/* ESC and what follows, when it is no sequence: the keys typed. */
static void test_escape_then_other(void)
{
	EXPECT("\x1bx", 0x1b, 'x'); /* Alt+x, as terminals send it */
	EXPECT("\x1b" "a\x1b" "b", 0x1b, 'a', 0x1b, 'b');
	EXPECT("\x1b\r", 0x1b, '\r');
	EXPECT("\x1b\x7f", 0x1b, 0x08);
	EXPECT("\x1b[X", 0x1b, '[', 'X');
	EXPECT("\x1b[9~", 0x1b, '[', '9', '~');
	EXPECT("\x1b[99~", 0x1b, '[', '9', '9', '~');
	EXPECT("\x1b[[F", 0x1b, '[', '[', 'F');
	EXPECT("\x1bOx", 'x' - 'p' + '0'); /* keypad 8 in application mode */
	EXPECT("\x1bOz", 0x1b, 'O', 'z');
	EXPECT("\x1b[\x1b[A", 0x1b, '[', KEY_STREAM_UP); /* a sequence cut by another */
	EXPECT("\x1b[1\n", 0x1b, '[', '1', '\r');
	EXPECT("\x1b\xc3\xa9", 0x1b, 0xe9); /* Alt+é */
	EXPECT("\x1b[\xc3\xa9", 0x1b, '[', 0xe9);
}

/* A sequence longer than any key's is none: its bytes come out. */
static void test_too_long(void)
{
	char s[64] = "\x1b[";
	uint32_t want[40] = { 0x1b, '[' };
	size_t n = 2;
	for (; n < TERM_KEYS_SEQ_MAX + 4; n++) {
		s[n] = '1';
		want[n] = '1';
	}
	s[n] = 'A';
	want[n] = 'A';
	want[n + 1] = 0;
	expect(s, false, want);
	/* A huge number is no key either (and does not overflow into one). */
	EXPECT("\x1b[4294967298~", 0x1b, '[', '4', '2', '9', '4', '9', '6', '7', '2', '9', '8', '~');
}

static void test_characters(void)
{
	EXPECT("hello", 'h', 'e', 'l', 'l', 'o');
	EXPECT("\xc3\xa9", 0xe9); /* é */
	EXPECT("\xe2\x82\xac", 0x20ac); /* € */
	EXPECT("\xf0\x9f\x98\x80", 0x1f600);
	EXPECT("\xc3" "a", KEY_STREAM_BAD, 'a');
	EXPECT("\xff", KEY_STREAM_BAD);
	/* A character cut short by ESC: U+FFFD, and the ESC still starts a sequence. */
	EXPECT("\xc3\x1b[A", KEY_STREAM_BAD, KEY_STREAM_UP);
	/* ... or by the end of input. */
	EXPECT("\xe2\x82", 0);
	EXPECT_FLUSHED("\xe2\x82", KEY_STREAM_BAD);
	EXPECT("\t\x01\x03", '\t', 0x01, 0x03); /* control characters are keys too */
}

static void test_enter_and_backspace(void)
{
	EXPECT("a\n", 'a', '\r');
	EXPECT("\r", '\r');
	EXPECT("a\r\nb", 'a', '\r', 'b'); /* DOS line ends: one Enter */
	EXPECT("\n\n", '\r', '\r');
	EXPECT("\r\r\n", '\r', '\r');
	EXPECT("\n\r", '\r', '\r');
	EXPECT("\r\x1bOA\n", '\r', KEY_STREAM_UP, '\r');
	EXPECT("ab\x7f", 'a', 'b', 0x08);
	EXPECT("\x08", 0x08);
}

/* keys[] shorter than what comes out: the first max, and no overrun. */
static void test_bounds(void)
{
	struct term_keys t;
	uint32_t k[TERM_KEYS_MAX_KEYS + 1];
	term_keys_init(&t);
	const char *s = "\x1b[1;2;3;4;5;6;7"; /* 15 bytes held */
	for (const char *p = s; *p; p++)
		CHECK_EQ(term_keys_feed(&t, (uint8_t)*p, k, 2), 0);
	k[2] = 0xabcd;
	CHECK_EQ(term_keys_feed(&t, 'x', k, 2), 2);
	CHECK_EQ(k[0], 0x1b);
	CHECK_EQ(k[1], '[');
	CHECK_EQ(k[2], 0xabcd);
	CHECK(!term_keys_pending(&t));

	/* The most one feed can give fits TERM_KEYS_MAX_KEYS. */
	term_keys_init(&t);
	CHECK_EQ(term_keys_feed(&t, 0x1b, k, TERM_KEYS_MAX_KEYS), 0);
	CHECK_EQ(term_keys_feed(&t, '[', k, TERM_KEYS_MAX_KEYS), 0);
	for (int i = 2; i < TERM_KEYS_SEQ_MAX; i++)
		CHECK_EQ(term_keys_feed(&t, '1', k, TERM_KEYS_MAX_KEYS), 0);
	k[TERM_KEYS_MAX_KEYS] = 0xabcd;
	size_t n = term_keys_feed(&t, '2', k, TERM_KEYS_MAX_KEYS);
	CHECK_EQ(n, TERM_KEYS_SEQ_MAX + 1);
	CHECK(n <= TERM_KEYS_MAX_KEYS);
	CHECK_EQ(k[n - 1], '2');
	CHECK_EQ(k[TERM_KEYS_MAX_KEYS], 0xabcd);
	CHECK_EQ(term_keys_feed(&t, 'z', k, 0), 0);
}

int main(void)
{
	test_sequences();
	test_held_until_done();
	test_lone_escape();
	test_escape_then_other();
	test_too_long();
	test_characters();
	test_enter_and_backspace();
	test_bounds();
	return check_done();
}
