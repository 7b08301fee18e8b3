/* SPDX-License-Identifier: MIT */
/* test_color_map.c - nearest-colour mapping and WCAG contrast, against
 * values anyone can check: xterm's palette and the WCAG 2 examples. */
#include "check.h"
#include "color_map.h"

#include <math.h>

static struct color_rgb rgb(unsigned v)
{
	return (struct color_rgb){(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
}

static unsigned pack(struct color_rgb c)
{
	return (unsigned)c.r << 16 | (unsigned)c.g << 8 | c.b;
}

static bool near(double a, double b, double eps)
{
	return fabs(a - b) <= eps;
}

static void test_palette(void)
{
	CHECK_EQ(pack(color_ansi_rgb(0)), 0x000000);
	CHECK_EQ(pack(color_ansi_rgb(1)), 0xcd0000);
	CHECK_EQ(pack(color_ansi_rgb(7)), 0xe5e5e5);
	CHECK_EQ(pack(color_ansi_rgb(8)), 0x7f7f7f);
	CHECK_EQ(pack(color_ansi_rgb(12)), 0x5c5cff);
	CHECK_EQ(pack(color_ansi_rgb(15)), 0xffffff);
	CHECK_EQ(pack(color_xterm_rgb(16)), 0x000000);
	CHECK_EQ(pack(color_xterm_rgb(67)), 0x5f87af);
	CHECK_EQ(pack(color_xterm_rgb(196)), 0xff0000);
	CHECK_EQ(pack(color_xterm_rgb(214)), 0xffaf00);
	CHECK_EQ(pack(color_xterm_rgb(231)), 0xffffff);
	CHECK_EQ(pack(color_xterm_rgb(232)), 0x080808);
	CHECK_EQ(pack(color_xterm_rgb(244)), 0x808080);
	CHECK_EQ(pack(color_xterm_rgb(255)), 0xeeeeee);
}

static void test_to_256(void)
{
	CHECK_EQ(color_rgb_to_256(rgb(0x000000)), 16);
	CHECK_EQ(color_rgb_to_256(rgb(0xffffff)), 231);
	CHECK_EQ(color_rgb_to_256(rgb(0xff0000)), 196);
	CHECK_EQ(color_rgb_to_256(rgb(0x5f87af)), 67);
	CHECK_EQ(color_rgb_to_256(rgb(0x648caa)), 67);  /* near, not on, the cube */
	CHECK_EQ(color_rgb_to_256(rgb(0x808080)), 244); /* grey ramp beats cube 0x878787 */
	CHECK_EQ(color_rgb_to_256(rgb(0x121212)), 233);
	CHECK_EQ(color_rgb_to_256(rgb(0xeeeeee)), 255);
	/* Never 0..15: those follow the user's palette. */
	CHECK(color_rgb_to_256(rgb(0xcd0000)) >= 16);
	/* Every colour of the 256 set maps to itself (the set has no duplicates). */
	unsigned bad = 0;
	for (unsigned i = 16; i < 256; i++)
		bad += color_rgb_to_256(color_xterm_rgb(i)) != i;
	CHECK_EQ(bad, 0);
}

static void test_to_16_and_8(void)
{
	CHECK_EQ(color_rgb_to_16(rgb(0xffff00)), 11);
	CHECK_EQ(color_rgb_to_16(rgb(0xcdcd00)), 3);
	CHECK_EQ(color_rgb_to_16(rgb(0x808080)), 8);
	CHECK_EQ(color_rgb_to_16(rgb(0x0000ff)), 4);   /* 0000ee is nearer than 5c5cff */
	CHECK_EQ(color_rgb_to_8(rgb(0xff0000)), 1);
	CHECK_EQ(color_rgb_to_8(rgb(0x00ff00)), 2);
	CHECK_EQ(color_rgb_to_8(rgb(0x0000ff)), 4);
	CHECK_EQ(color_rgb_to_8(rgb(0x00ffff)), 6);
	CHECK_EQ(color_rgb_to_8(rgb(0x808080)), 7);
	CHECK_EQ(color_rgb_to_8(rgb(0x202020)), 0);
	CHECK_EQ(color_rgb_to_8(rgb(0xffd700)), 3);
	for (unsigned i = 0; i < 8; i++)
		CHECK_EQ(color_rgb_to_8(color_ansi_rgb(i)), i);
}

static void test_ansi_to_8(void)
{
	bool bold = true;
	CHECK_EQ(color_ansi_to_8(3, &bold), 3);
	CHECK(!bold);
	CHECK_EQ(color_ansi_to_8(9, &bold), 1);
	CHECK(bold);
	CHECK_EQ(color_ansi_to_8(15, &bold), 7);
	CHECK(bold);
	CHECK_EQ(color_ansi_to_8(8, &bold), 0);
	CHECK(bold);
}

/* The VGA's 16 text colours: the BIOS's DAC values (brown is not dark
 * yellow), and the ANSI colour of the same name (red and blue swapped). */
static void test_vga(void)
{
	CHECK_EQ(pack(color_vga_rgb(0)), 0x000000);
	CHECK_EQ(pack(color_vga_rgb(1)), 0x0000aa);
	CHECK_EQ(pack(color_vga_rgb(4)), 0xaa0000);
	CHECK_EQ(pack(color_vga_rgb(6)), 0xaa5500);
	CHECK_EQ(pack(color_vga_rgb(7)), 0xaaaaaa);
	CHECK_EQ(pack(color_vga_rgb(8)), 0x555555);
	CHECK_EQ(pack(color_vga_rgb(9)), 0x5555ff);
	CHECK_EQ(pack(color_vga_rgb(14)), 0xffff55);
	CHECK_EQ(pack(color_vga_rgb(15)), 0xffffff);
	CHECK_EQ(pack(color_vga_rgb(16)), 0x000000);
	static const unsigned ansi[16] = { 0, 4, 2, 6, 1, 5, 3, 7, 8, 12, 10, 14, 9, 13, 11, 15 };
	unsigned bad = 0;
	for (unsigned v = 0; v < 16; v++)
		bad += color_vga_to_ansi(v) != ansi[v];
	CHECK_EQ(bad, 0);
	CHECK_EQ(color_vga_to_ansi(99), 0);
	/* On 256 colours the sixteen stay sixteen: no two VGA colours look alike. */
	for (unsigned a = 0; a < 16; a++)
		for (unsigned b = a + 1; b < 16; b++)
			bad += color_rgb_to_256(color_vga_rgb(a)) == color_rgb_to_256(color_vga_rgb(b));
	CHECK_EQ(bad, 0);
	CHECK_EQ(color_rgb_to_256(color_vga_rgb(6)), 130); /* brown: #af5f00 */
}

static void test_wcag(void)
{
	struct color_rgb black = rgb(0), white = rgb(0xffffff);
	CHECK(near(color_luminance(black), 0.0, 1e-9));
	CHECK(near(color_luminance(white), 1.0, 1e-9));
	CHECK(near(color_luminance(rgb(0xff0000)), 0.2126, 1e-4));
	CHECK(near(color_luminance(rgb(0x00ff00)), 0.7152, 1e-4));
	CHECK(near(color_contrast(black, white), 21.0, 1e-9));
	CHECK(near(color_contrast(white, black), 21.0, 1e-9));
	CHECK(near(color_contrast(white, white), 1.0, 1e-9));
	/* Well-known WCAG pairs on white. */
	CHECK(near(color_contrast(rgb(0x767676), white), 4.54, 0.01)); /* lightest AA grey */
	CHECK(color_contrast(rgb(0x777777), white) < 4.5);             /* and just too light */
	CHECK(near(color_contrast(rgb(0x595959), white), 7.0, 0.01));  /* the AAA grey */
	CHECK(near(color_contrast(rgb(0xff0000), white), 4.0, 0.01));
	CHECK(near(color_contrast(rgb(0x0000ff), white), 8.59, 0.01));
	CHECK(near(color_contrast(rgb(0x808080), black), 5.32, 0.01));
}

int main(void)
{
	test_palette();
	test_to_256();
	test_to_16_and_8();
	test_ansi_to_8();
	test_vga();
	test_wcag();
	return check_done();
}
