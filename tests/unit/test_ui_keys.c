/* SPDX-License-Identifier: MIT */
/* test_ui_keys.c - console keys and the serial console's Ctrl-A escape. */
#include "check.h"
#include "console_keys.h"
#include "keys.h"

static void test_commands(void)
{
	CHECK_EQ(keys_command('q'), ACT_QUIT);
	CHECK_EQ(keys_command('p'), ACT_PAUSE);
	CHECK_EQ(keys_command('r'), ACT_RESUME);
	CHECK_EQ(keys_command(' '), ACT_TOGGLE);
	CHECK_EQ(keys_command('R'), ACT_RESET);
	CHECK_EQ(keys_command('s'), ACT_STEP);
	CHECK_EQ(keys_command('n'), ACT_NEXT_EXIT);
	CHECK_EQ(keys_command('+'), ACT_FASTER);
	CHECK_EQ(keys_command('-'), ACT_SLOWER);
	CHECK_EQ(keys_command('\t'), ACT_FOCUS_NEXT);
	CHECK_EQ(keys_command('3'), ACT_ZOOM_3);
	CHECK_EQ(keys_command('?'), ACT_HELP);
	CHECK_EQ(keys_command(UK_F1), ACT_HELP);
	CHECK_EQ(keys_command(UK_PGUP), ACT_PGUP);
	CHECK_EQ(keys_command('\r'), ACT_ENTER);
	CHECK_EQ(keys_command('Z'), ACT_NONE);
	CHECK_EQ(keys_command('K'), ACT_KEYS_TARGET);
	CHECK_EQ(keys_command('v'), ACT_SCREEN);
}

/* After K the console sends keys for the 8042 (key_stream.h), not a
 * terminal's bytes: Up is one key, Enter and Backspace are their codes. */
static void test_console_to_8042(void)
{
	struct console_keys c = { .target = INPUT_TO_KBC };
	struct console_result r;
	console_key(&c, 'A', &r);
	CHECK_EQ(r.action, ACT_SEND);
	CHECK_EQ(r.target, INPUT_TO_KBC);
	CHECK_EQ(r.len, 1);
	CHECK_EQ(r.bytes[0], 'A');
	console_key(&c, UK_UP, &r);
	CHECK_EQ(r.len, 3);
	CHECK(memcmp(r.bytes, "\xee\x80\x80", 3) == 0);
	console_key(&c, UK_F1 + 11, &r); /* F12 */
	uint8_t f12[KEY_STREAM_MAX_BYTES];
	CHECK_EQ(key_stream_encode(KEY_STREAM_F12, f12), 3);
	CHECK_EQ(r.len, 3);
	CHECK(memcmp(r.bytes, f12, 3) == 0);
	console_key(&c, UK_ENTER, &r);
	CHECK_EQ(r.len, 1);
	CHECK_EQ(r.bytes[0], '\r');
	console_key(&c, UK_BACKSPACE, &r);
	CHECK_EQ(r.bytes[0], 0x7f);
	console_key(&c, UK_SHIFT_PGUP, &r); /* still the console's own scroll */
	CHECK_EQ(r.action, ACT_SERIAL_PGUP);
	console_key(&c, CONSOLE_ESCAPE, &r);
	console_key(&c, 'K', &r); /* Ctrl-A K: the console's K */
	CHECK_EQ(r.action, ACT_KEYS_TARGET);
	CHECK_STR(console_target_name(INPUT_TO_KBC), "8042");
	CHECK_STR(console_target_name(INPUT_TO_UART), "COM1");
	c.target = INPUT_TO_UART;
	console_key(&c, 'A', &r);
	CHECK_EQ(r.target, INPUT_TO_UART);
	/* The text screen types to the 8042 whatever the target: keys, not bytes. */
	console_key_to(&c, INPUT_TO_KBC, UK_UP, &r);
	CHECK_EQ(r.target, INPUT_TO_KBC);
	CHECK_EQ(r.len, 3);
	CHECK(memcmp(r.bytes, "\xee\x80\x80", 3) == 0);
	CHECK_EQ(c.target, INPUT_TO_UART);
	console_key_to(&c, INPUT_TO_KBC, CONSOLE_ESCAPE, &r); /* one Ctrl-A escape for both */
	CHECK(c.armed);
	console_key(&c, 'v', &r);
	CHECK_EQ(r.action, ACT_SCREEN);
}

static void key(struct console_keys *c, int k, struct console_result *r)
{
	console_key(c, k, r);
}

static void test_console(void)
{
	struct console_keys c = { 0 };
	struct console_result r;
	key(&c, 'q', &r); /* plain keys go to the guest, even q */
	CHECK_EQ(r.action, ACT_SEND);
	CHECK_EQ(r.len, 1);
	CHECK_EQ(r.bytes[0], 'q');
	key(&c, '\r', &r);
	CHECK_EQ(r.bytes[0], '\r');
	key(&c, UK_CTRL('c'), &r);
	CHECK_EQ(r.action, ACT_SEND);
	CHECK_EQ(r.bytes[0], 3);
	key(&c, UK_UP, &r);
	CHECK_EQ(r.len, 3);
	CHECK(memcmp(r.bytes, "\033[A", 3) == 0);
	key(&c, 0xe9, &r); /* é as UTF-8 */
	CHECK_EQ(r.len, 2);
	CHECK_EQ(r.bytes[0], 0xc3);
	CHECK_EQ(r.bytes[1], 0xa9);

	key(&c, CONSOLE_ESCAPE, &r);
	CHECK_EQ(r.action, ACT_NONE);
	CHECK(c.armed);
	key(&c, UK_RESIZE, &r); /* a resize between does not eat the escape */
	CHECK_EQ(r.action, ACT_RESIZE);
	key(&c, 'x', &r);
	CHECK_EQ(r.action, ACT_QUIT);
	CHECK(!c.armed);

	key(&c, CONSOLE_ESCAPE, &r);
	key(&c, CONSOLE_ESCAPE, &r);
	CHECK_EQ(r.action, ACT_SEND);
	CHECK_EQ(r.len, 1);
	CHECK_EQ(r.bytes[0], 1);

	key(&c, CONSOLE_ESCAPE, &r);
	key(&c, '\t', &r);
	CHECK_EQ(r.action, ACT_FOCUS_NEXT);
	key(&c, CONSOLE_ESCAPE, &r);
	key(&c, '?', &r);
	CHECK_EQ(r.action, ACT_HELP);
	key(&c, CONSOLE_ESCAPE, &r);
	key(&c, 'p', &r);
	CHECK_EQ(r.action, ACT_PAUSE);
	key(&c, 'p', &r); /* the escape lasts one key */
	CHECK_EQ(r.action, ACT_SEND);
	key(&c, UK_SHIFT_PGUP, &r);
	CHECK_EQ(r.action, ACT_SERIAL_PGUP);
}

int main(void)
{
	test_console_to_8042();
	test_commands();
	test_console();
	return check_done();
}
