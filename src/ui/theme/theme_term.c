/* SPDX-License-Identifier: MIT */
/* theme_term.c - theme colours to terminal colour numbers (see theme_term.h). */
#include "theme_term.h"

#include "color_map.h"

/* ANSI colours stay ANSI where the terminal has 16: they then follow the
 * user's palette, as the theme author meant by naming them. */
static short map_color(struct theme_color c, int colors, bool *bright)
{
	*bright = false;
	if (c.kind == COLOR_KIND_ANSI)
		return (short)(colors >= 16 ? c.ansi : color_ansi_to_8(c.ansi, bright));
	if (c.kind == COLOR_KIND_RGB) {
		struct color_rgb rgb = {c.r, c.g, c.b};
		if (colors >= 256)
			return (short)color_rgb_to_256(rgb);
		return (short)(colors >= 16 ? color_rgb_to_16(rgb) : color_rgb_to_8(rgb));
	}
	return -1;
}

/* Black or white, whichever contrasts more with colour number bg. */
static short legible_on(short bg, int colors)
{
	struct color_rgb black = {0, 0, 0}, white = {0xff, 0xff, 0xff};
	struct color_rgb b = color_xterm_rgb((unsigned)bg);
	if (color_contrast(b, black) >= color_contrast(b, white))
		return colors >= 256 ? 16 : 0;
	return (short)(colors >= 256 ? 231 : colors >= 16 ? 15 : 7);
}

static struct theme_term_style map_slot(const struct theme *t, enum theme_slot slot,
					int colors, bool default_ok)
{
	struct theme_style s = theme_resolve(t, slot);
	bool fg_bright, bg_bright;
	struct theme_term_style o = {
		.fg = map_color(s.fg, colors, &fg_bright),
		.bg = map_color(s.bg, colors, &bg_bright),
		.attrs = s.attrs,
	};
	/* Bold brightens a foreground on 8-colour terminals; a bright
	 * background has no such trick and stays the plain colour. */
	if (fg_bright)
		o.attrs |= THEME_ATTR_BOLD;
	if (!default_ok) {
		if (o.fg < 0)
			o.fg = 7;
		if (o.bg < 0)
			o.bg = 0;
	}
	if (o.fg >= 0 && o.fg == o.bg)
		o.fg = legible_on(o.bg, colors);
	return o;
}

void theme_term_map(const struct theme *t, int colors, bool default_ok,
		    struct theme_term_style out[THEME_SLOT_COUNT])
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		out[i] = map_slot(t, (enum theme_slot)i, colors, default_ok);
}
