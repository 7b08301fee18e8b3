/* SPDX-License-Identifier: MIT */
/* breaks_view.h - breakpoints from the console: b adds one ("break on:"
 * in the key bar), B lists them over the panes; in the list Up/Down
 * select, space or Enter turns one on or off, d or Delete removes it, b
 * adds another, Esc closes. The list itself is the seam's
 * (breakpoints.h), so it survives a reset. No curses. */
#ifndef KVMTUI_BREAKS_VIEW_H
#define KVMTUI_BREAKS_VIEW_H

#include <stdbool.h>

#include "tui_state.h"

/* Parses and adds one; says what happened in the status bar. */
void breaks_add(struct tui *t, const char *text);
/* A key while the list is open: true if it was the list's. */
bool breaks_key(struct tui *t, int key);

#endif
