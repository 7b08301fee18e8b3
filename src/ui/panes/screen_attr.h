/* SPDX-License-Identifier: MIT */
/* screen_attr.h - a VGA text attribute byte as a terminal can show it.
 *
 * Each cell of the guest's screen carries an attribute: foreground colour
 * in bits 0-3 (bit 3 bright), background in bits 4-6, and bit 7, which
 * the attribute controller makes either blink or a bright background
 * (text_screen.blink says which). Terminals have 256, 16, 8 or no colours:
 * this picks their nearest rendering. Pure (no curses), so it is tested
 * for every kind of terminal on any machine; pane_screen.c turns the
 * result into a colour pair.
 */
#ifndef KVMTUI_SCREEN_ATTR_H
#define KVMTUI_SCREEN_ATTR_H

#include <stdbool.h>
#include <stdint.h>

struct screen_attr_style {
	short fg, bg;   /* terminal colour numbers; -1 (the terminal's own) without colour */
	unsigned attrs; /* THEME_ATTR_*: bold for a bright foreground on 8 or no colours,
			 * reverse for a coloured background without colours */
	bool blink;     /* the cell blinks: drawn with the theme's screen.blink attributes */
	bool hidden;    /* foreground = background: the text cannot be seen (only
			 * said without colours, where equal colours would not hide it) */
};

/* The VGA colour numbers in an attribute (0..15 each); blink_mode is the
 * attribute controller's blink enable (text_screen.blink): on, bit 7
 * blinks; off, it brightens the background. */
unsigned screen_attr_fg(uint8_t attr);
unsigned screen_attr_bg(uint8_t attr, bool blink_mode);
bool screen_attr_blinks(uint8_t attr, bool blink_mode);

/* colors: what the terminal shows, as screen_colors() says: 256 (or
 * more): the VGA palette's real RGB, nearest in xterm's fixed 256
 * (brown stays brown whatever the user's palette); 16: the ANSI colour
 * of the same name (the user's palette); 8: the same, a bright
 * foreground in bold, a bright background as the plain colour; 0: no
 * colour at all. */
void screen_attr_map(uint8_t attr, bool blink_mode, int colors, struct screen_attr_style *out);

#endif
