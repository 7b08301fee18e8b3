/* SPDX-License-Identifier: MIT */
/* color_map.c - nearest-colour mapping and WCAG contrast (see color_map.h). */
#include "color_map.h"

#include <math.h>

/* xterm's defaults: what most terminals ship, and what the tests assume. */
static const struct color_rgb ansi_rgb[16] = {
	{0x00, 0x00, 0x00}, {0xcd, 0x00, 0x00}, {0x00, 0xcd, 0x00}, {0xcd, 0xcd, 0x00},
	{0x00, 0x00, 0xee}, {0xcd, 0x00, 0xcd}, {0x00, 0xcd, 0xcd}, {0xe5, 0xe5, 0xe5},
	{0x7f, 0x7f, 0x7f}, {0xff, 0x00, 0x00}, {0x00, 0xff, 0x00}, {0xff, 0xff, 0x00},
	{0x5c, 0x5c, 0xff}, {0xff, 0x00, 0xff}, {0x00, 0xff, 0xff}, {0xff, 0xff, 0xff},
};

/* The six levels of each channel in the 6x6x6 cube (indices 16..231). */
static const uint8_t cube_level[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};

struct color_rgb color_ansi_rgb(unsigned ansi)
{
	if (ansi >= 16)
		return (struct color_rgb){0, 0, 0};
	return ansi_rgb[ansi];
}

struct color_rgb color_xterm_rgb(unsigned index)
{
	if (index < 16)
		return ansi_rgb[index];
	if (index < 232) {
		unsigned i = index - 16;
		return (struct color_rgb){cube_level[i / 36], cube_level[i / 6 % 6],
					  cube_level[i % 6]};
	}
	if (index < 256) {
		uint8_t v = (uint8_t)(8 + 10 * (index - 232));
		return (struct color_rgb){v, v, v};
	}
	return (struct color_rgb){0, 0, 0};
}

/* The CGA/VGA default palette: every channel 0x00, 0xAA or, brightened,
 * plus 0x55; colour 6 is brown, not dark yellow (its green is 0x55). */
static const struct color_rgb vga_rgb[16] = {
	{0x00, 0x00, 0x00}, {0x00, 0x00, 0xaa}, {0x00, 0xaa, 0x00}, {0x00, 0xaa, 0xaa},
	{0xaa, 0x00, 0x00}, {0xaa, 0x00, 0xaa}, {0xaa, 0x55, 0x00}, {0xaa, 0xaa, 0xaa},
	{0x55, 0x55, 0x55}, {0x55, 0x55, 0xff}, {0x55, 0xff, 0x55}, {0x55, 0xff, 0xff},
	{0xff, 0x55, 0x55}, {0xff, 0x55, 0xff}, {0xff, 0xff, 0x55}, {0xff, 0xff, 0xff},
};

struct color_rgb color_vga_rgb(unsigned vga)
{
	return vga < 16 ? vga_rgb[vga] : (struct color_rgb){0, 0, 0};
}

/* VGA's bits are intensity, red, green, blue; ANSI's are bright, blue,
 * green, red: the same colours with bits 0 and 2 swapped. */
unsigned color_vga_to_ansi(unsigned vga)
{
	if (vga >= 16)
		return 0;
	return (vga & 0xa) | (vga & 1) << 2 | (vga & 4) >> 2;
}

/* sRGB channel to linear light (the WCAG 2 / sRGB transfer function). */
static double linear(uint8_t v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

struct lab {
	double l, a, b;
};

static double lab_f(double t)
{
	return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* CIELAB (D65), where distance follows what eyes see: in plain RGB a mid
 * grey is "nearer" to yellow than to white, which no one would pick. */
static struct lab to_lab(struct color_rgb c)
{
	double r = linear(c.r), g = linear(c.g), b = linear(c.b);
	double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
	return (struct lab){116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

/* CIE76 delta E, squared: enough to choose between palette entries. */
static double distance(struct lab p, struct color_rgb c)
{
	struct lab q = to_lab(c);
	double dl = p.l - q.l, da = p.a - q.a, db = p.b - q.b;
	return dl * dl + da * da + db * db;
}

static unsigned nearest_in(struct color_rgb c, unsigned first, unsigned end)
{
	struct lab p = to_lab(c);
	unsigned best = first;
	double best_d = INFINITY;
	for (unsigned i = first; i < end; i++) {
		double d = distance(p, color_xterm_rgb(i));
		if (d < best_d) {
			best_d = d;
			best = i;
		}
	}
	return best;
}

unsigned color_rgb_to_256(struct color_rgb c)
{
	return nearest_in(c, 16, 256);
}

unsigned color_rgb_to_16(struct color_rgb c)
{
	return nearest_in(c, 0, 16);
}

unsigned color_rgb_to_8(struct color_rgb c)
{
	return nearest_in(c, 0, 8);
}

unsigned color_ansi_to_8(unsigned ansi, bool *bold)
{
	*bold = ansi >= 8 && ansi < 16;
	return ansi & 7;
}

double color_luminance(struct color_rgb c)
{
	return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double color_contrast(struct color_rgb a, struct color_rgb b)
{
	double la = color_luminance(a), lb = color_luminance(b);
	double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
	return (hi + 0.05) / (lo + 0.05);
}
