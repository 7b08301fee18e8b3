/* SPDX-License-Identifier: MIT */
/* screen.h - taking over the terminal, and always giving it back.
 *
 * Opens curses in raw mode (so Ctrl-C and Ctrl-Z reach the guest when the
 * serial console has the focus), applies the theme, and routes SIGINT,
 * SIGTERM, SIGHUP and SIGWINCH into a pipe the main loop polls: a signal
 * can arrive on any thread, the vCPU's included, and the pipe brings it to
 * the UI thread. The terminal is restored on a normal close, at exit(),
 * and on a crash (fatal signals restore the tty modes, then re-raise).
 */
#ifndef KVMTUI_SCREEN_H
#define KVMTUI_SCREEN_H

#include <stdbool.h>

#include "theme.h"

#define SCREEN_SIG_QUIT 0x1   /* SIGINT, SIGTERM or SIGHUP arrived */
#define SCREEN_SIG_RESIZE 0x2 /* SIGWINCH arrived */

/* 0 on success; -1 with a message in err (no terminal, no terminfo). */
int screen_open(const struct theme *theme, bool use_color, char *err, size_t errlen);
void screen_close(void);
/* Async-signal-safe: tty modes back, out of the alternate screen, if the
 * screen is open (a crash handler's first step). */
void screen_restore_now(void);
bool screen_utf8(void);
/* The number of colours in use (0: mono), from theme_apply_curses. */
int screen_colors(void);

/* The read end of the signal pipe, for poll(). */
int screen_signal_fd(void);
/* Drains the pipe: SCREEN_SIG_* bits of what arrived. */
unsigned screen_take_signals(void);
/* Which signal asked to quit (for the exit status), 0 if none. */
int screen_quit_signal(void);

/* After a SIGWINCH: makes curses learn the new size. */
void screen_resize(void);

#endif
