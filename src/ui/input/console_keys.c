/* SPDX-License-Identifier: MIT */
/* console_keys.c - the serial console's keys (see console_keys.h). */
#include "console_keys.h"

#include <string.h>

static const struct {
	int key;
	const char *seq;
} vt_keys[] = {
	{ UK_UP, "\033[A" },	   { UK_DOWN, "\033[B" },   { UK_RIGHT, "\033[C" },
	{ UK_LEFT, "\033[D" },	   { UK_HOME, "\033[H" },   { UK_END, "\033[F" },
	{ UK_INSERT, "\033[2~" },  { UK_DELETE, "\033[3~" }, { UK_PGUP, "\033[5~" },
	{ UK_PGDN, "\033[6~" },	   { UK_BACKTAB, "\033[Z" }, { UK_ENTER, "\r" },
	{ UK_BACKSPACE, "\x7f" },  { UK_F1, "\033OP" },	     { UK_F1 + 1, "\033OQ" },
	{ UK_F1 + 2, "\033OR" },   { UK_F1 + 3, "\033OS" },  { UK_F1 + 4, "\033[15~" },
	{ UK_F1 + 5, "\033[17~" }, { UK_F1 + 6, "\033[18~" }, { UK_F1 + 7, "\033[19~" },
	{ UK_F1 + 8, "\033[20~" }, { UK_F1 + 9, "\033[21~" }, { UK_F1 + 10, "\033[23~" },
	{ UK_F1 + 11, "\033[24~" },
};

size_t console_key_bytes(int key, uint8_t *out, size_t n)
{
	if (key >= 0 && key < UK_SPECIAL) {
		uint8_t tmp[KEY_STREAM_MAX_BYTES];
		size_t len = key_stream_encode((uint32_t)key, tmp); /* UTF-8 */
		if (len > n)
			return 0;
		memcpy(out, tmp, len);
		return len;
	}
	for (size_t i = 0; i < sizeof(vt_keys) / sizeof(vt_keys[0]); i++) {
		if (vt_keys[i].key != key)
			continue;
		size_t len = strlen(vt_keys[i].seq);
		if (len > n)
			return 0;
		memcpy(out, vt_keys[i].seq, len);
		return len;
	}
	return 0;
}

/* The UI's keys that are no character, as the 8042's queue names them. */
static const struct {
	int key;
	uint32_t stream;
} kbd_keys[] = {
	{ UK_UP, KEY_STREAM_UP },	  { UK_DOWN, KEY_STREAM_DOWN },
	{ UK_LEFT, KEY_STREAM_LEFT },	  { UK_RIGHT, KEY_STREAM_RIGHT },
	{ UK_HOME, KEY_STREAM_HOME },	  { UK_END, KEY_STREAM_END },
	{ UK_PGUP, KEY_STREAM_PAGE_UP },  { UK_PGDN, KEY_STREAM_PAGE_DOWN },
	{ UK_INSERT, KEY_STREAM_INSERT }, { UK_DELETE, KEY_STREAM_DELETE },
	{ UK_BACKTAB, KEY_STREAM_BACKTAB }, { UK_ENTER, '\r' },
	{ UK_BACKSPACE, 0x7f },
};

static uint32_t keyboard_key(int key)
{
	if (key >= 0 && key < UK_SPECIAL)
		return (uint32_t)key; /* a character: the 8042 finds its key */
	if (key >= UK_F1 && key <= UK_F12)
		return KEY_STREAM_F1 + (uint32_t)(key - UK_F1);
	for (size_t i = 0; i < sizeof(kbd_keys) / sizeof(kbd_keys[0]); i++)
		if (kbd_keys[i].key == key)
			return kbd_keys[i].stream;
	return UINT32_MAX;
}

size_t console_keyboard_bytes(int key, uint8_t *out, size_t n)
{
	uint8_t tmp[KEY_STREAM_MAX_BYTES];
	uint32_t k = keyboard_key(key);
	size_t len = k == UINT32_MAX ? 0 : key_stream_encode(k, tmp);
	if (len > n)
		return 0;
	memcpy(out, tmp, len);
	return len;
}

const char *console_target_name(enum input_target target)
{
	return target == INPUT_TO_KBC ? "8042" : "COM1";
}

/* The key after Ctrl-A. */
static void console_command(int key, struct console_result *out)
{
	switch (key) {
	case CONSOLE_ESCAPE:
		out->action = ACT_SEND;
		out->bytes[0] = CONSOLE_ESCAPE; /* Ctrl+A to the 8042 too */
		out->len = 1;
		return;
	case 'x': case 'X': case UK_CTRL('x'):
		out->action = ACT_QUIT;
		return;
	case UK_PGUP:
		out->action = ACT_SERIAL_PGUP;
		return;
	case UK_PGDN:
		out->action = ACT_SERIAL_PGDN;
		return;
	}
	out->action = keys_command(key);
}

void console_key(struct console_keys *c, int key, struct console_result *out)
{
	console_key_to(c, c->target, key, out);
}

void console_key_to(struct console_keys *c, enum input_target target, int key,
		    struct console_result *out)
{
	memset(out, 0, sizeof(*out));
	out->target = target;
	if (key == UK_RESIZE) {
		out->action = ACT_RESIZE; /* not a key, and must not disarm Ctrl-A */
		return;
	}
	if (c->armed) {
		c->armed = false;
		console_command(key, out);
		return;
	}
	if (key == CONSOLE_ESCAPE) {
		c->armed = true;
		return;
	}
	if (key == UK_SHIFT_PGUP || key == UK_SHIFT_PGDN) {
		out->action = key == UK_SHIFT_PGUP ? ACT_SERIAL_PGUP : ACT_SERIAL_PGDN;
		return;
	}
	if (target == INPUT_TO_KBC)
		out->len = console_keyboard_bytes(key, out->bytes, sizeof(out->bytes));
	else
		out->len = console_key_bytes(key, out->bytes, sizeof(out->bytes));
	out->action = out->len ? ACT_SEND : ACT_NONE;
}
