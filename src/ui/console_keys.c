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

static size_t utf8_encode(int cp, uint8_t *out)
{
	if (cp < 0x80) {
		out[0] = (uint8_t)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (uint8_t)(0xc0 | cp >> 6);
		out[1] = (uint8_t)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (uint8_t)(0xe0 | cp >> 12);
		out[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (uint8_t)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (uint8_t)(0xf0 | cp >> 18);
	out[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (uint8_t)(0x80 | (cp & 0x3f));
	return 4;
}

size_t console_key_bytes(int key, uint8_t *out, size_t n)
{
	if (key >= 0 && key < UK_SPECIAL) {
		uint8_t tmp[4];
		size_t len = utf8_encode(key, tmp);
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

/* The key after Ctrl-A. */
static void console_command(int key, struct console_result *out)
{
	switch (key) {
	case CONSOLE_ESCAPE:
		out->action = ACT_SEND;
		out->bytes[0] = CONSOLE_ESCAPE;
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
	memset(out, 0, sizeof(*out));
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
	out->len = console_key_bytes(key, out->bytes, sizeof(out->bytes));
	out->action = out->len ? ACT_SEND : ACT_NONE;
}
