/* SPDX-License-Identifier: MIT */
/* test_theme_term.c - a theme mapped to 256, 16 and 8 colours, with and
 * without the terminal's default colours. */
#include "check.h"
#include "theme.h"
#include "theme_term.h"

static struct theme_term_style map[THEME_SLOT_COUNT];

static struct theme_color ansi(uint8_t n)
{
	return (struct theme_color){.kind = COLOR_KIND_ANSI, .ansi = n};
}

static struct theme_color rgb(unsigned v)
{
	return (struct theme_color){.kind = COLOR_KIND_RGB, .r = (uint8_t)(v >> 16),
				    .g = (uint8_t)(v >> 8), .b = (uint8_t)v};
}

static void test_default_theme(void)
{
	struct theme t;
	theme_builtin_default(&t);
	theme_term_map(&t, 256, true, map);
	CHECK_EQ(map[THEME_NORMAL].fg, -1);
	CHECK_EQ(map[THEME_NORMAL].bg, -1);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 6);    /* palette names stay palette colours */
	CHECK_EQ(map[THEME_EXIT_IO].bg, -1);
	CHECK_EQ(map[THEME_EXIT_DEBUG].fg, 12);
	CHECK_EQ(map[THEME_EXIT_DEBUG].attrs, 0);
	CHECK_EQ(map[THEME_REG_CHANGED].attrs, THEME_ATTR_BOLD | THEME_ATTR_REVERSE);

	/* 8 colours: bright-blue is blue drawn bold; a bright background just loses it. */
	theme_term_map(&t, 8, true, map);
	CHECK_EQ(map[THEME_EXIT_DEBUG].fg, 4);
	CHECK_EQ(map[THEME_EXIT_DEBUG].attrs, THEME_ATTR_BOLD);
	CHECK_EQ(map[THEME_STATE_STOPPED].fg, 7);
	CHECK_EQ(map[THEME_STATE_STOPPED].bg, 4);
	CHECK_EQ(map[THEME_STATE_STOPPED].attrs, THEME_ATTR_BOLD);
	CHECK_EQ(map[THEME_EXIT_IO].attrs, 0);

	/* No default colours: white on black stands in. */
	theme_term_map(&t, 8, false, map);
	CHECK_EQ(map[THEME_NORMAL].fg, 7);
	CHECK_EQ(map[THEME_NORMAL].bg, 0);
	CHECK_EQ(map[THEME_EXIT_IO].bg, 0);
}

static void test_rgb_theme(void)
{
	struct theme t;
	theme_builtin_default(&t);
	t.style[THEME_NORMAL] = (struct theme_style){rgb(0x000000), rgb(0xffffff), 0};
	t.style[THEME_EXIT_IO] = (struct theme_style){rgb(0x0000af), {.kind = COLOR_KIND_DEFAULT}, 0};
	t.style[THEME_SELECTION] = (struct theme_style){{.kind = COLOR_KIND_DEFAULT},
							{.kind = COLOR_KIND_DEFAULT}, THEME_ATTR_REVERSE};
	t.style[THEME_EXIT_HLT] = (struct theme_style){rgb(0xff0000), {.kind = COLOR_KIND_DEFAULT}, 0};

	theme_term_map(&t, 256, true, map);
	CHECK_EQ(map[THEME_NORMAL].fg, 16);
	CHECK_EQ(map[THEME_NORMAL].bg, 231);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 19);
	CHECK_EQ(map[THEME_EXIT_IO].bg, 231);  /* default = normal's background, not the terminal's */
	CHECK_EQ(map[THEME_SELECTION].fg, 16);
	CHECK_EQ(map[THEME_SELECTION].bg, 231);
	CHECK_EQ(map[THEME_SELECTION].attrs, THEME_ATTR_REVERSE);
	CHECK_EQ(map[THEME_EXIT_HLT].fg, 196);

	theme_term_map(&t, 16, true, map);
	CHECK_EQ(map[THEME_NORMAL].bg, 15);
	CHECK_EQ(map[THEME_EXIT_HLT].fg, 9);

	theme_term_map(&t, 8, true, map);
	CHECK_EQ(map[THEME_NORMAL].fg, 0);
	CHECK_EQ(map[THEME_NORMAL].bg, 7);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 4);
	CHECK_EQ(map[THEME_EXIT_HLT].fg, 1);
}

/* Two colours that collapse into one must not hide the text. */
static void test_collisions(void)
{
	struct theme t;
	theme_builtin_default(&t);
	t.style[THEME_NORMAL] = (struct theme_style){rgb(0x000000), rgb(0xffffff), 0};
	t.style[THEME_EXIT_IO] = (struct theme_style){rgb(0xf0f0f0), {.kind = COLOR_KIND_DEFAULT}, 0};
	theme_term_map(&t, 8, true, map);
	CHECK_EQ(map[THEME_EXIT_IO].bg, 7);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 0);
	theme_term_map(&t, 256, true, map);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 255); /* close, but distinct in 256 colours */

	theme_builtin_default(&t);
	t.style[THEME_EXIT_IO].fg = ansi(0); /* black on the terminal's background */
	theme_term_map(&t, 8, false, map);  /* ... which, unknown, is taken as black */
	CHECK_EQ(map[THEME_EXIT_IO].bg, 0);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 7);
	theme_term_map(&t, 256, true, map);
	CHECK_EQ(map[THEME_EXIT_IO].fg, 0);   /* against -1 nothing is known: left alone */
}

int main(void)
{
	test_default_theme();
	test_rgb_theme();
	test_collisions();
	return check_done();
}
