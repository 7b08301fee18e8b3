/* SPDX-License-Identifier: MIT */
/* keys.h - key codes and what each key does outside the serial console.
 *
 * Keys are plain ints so this needs no curses: characters are their code
 * points (Ctrl-A is 1), special keys are UK_* above the Unicode range. The
 * curses layer (input.c) translates. Pure.
 *
 * A replay (kvm-tui --replay FILE) adds keys of its own: Left and S step
 * back, ':' opens the "go to" prompt, l toggles the loop, Right goes to the
 * next exit. Live, the first three only say they are for a replay, and
 * Right keeps meaning nothing.
 */
#ifndef KVMTUI_KEYS_H
#define KVMTUI_KEYS_H

#include <stdbool.h>

#define UK_CTRL(c) ((c) & 0x1f)

enum ui_key {
	UK_NONE = -1,
	UK_SPECIAL = 0x110000,
	UK_UP = UK_SPECIAL,
	UK_DOWN,
	UK_LEFT,
	UK_RIGHT,
	UK_PGUP,
	UK_PGDN,
	UK_HOME,
	UK_END,
	UK_INSERT,
	UK_DELETE,
	UK_BACKSPACE,
	UK_BACKTAB,
	UK_ENTER,        /* the keypad's Enter; the main one arrives as '\r' */
	UK_SHIFT_PGUP,
	UK_SHIFT_PGDN,
	UK_RESIZE,
	UK_F1,           /* UK_F1 + n - 1 for Fn, up to F12 */
	UK_F12 = UK_F1 + 11,
};

enum ui_action {
	ACT_NONE,
	ACT_QUIT,
	ACT_PAUSE,
	ACT_RESUME,
	ACT_TOGGLE,      /* pause if running, resume if paused */
	ACT_RESET,
	ACT_STEP,
	ACT_NEXT_EXIT,
	ACT_FASTER,
	ACT_SLOWER,
	ACT_STEP_BACK,   /* replay only: back one exit, then pause */
	ACT_GOTO,        /* replay only: the "go to exit # or time" prompt */
	ACT_LOOP,        /* replay only: start over at the end, or not */
	ACT_FOCUS_NEXT,
	ACT_FOCUS_PREV,
	ACT_ZOOM_1,      /* ACT_ZOOM_1 + pane: show one pane alone, or back */
	ACT_ZOOM_2,
	ACT_ZOOM_3,
	ACT_ZOOM_4,
	ACT_HELP,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_ENTER,
	ACT_CLOSE,       /* Esc: close the help or a decode, leave zoom */
	ACT_REDRAW,      /* Ctrl-L */
	ACT_SERIAL_PGUP, /* scroll the serial console back */
	ACT_SERIAL_PGDN,
	ACT_SEND,        /* bytes for the guest (serial console only) */
	ACT_RESIZE,
	ACT_KEYS_TARGET, /* K: typed keys go to COM1, or to the 8042 (and back) */
	ACT_SCREEN,      /* v ("video"): pane 1 shows the guest's text screen, or COM1 */
	ACT_CODE,        /* c: pane 4 shows the code around CS:RIP, or the statistics */
	ACT_MEMORY,      /* m: pane 4 shows guest memory, or the statistics */
	ACT_SYNTAX,      /* y: Intel or AT&T disassembly */
	ACT_STACK,       /* w: the memory view one word a line (a stack), or hex */
	ACT_ADDRESS,     /* g in the memory view: the address prompt */
	ACT_BREAK_ADD,   /* b: the "break on" prompt */
	ACT_BREAK_LIST,  /* B: the breakpoint list (toggle, delete) */
};

/* What a key does when the serial console does not have the focus. */
enum ui_action keys_command(int key);
/* The same, in a replay (replay true) or live: a replay adds Right. */
enum ui_action keys_action(int key, bool replay);
/* Actions that mean something in a replay only. */
bool keys_replay_only(enum ui_action action);

#endif
