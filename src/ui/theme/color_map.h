/* SPDX-License-Identifier: MIT */
/* color_map.h - colour arithmetic for themes: pure functions, no terminal.
 *
 * Terminals differ in how many colours they show (256, 16, 8) and in what
 * the 16 ANSI colours look like; these functions pick the nearest colour a
 * terminal has and measure legibility the way WCAG 2 does.
 */
#ifndef KVMTUI_COLOR_MAP_H
#define KVMTUI_COLOR_MAP_H

#include <stdbool.h>
#include <stdint.h>

struct color_rgb {
	uint8_t r, g, b;
};

/* xterm's default RGB for ANSI colour 0..15 (others: black). */
struct color_rgb color_ansi_rgb(unsigned ansi);
/* The RGB of an xterm-256 index: 0..15 as above, the 6x6x6 cube, the grey ramp. */
struct color_rgb color_xterm_rgb(unsigned index);

/* Nearness is CIE76 distance in CIELAB, which follows what eyes see.
 *
 * Nearest xterm-256 index, from 16..255 only: those are the same on every
 * 256-colour terminal, while 0..15 follow the user's palette. */
unsigned color_rgb_to_256(struct color_rgb c);
/* Nearest of the 16 ANSI colours (xterm's defaults). */
unsigned color_rgb_to_16(struct color_rgb c);
/* Nearest of the 8 basic colours (xterm's defaults). */
unsigned color_rgb_to_8(struct color_rgb c);
/* ANSI 0..15 on an 8-colour terminal: 8..15 become 0..7 drawn bold,
 * which is how such terminals show the bright colours. */
unsigned color_ansi_to_8(unsigned ansi, bool *bold);

/* The 16 VGA text colours, in the card's order (0 black, 1 blue, 2 green,
 * 3 cyan, 4 red, 5 magenta, 6 brown, 7 light grey, then the bright ones):
 * their RGB as the BIOS programs the DAC (the CGA palette: 0xAA and 0x55
 * levels, brown's green halved), and the ANSI colour of the same name,
 * red and blue swapped (ANSI counts red first). Others: black. */
struct color_rgb color_vga_rgb(unsigned vga);
unsigned color_vga_to_ansi(unsigned vga);

/* WCAG 2 relative luminance, 0 (black) .. 1 (white). */
double color_luminance(struct color_rgb c);
/* WCAG 2 contrast ratio, 1 .. 21, the same either way round. */
double color_contrast(struct color_rgb a, struct color_rgb b);

#endif
