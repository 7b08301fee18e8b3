/* SPDX-License-Identifier: MIT */
/* theme_curses.h - a theme applied to curses; the only themed header that
 * needs curses, so theme.h stays usable without a terminal.
 *
 * The UI calls, after initscr():
 *     theme_apply_curses(theme, use_color);   once, and again after a theme change
 *     wbkgd(win, theme_attr(THEME_NORMAL));   so a light theme fills the screen
 *     wattrset(win, theme_attr(THEME_EXIT_IO)); ...
 */
#ifndef KVMTUI_THEME_CURSES_H
#define KVMTUI_THEME_CURSES_H

#include <curses.h>
#include <stdbool.h>

#include "theme.h"

/* Starts colour if wanted and possible and gives each slot a colour pair.
 * Without colour (use_color false, no colours, fewer than 8 colours, too few
 * pairs) slots get the built-in mono attributes, or the theme's own if it
 * names no colour at all. Returns the colours used: 256, 16, 8, or 0 for mono. */
int theme_apply_curses(const struct theme *t, bool use_color);

/* The curses attributes (colour pair included) to draw a slot with;
 * A_NORMAL before theme_apply_curses() or for a bad slot. */
attr_t theme_attr(enum theme_slot slot);

/* THEME_ATTR_* bits as curses attributes (no colour). */
attr_t theme_curses_attrs(unsigned attrs);

/* A colour pair for colours that are no slot's (the guest's screen has
 * its own): fg on bg, terminal colour numbers (-1: the default). Pairs
 * are made on first use, after the slots' own, and the same colours get
 * the same pair again. The number is for setcchar()'s pair argument, not
 * COLOR_PAIR(), which holds only 255 pairs. 0 (curses' default pair)
 * when colours are off or the terminal has no pair left: the caller then
 * draws the cell without colour. */
short theme_pair(short fg, short bg);

#endif
