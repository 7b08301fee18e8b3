/* SPDX-License-Identifier: MIT */
/* screen_attr.c - VGA attributes to terminal colours (see screen_attr.h). */
#include "screen_attr.h"

#include "color_map.h"
#include "theme.h"

unsigned screen_attr_fg(uint8_t attr)
{
	return attr & 0x0f;
}

unsigned screen_attr_bg(uint8_t attr, bool blink_mode)
{
	unsigned bg = attr >> 4 & 0x07;
	return blink_mode ? bg : bg | (attr >> 4 & 0x08);
}

bool screen_attr_blinks(uint8_t attr, bool blink_mode)
{
	return blink_mode && (attr & 0x80);
}

/* The nearest of xterm's fixed 256 for each VGA colour, found once: the
 * search is a few hundred colour-space distances, too many for each of
 * 2000 cells a frame. */
static short vga_to_256(unsigned vga)
{
	static short cache[16];
	static bool known[16];
	if (!known[vga]) {
		cache[vga] = (short)color_rgb_to_256(color_vga_rgb(vga));
		known[vga] = true;
	}
	return cache[vga];
}

/* Without colour: what tells text apart is all that is left. A coloured
 * background is the "inverse" a PC program meant (black on grey menus),
 * a bright foreground its highlight. */
static void map_mono(unsigned fg, unsigned bg, struct screen_attr_style *out)
{
	out->fg = out->bg = -1;
	if (bg != 0)
		out->attrs |= THEME_ATTR_REVERSE;
	if (fg >= 8)
		out->attrs |= THEME_ATTR_BOLD;
	out->hidden = fg == bg;
}

void screen_attr_map(uint8_t attr, bool blink_mode, int colors, struct screen_attr_style *out)
{
	unsigned fg = screen_attr_fg(attr), bg = screen_attr_bg(attr, blink_mode);
	*out = (struct screen_attr_style){ .blink = screen_attr_blinks(attr, blink_mode) };
	if (colors <= 0) {
		map_mono(fg, bg, out);
	} else if (colors >= 256) {
		out->fg = vga_to_256(fg);
		out->bg = vga_to_256(bg);
	} else if (colors >= 16) {
		out->fg = (short)color_vga_to_ansi(fg);
		out->bg = (short)color_vga_to_ansi(bg);
	} else {
		bool bright, unused;
		out->fg = (short)color_ansi_to_8(color_vga_to_ansi(fg), &bright);
		out->bg = (short)color_ansi_to_8(color_vga_to_ansi(bg), &unused);
		if (bright)
			out->attrs |= THEME_ATTR_BOLD;
	}
}
