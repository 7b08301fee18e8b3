/* SPDX-License-Identifier: MIT */
/* keys.c - the console's own keys (see keys.h and help.c, which lists them). */
#include "keys.h"

enum ui_action keys_command(int key)
{
	switch (key) {
	case 'q': case 'Q': case UK_CTRL('c'): return ACT_QUIT;
	case 'p': return ACT_PAUSE;
	case 'r': return ACT_RESUME;
	case ' ': return ACT_TOGGLE;
	case 'R': return ACT_RESET;
	case 's': return ACT_STEP;
	case 'n': return ACT_NEXT_EXIT;
	case '+': case '=': return ACT_FASTER; /* '=' is '+' without Shift */
	case '-': case '_': return ACT_SLOWER;
	/* Replay keys. ':' rather than 'g' for "go to": g is Home in the exit
	 * log (vi's gg), and ':' is vi's and less's own "go to line". */
	case UK_LEFT: case 'S': return ACT_STEP_BACK;
	case ':': return ACT_GOTO;
	case 'l': return ACT_LOOP;
	case '\t': return ACT_FOCUS_NEXT;
	case UK_BACKTAB: return ACT_FOCUS_PREV;
	case '1': return ACT_ZOOM_1;
	case '2': return ACT_ZOOM_2;
	case '3': return ACT_ZOOM_3;
	case '4': return ACT_ZOOM_4;
	case '?': case 'h': case UK_F1: return ACT_HELP;
	case UK_UP: case 'k': return ACT_UP;
	case UK_DOWN: case 'j': return ACT_DOWN;
	case UK_PGUP: return ACT_PGUP;
	case UK_PGDN: return ACT_PGDN;
	case UK_HOME: case 'g': return ACT_HOME;
	case UK_END: case 'G': return ACT_END;
	case '\r': case '\n': case UK_ENTER: return ACT_ENTER;
	case 0x1b: return ACT_CLOSE;
	case UK_CTRL('l'): return ACT_REDRAW;
	case 'K': return ACT_KEYS_TARGET;
	case 'v': return ACT_SCREEN;
	case 'c': return ACT_CODE;
	case 'm': return ACT_MEMORY;
	case 'y': return ACT_SYNTAX;
	case 'w': return ACT_STACK;
	case 'b': return ACT_BREAK_ADD;
	case 'B': return ACT_BREAK_LIST;
	case UK_SHIFT_PGUP: return ACT_SERIAL_PGUP;
	case UK_SHIFT_PGDN: return ACT_SERIAL_PGDN;
	case UK_RESIZE: return ACT_RESIZE;
	}
	return ACT_NONE;
}

enum ui_action keys_action(int key, bool replay)
{
	/* Right pairs with Left (step back) in a replay; live it stays free,
	 * so a live key never moves the guest by surprise. */
	if (replay && key == UK_RIGHT)
		return ACT_NEXT_EXIT;
	return keys_command(key);
}

bool keys_replay_only(enum ui_action action)
{
	return action == ACT_STEP_BACK || action == ACT_GOTO || action == ACT_LOOP;
}
