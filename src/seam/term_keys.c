/* SPDX-License-Identifier: MIT */
/* term_keys.c - a terminal's bytes as keys (see term_keys.h).
 *
 * Two layers: the ground state hands bytes to the UTF-8 decoder the
 * keyboard queue already uses (key_stream.h), so characters and bad bytes
 * come out exactly as the queue would make them; an ESC instead starts a
 * held sequence in t->seq, which ends as one key (a known sequence) or is
 * undone: its bytes come out as the keys they are, and the byte that did
 * not fit is read again from the ground state (it may be an ESC of its own).
 * Which part of a sequence we are in is told by t->seq itself: length 1 is
 * just after ESC, then seq[1] is '[' (CSI) or 'O' (SS3).
 */
#include "term_keys.h"

#define ESC 0x1b
#define CSI_INTRO '['
#define SS3_INTRO 'O'
#define LINUX_FKEY '[' /* the Linux console's F1-F5: ESC [ [ A..E */
#define PARAM_CAP 10000 /* no key number is this large; stops overflow */

struct out {
	uint32_t *keys;
	size_t n, max;
};

static void put(struct out *o, uint32_t key)
{
	if (o->n < o->max)
		o->keys[o->n++] = key;
}

/* A key made by a single byte: where LF, CR LF and DEL become the keys a
 * keyboard has. */
static void put_char(struct term_keys *t, struct out *o, uint32_t key)
{
	bool same_enter = key == '\n' && t->after_cr;
	t->after_cr = key == '\r';
	if (same_enter)
		return;
	if (key == '\n')
		key = '\r';
	else if (key == 0x7f)
		key = 0x08;
	put(o, key);
}

static void put_key(struct term_keys *t, struct out *o, uint32_t key)
{
	t->after_cr = false;
	put(o, key);
}

/* ---- what a finished sequence means ---- */

/* A final letter, the same after CSI and SS3 (and whatever modifier
 * parameters came before it); rxvt's lower-case arrows are its modified ones. */
static uint32_t letter_key(uint8_t final)
{
	switch (final) {
	case 'A': case 'a': return KEY_STREAM_UP;
	case 'B': case 'b': return KEY_STREAM_DOWN;
	case 'C': case 'c': return KEY_STREAM_RIGHT;
	case 'D': case 'd': return KEY_STREAM_LEFT;
	case 'H': return KEY_STREAM_HOME;
	case 'F': return KEY_STREAM_END;
	case 'Z': return KEY_STREAM_BACKTAB;
	case 'P': case 'Q': case 'R': case 'S': return KEY_STREAM_F1 + (uint32_t)(final - 'P');
	default: return 0;
	}
}

/* ESC [ n ~ (xterm, VT220; rxvt ends modified ones with $ ^ @ instead). */
static uint32_t number_key(unsigned n)
{
	static const uint32_t keys[] = {
		[1] = KEY_STREAM_HOME, [2] = KEY_STREAM_INSERT, [3] = KEY_STREAM_DELETE,
		[4] = KEY_STREAM_END, [5] = KEY_STREAM_PAGE_UP, [6] = KEY_STREAM_PAGE_DOWN,
		[7] = KEY_STREAM_HOME, [8] = KEY_STREAM_END,
		[11] = KEY_STREAM_F1, [12] = KEY_STREAM_F1 + 1, [13] = KEY_STREAM_F1 + 2,
		[14] = KEY_STREAM_F1 + 3, [15] = KEY_STREAM_F1 + 4,
		[17] = KEY_STREAM_F1 + 5, [18] = KEY_STREAM_F1 + 6, [19] = KEY_STREAM_F1 + 7,
		[20] = KEY_STREAM_F1 + 8, [21] = KEY_STREAM_F1 + 9,
		[23] = KEY_STREAM_F1 + 10, [24] = KEY_STREAM_F12,
	};
	return n < sizeof keys / sizeof keys[0] ? keys[n] : 0;
}

/* The keypad in application mode: ESC O M is Enter, ESC O j..y its
 * operators and digits (VT100 order: * + , - . / then 0-9). */
