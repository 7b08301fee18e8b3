/* SPDX-License-Identifier: MIT */
/* input.c - translating curses keys to UK_* codes.
 *
 * get_wch rather than getch so a typed "é" reaches the guest as one code
 * point (sent on as UTF-8), not as two unrelated bytes. An escape sequence
 * curses does not know (Ctrl-Up, say) would otherwise arrive as Esc, '[',
 * '1', ';', '5', 'A': six keys, two of them console commands (Esc closes,
 * '5' ...). Such sequences are swallowed whole instead.
 */
#include "input.h"

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

#define IGNORED (-2)

static const struct {
	int curses_key;
	int ui_key;
} key_map[] = {
	{ KEY_UP, UK_UP },	   { KEY_DOWN, UK_DOWN },	{ KEY_LEFT, UK_LEFT },
	{ KEY_RIGHT, UK_RIGHT },   { KEY_PPAGE, UK_PGUP },	{ KEY_NPAGE, UK_PGDN },
	{ KEY_HOME, UK_HOME },	   { KEY_END, UK_END },		{ KEY_IC, UK_INSERT },
	{ KEY_DC, UK_DELETE },	   { KEY_BACKSPACE, UK_BACKSPACE }, { KEY_BTAB, UK_BACKTAB },
	{ KEY_ENTER, UK_ENTER },   { KEY_SPREVIOUS, UK_SHIFT_PGUP }, { KEY_SNEXT, UK_SHIFT_PGDN },
	{ KEY_RESIZE, UK_RESIZE }, { KEY_FIND, UK_HOME },	{ KEY_SELECT, UK_END },
	{ KEY_A1, UK_HOME },	   { KEY_C1, UK_END },		{ KEY_A3, UK_PGUP },
	{ KEY_C3, UK_PGDN },
};

/* One key read ahead after an Esc that turned out to stand alone. */
static int pending = UK_NONE;

void input_init(void)
{
	/* xterm and tmux send these for Shift-PgUp/PgDn; many terminfo entries
	 * do not list them. */
	define_key("\033[5;2~", KEY_SPREVIOUS);
	define_key("\033[6;2~", KEY_SNEXT);
	pending = UK_NONE;
}

static int translate(int key)
{
	if (key >= KEY_F(1) && key <= KEY_F(12))
		return UK_F1 + (key - KEY_F(1));
	for (size_t i = 0; i < sizeof(key_map) / sizeof(key_map[0]); i++)
		if (key_map[i].curses_key == key)
			return key_map[i].ui_key;
	return IGNORED; /* the mouse, a keypad oddity */
}

static int read_one(void)
{
	wint_t ch;
	int rc = get_wch(&ch);
	if (rc == ERR)
		return UK_NONE;
	if (rc == KEY_CODE_YES)
		return translate((int)ch);
	return (int)ch;
}

/* After ESC [ (CSI): parameters, then one final byte 0x40..0x7e. After
 * ESC O (SS3): exactly one more byte. */
static void skip_sequence(int introducer)
{
	for (int k = read_one(); k != UK_NONE; k = read_one()) {
		if (introducer == 'O' || (k >= 0x40 && k <= 0x7e) || k >= UK_SPECIAL)
			return;
	}
}

int input_read_key(void)
{
	if (pending != UK_NONE) {
		int k = pending;
		pending = UK_NONE;
		return k;
	}
	for (;;) {
		int k = read_one();
		if (k == IGNORED)
			continue;
		if (k != 0x1b)
			return k;
		/* curses gave back an Esc: alone, or the start of a sequence it
		 * did not recognise (the rest is already in its buffer). */
		int next = read_one();
		if (next == '[' || next == 'O') {
			skip_sequence(next);
			continue;
		}
		if (next != UK_NONE && next != IGNORED)
			pending = next;
		return 0x1b;
	}
}
