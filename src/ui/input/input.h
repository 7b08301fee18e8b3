/* SPDX-License-Identifier: MIT */
/* input.h - keys from curses, as the UI's own key codes (keys.h). */
#ifndef KVMTUI_INPUT_H
#define KVMTUI_INPUT_H

/* Teaches curses the modified keys it may not know (Shift-PgUp ...). */
void input_init(void);
/* The next key if one is waiting, else UK_NONE. Never blocks (beyond the
 * few milliseconds curses waits to tell Esc from an escape sequence). */
int input_read_key(void);

#endif