static uint32_t keypad_key(uint8_t final)
{
	static const char keypad[] = "*+,-./0123456789";
	if (final == 'M')
		return '\r';
	if (final >= 'j' && final <= 'y')
		return (uint32_t)keypad[final - 'j'];
	return 0;
}

/* The first parameter: the digits up to ';' (0 when there are none). */
static unsigned first_param(const uint8_t *p, size_t len)
{
	unsigned n = 0;
	for (size_t i = 0; i < len && p[i] >= '0' && p[i] <= '9'; i++)
		n = n < PARAM_CAP ? n * 10 + (unsigned)(p[i] - '0') : PARAM_CAP;
	return n;
}

static bool is_tilde(uint8_t final)
{
	return final == '~' || final == '$' || final == '^' || final == '@';
}

/* The key seq + final means; 0 for none. */
static uint32_t sequence_key(const struct term_keys *t, uint8_t final)
{
	const uint8_t *params = t->seq + 2;
	size_t nparams = t->seq_len - 2u;
	if (t->seq[1] == SS3_INTRO) {
		uint32_t key = letter_key(final);
		return key ? key : keypad_key(final);
	}
	if (nparams && params[0] == LINUX_FKEY)
		return nparams == 1 && final >= 'A' && final <= 'E' ? KEY_STREAM_F1 + (uint32_t)(final - 'A') : 0;
	if (is_tilde(final))
		return number_key(first_param(params, nparams));
	return letter_key(final);
}

/* ---- the two states ---- */

static void ground(struct term_keys *t, uint8_t byte, struct out *o)
{
	if (byte == ESC) {
		if (key_stream_decoder_midway(&t->utf8)) { /* the character ESC cut short */
			put_char(t, o, KEY_STREAM_BAD);
			key_stream_decoder_reset(&t->utf8);
		}
		t->seq[0] = ESC;
		t->seq_len = 1;
		return;
	}
	uint32_t k[2];
	size_t n = key_stream_decode(&t->utf8, byte, k);
	for (size_t i = 0; i < n; i++)
		put_char(t, o, k[i]);
}

/* No sequence after all: the held bytes as keys. */
static void release_held(struct term_keys *t, struct out *o)
{
	size_t len = t->seq_len;
	t->seq_len = 0;
	for (size_t i = 0; i < len; i++)
		put_char(t, o, t->seq[i]);
}

/* Parameter bytes: digits and ';' (and the Linux console's second '['). */
static bool is_param(const struct term_keys *t, uint8_t byte)
{
	if (t->seq_len == 2 && t->seq[1] == CSI_INTRO && byte == LINUX_FKEY)
		return true;
	return (byte >= '0' && byte <= '9') || byte == ';';
}

static void in_sequence(struct term_keys *t, uint8_t byte, struct out *o)
{
	bool grows = t->seq_len == 1 ? byte == CSI_INTRO || byte == SS3_INTRO : is_param(t, byte);
	if (grows && t->seq_len < TERM_KEYS_SEQ_MAX) {
		t->seq[t->seq_len++] = byte;
		return;
	}
	uint32_t key = grows || t->seq_len == 1 ? 0 : sequence_key(t, byte);
	if (key) {
		t->seq_len = 0;
		put_key(t, o, key);
		return;
	}
	release_held(t, o);
	ground(t, byte, o);
}

/* ---- the interface ---- */

void term_keys_init(struct term_keys *t)
{
	*t = (struct term_keys){ 0 };
	key_stream_decoder_reset(&t->utf8);
}

size_t term_keys_feed(struct term_keys *t, uint8_t byte, uint32_t *keys, size_t max)
{
	struct out o = { keys, 0, max };
	if (t->seq_len)
		in_sequence(t, byte, &o);
	else
		ground(t, byte, &o);
	return o.n;
}

size_t term_keys_flush(struct term_keys *t, uint32_t *keys, size_t max)
{
	struct out o = { keys, 0, max };
	release_held(t, &o);
	if (key_stream_decoder_midway(&t->utf8)) {
		put_char(t, &o, KEY_STREAM_BAD);
		key_stream_decoder_reset(&t->utf8);
	}
	return o.n;
}

bool term_keys_pending(const struct term_keys *t)
{
	return t->seq_len > 0 || key_stream_decoder_midway(&t->utf8);
}
