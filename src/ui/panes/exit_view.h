/* SPDX-License-Identifier: MIT */
/* exit_view.h - moving through the exit log (arrows, PgUp/PgDn, Home/End,
 * Enter). No curses: unit-tested. */
#ifndef KVMTUI_EXIT_VIEW_H
#define KVMTUI_EXIT_VIEW_H

#include <stdint.h>

#include "tui_state.h"

/* Moves the selection by delta exits; the first move from following only
 * puts the selection on the newest exit. */
void exit_view_move(struct tui *t, int64_t delta);
void exit_view_home(struct tui *t);
/* Follow the newest exit again (and close a decode). */
void exit_view_end(struct tui *t);
/* The full decode of the selected exit (the newest when following). */
void exit_view_open(struct tui *t);
/* Exits a PgUp/PgDn moves. */
int exit_view_page(const struct tui *t);

#endif
