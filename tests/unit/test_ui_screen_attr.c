/* SPDX-License-Identifier: MIT */
/* test_ui_screen_attr.c - VGA attribute bytes as terminals of 256, 16, 8
 * and no colours show them: the colour fields, bit 7 as blink or as a
 * bright background, and the mono fallback (reverse for a coloured
 * background, bold for a bright foreground, hidden text hidden). */
#include "check.h"
#include "color_map.h"
#include "screen_attr.h"
#include "theme.h"

static struct screen_attr_style map(uint8_t attr, bool blink_mode, int colors)
{
	struct screen_attr_style s;
	screen_attr_map(attr, blink_mode, colors, &s);
	return s;
}

static void test_fields(void)
{
	CHECK_EQ(screen_attr_fg(0x1f), 15);
	CHECK_EQ(screen_attr_bg(0x1f, true), 1);
	CHECK_EQ(screen_attr_fg(0x4e), 14);
	CHECK_EQ(screen_attr_bg(0x4e, true), 4);
	/* Bit 7: blink when the attribute controller enables it ... */
	CHECK_EQ(screen_attr_bg(0xc7, true), 4);
	CHECK(screen_attr_blinks(0xc7, true));
	CHECK(!screen_attr_blinks(0x47, true));
	/* ... else the background's intensity bit: light red, no blink. */
	CHECK_EQ(screen_attr_bg(0xc7, false), 12);
	CHECK(!screen_attr_blinks(0xc7, false));
	CHECK_EQ(screen_attr_fg(0xc7), 7); /* the foreground never changes */
}

static void test_sixteen(void)
{
	struct screen_attr_style s = map(0x1f, true, 16); /* white on blue: the BIOS's setup screens */
	CHECK_EQ(s.fg, 15);
	CHECK_EQ(s.bg, 4);
	CHECK_EQ(s.attrs, 0);
	CHECK(!s.blink);
	s = map(0x4e, true, 16); /* yellow on red */
	CHECK_EQ(s.fg, 11);
	CHECK_EQ(s.bg, 1);
	s = map(0x06, true, 16); /* brown: ANSI's (dark) yellow */
	CHECK_EQ(s.fg, 3);
	CHECK_EQ(s.bg, 0);
	s = map(0x3c, true, 16); /* light red on cyan */
	CHECK_EQ(s.fg, 9);
	CHECK_EQ(s.bg, 6);
	s = map(0x9e, true, 16); /* blinking yellow on blue */
	CHECK(s.blink);
	CHECK_EQ(s.bg, 4);
	s = map(0x9e, false, 16); /* the same byte, bright backgrounds: light blue */
	CHECK(!s.blink);
	CHECK_EQ(s.bg, 12);
	CHECK_EQ(s.fg, 11);
}

/* The palette's real colours, nearest in xterm's fixed cube and greys. */
static void test_256(void)
{
	struct screen_attr_style s = map(0x1f, true, 256);
	CHECK_EQ(s.fg, 231);
	CHECK_EQ(s.bg, 19);   /* #0000af for #0000aa */
	s = map(0x06, true, 256);
	CHECK_EQ(s.fg, 130);  /* brown stays brown: #af5f00 */
	CHECK_EQ(s.bg, 16);   /* black is black, not the terminal's background */
	s = map(0x07, true, 256);
	CHECK_EQ(s.fg, (short)color_rgb_to_256(color_vga_rgb(7)));
	s = map(0xf0, false, 256); /* black on white, bright background */
	CHECK_EQ(s.fg, 16);
	CHECK_EQ(s.bg, 231);
	CHECK_EQ(s.attrs, 0);
	CHECK_EQ(map(0x06, true, 88).fg, 3); /* 88 colours: the 16 ANSI ones */
}

/* Eight colours: bold brightens a foreground; a bright background has no
 * such trick and is the plain colour. */
static void test_eight(void)
{
	struct screen_attr_style s = map(0x0e, true, 8); /* yellow */
	CHECK_EQ(s.fg, 3);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD);
	s = map(0x1f, true, 8);
	CHECK_EQ(s.fg, 7);
	CHECK_EQ(s.bg, 4);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD);
	s = map(0x17, true, 8); /* light grey: no bold */
	CHECK_EQ(s.fg, 7);
	CHECK_EQ(s.attrs, 0);
	s = map(0xf0, false, 8); /* bright white background: white */
	CHECK_EQ(s.bg, 7);
	CHECK_EQ(s.fg, 0);
	CHECK_EQ(s.attrs, 0);
	s = map(0x08, true, 8); /* dark grey on black: black in bold, not hidden */
	CHECK_EQ(s.fg, 0);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD);
	CHECK(!s.hidden);
}

static void test_mono(void)
{
	struct screen_attr_style s = map(0x07, true, 0); /* the usual grey on black */
	CHECK_EQ(s.fg, -1);
	CHECK_EQ(s.bg, -1);
	CHECK_EQ(s.attrs, 0);
	CHECK(!s.hidden);
	s = map(0x70, true, 0); /* black on grey: a menu bar, inverse */
	CHECK_EQ(s.attrs, THEME_ATTR_REVERSE);
	s = map(0x0f, true, 0); /* bright white: a highlight */
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD);
	s = map(0x1f, true, 0);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD | THEME_ATTR_REVERSE);
	s = map(0x01, true, 0); /* underline colour on MDA: nothing special here */
	CHECK_EQ(s.attrs, 0);
	CHECK(map(0x00, true, 0).hidden); /* black on black */
	CHECK(map(0x77, true, 0).hidden);
	CHECK(!map(0x78, true, 0).hidden);
	s = map(0x87, true, 0); /* blinking grey on black */
	CHECK(s.blink);
	CHECK_EQ(s.attrs, 0);
	s = map(0x87, false, 0); /* or grey on dark grey: a coloured background */
	CHECK(!s.blink);
	CHECK_EQ(s.attrs, THEME_ATTR_REVERSE);
	/* With colour, equal colours hide text by themselves. */
	CHECK(!map(0x00, true, 16).hidden);
}

/* Every byte on every kind of terminal: colours in range. */
static void test_all_bytes(void)
{
	static const int kinds[] = { 0, 8, 16, 256 };
	unsigned bad = 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		int max = kinds[k] ? kinds[k] - 1 : -1;
		for (unsigned a = 0; a < 256; a++) {
			for (int blink = 0; blink < 2; blink++) {
				struct screen_attr_style s = map((uint8_t)a, blink, kinds[k]);
				bad += s.fg < (kinds[k] ? 0 : -1) || s.fg > max;
				bad += s.bg < (kinds[k] ? 0 : -1) || s.bg > max;
				bad += s.blink != (blink && (a & 0x80));
			}
		}
	}
	CHECK_EQ(bad, 0);
}

int main(void)
{
	test_fields();
	test_sixteen();
	test_256();
	test_eight();
	test_mono();
	test_all_bytes();
	return check_done();
}
