/* SPDX-License-Identifier: MIT */
/* theme_term.h - a theme as a terminal of N colours can draw it.
 *
 * The pure half of applying a theme: colour numbers and attributes per slot,
 * with no curses calls, so it can be tested for 8, 16 and 256 colours on any
 * machine. theme_curses.c feeds the result to init_pair().
 */
#ifndef KVMTUI_THEME_TERM_H
#define KVMTUI_THEME_TERM_H

#include <stdbool.h>

#include "theme.h"

struct theme_term_style {
	short fg, bg;   /* terminal colour numbers; -1 = the terminal's default */
	unsigned attrs; /* THEME_ATTR_*, plus bold for bright colours on 8-colour terminals */
};

/* Maps every slot for a terminal with `colors` colours (8, 16, 256 or more).
 * "default" resolves to the normal slot's colour, and normal's own default
 * to -1, or to white on black when the terminal has no default colours
 * (default_ok false). A foreground that lands on its own background (two
 * near colours mapped to one) becomes black or white, whichever reads. */
void theme_term_map(const struct theme *t, int colors, bool default_ok,
		    struct theme_term_style out[THEME_SLOT_COUNT]);

#endif
