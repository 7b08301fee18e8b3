/* SPDX-License-Identifier: MIT */
/* theme_curses.c - colour pairs and attributes per slot (see theme_curses.h).
 *
 * One pair per slot, numbered slot + 1 (pair 0 is curses' own). No
 * init_color(): redefining the palette would also change the user's other
 * windows, and most terminals ignore it anyway; RGB colours are mapped to
 * the nearest colour the terminal has instead (theme_term.c).
 *
 * Pairs above the slots' are handed out on demand (theme_pair) for the
 * guest's text screen, whose sixteen VGA colours make up to 256
 * combinations: made lazily, a screen in two colours costs two pairs, and
 * an 8-colour terminal's 64 pairs go a long way.
 */
#include "theme_curses.h"

#include "theme_term.h"

#define EXTRA_PAIRS 512 /* 16 x 16 VGA colours need 256; leave room */
#define PAIRS_LIMIT 32767 /* a short, as setcchar() takes it */

static attr_t slot_attr[THEME_SLOT_COUNT];

/* The pairs made for other colours, and the next free number. */
struct extra_pair {
	short fg, bg, pair;
};
static struct extra_pair extra[EXTRA_PAIRS];
static int extra_count, next_pair; /* next_pair 0: colours are off */

attr_t theme_curses_attrs(unsigned attrs)
{
	attr_t a = A_NORMAL;
	if (attrs & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (attrs & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (attrs & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (attrs & THEME_ATTR_DIM)
		a |= A_DIM;
	if (attrs & THEME_ATTR_BLINK)
		a |= A_BLINK;
	return a;
}

/* A coloured theme's attributes alone can leave states looking alike
 * (they differed by colour), so without colour use the mono theme unless
 * the theme is attribute-only already (mono.theme or a user's own). */
static void apply_mono(const struct theme *t)
{
	struct theme mono;
	if (theme_has_color(t)) {
		theme_builtin_mono(&mono);
		t = &mono;
	}
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		slot_attr[i] = theme_curses_attrs(t->style[i].attrs);
}

static bool colors_usable(bool use_color)
{
	if (!use_color || !has_colors() || start_color() == ERR)
		return false;
	return COLORS >= 8 && COLOR_PAIRS > THEME_SLOT_COUNT;
}

int theme_apply_curses(const struct theme *t, bool use_color)
{
	struct theme_term_style map[THEME_SLOT_COUNT];
	extra_count = next_pair = 0;
	if (!colors_usable(use_color)) {
		apply_mono(t);
		return 0;
	}
	bool default_ok = use_default_colors() == OK;
	theme_term_map(t, COLORS, default_ok, map);
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		init_pair((short)(i + 1), map[i].fg, map[i].bg);
		slot_attr[i] = COLOR_PAIR(i + 1) | theme_curses_attrs(map[i].attrs);
	}
	next_pair = THEME_SLOT_COUNT + 1;
	return COLORS >= 256 ? 256 : COLORS >= 16 ? 16 : 8;
}

attr_t theme_attr(enum theme_slot slot)
{
	return (unsigned)slot < THEME_SLOT_COUNT ? slot_attr[slot] : A_NORMAL;
}

short theme_pair(short fg, short bg)
{
	if (!next_pair)
		return 0;
	for (int i = 0; i < extra_count; i++)
		if (extra[i].fg == fg && extra[i].bg == bg)
			return extra[i].pair;
	int limit = COLOR_PAIRS < PAIRS_LIMIT ? COLOR_PAIRS : PAIRS_LIMIT;
	if (extra_count == EXTRA_PAIRS || next_pair >= limit || init_pair((short)next_pair, fg, bg) == ERR)
		return 0;
	extra[extra_count++] = (struct extra_pair){ fg, bg, (short)next_pair };
	return (short)next_pair++;
}
