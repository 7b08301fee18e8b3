/* input.c - translating curses keys to UK_* codes.
 *
 * get_wch rather than getch so a typed "é" reaches the guest as one code
 * point (sent on as UTF-8), not as two unrelated bytes.
 */
#include "input.h"

#include <curses.h>
#include <stddef.h>

#include "keys.h"

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

static int translate(int key)
{
	if (key >= KEY_F(1) && key <= KEY_F(12))
		return UK_F1 + (key - KEY_F(1));
	for (size_t i = 0; i < sizeof(key_map) / sizeof(key_map[0]); i++)
		if (key_map[i].curses_key == key)
			return key_map[i].ui_key;
	return UK_NONE;
}

int input_read_key(void)
{
	for (;;) {
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR)
			return UK_NONE;
		if (rc == KEY_CODE_YES) {
			int k = translate((int)ch);
			if (k != UK_NONE)
				return k;
			continue; /* a key we have no use for: the mouse, a keypad oddity */
		}
		return (int)ch;
	}
}
