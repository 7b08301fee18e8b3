/* input.h - keys from curses, as the UI's own key codes (keys.h). */
#ifndef KVMTUI_INPUT_H
#define KVMTUI_INPUT_H

/* The next key if one is waiting, else UK_NONE. Never blocks. */
int input_read_key(void);

#endif
