/* SPDX-License-Identifier: MIT */
/* vga_text.c - the VGA's register file at power-on, and the few CRTC
 * fields text mode is about: where the visible page starts, where the
 * cursor is and how it looks.
 *
 * The ports (vga_ports.c), int 10h (bios_video*.c) and the screen capture
 * (vga_capture.c) all read and write the registers through here, so the
 * registers a guest reads back are the ones the console draws from. */
#include "vga_text.h"

#include <string.h>

/* Mode 3 (80x25, 9x16 cells, 400 lines at 70 Hz) as the VGA's mode tables
 * give it; 0x0A/0x0B put the cursor on lines 14-15 of the 16-line cell,
 * where the BIOS's 0x0607 (CGA lines 6-7) lands. 0x11 bit 7 write-protects
 * the timing registers 0-7. */
static const uint8_t mode3_crtc[0x19] = {
	0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f, 0x00, 0x4f, 0x0e, 0x0f, 0x00,
	0x00, 0x00, 0x00, 0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff,
};
static const uint8_t mode3_seq[5] = { 0x03, 0x00, 0x03, 0x00, 0x02 };
static const uint8_t mode3_gc[9] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0e, 0x00, 0xff };
/* Palette 0-15 names the EGA colours (6 is brown, 0x14, not dark yellow);
 * mode control 0x0C: line graphics on, blink on. */
static const uint8_t mode3_attr[0x15] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3a,
	0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x0c, 0x00, 0x0f, 0x08, 0x00,
};
#define MODE3_MISC 0x67 /* colour ports (0x3Dx), 28 MHz clock, RAM on */

/* The 64 EGA colours the palette registers name: bits 0-2 are blue, green,
 * red at two thirds, bits 3-5 the same at one third. */
static void load_ega_colours(struct vga *v)
{
	for (unsigned i = 0; i < 64; i++) {
		for (unsigned c = 0; c < 3; c++) {
			unsigned bit = 2 - c; /* red is bit 2, blue bit 0 */
			v->dac[i][c] = (uint8_t)(((i >> bit) & 1) * 0x2a + ((i >> (bit + 3)) & 1) * 0x15);
		}
	}
}

void vga_init(struct vga *v)
{
	memset(v, 0, sizeof(*v));
	memcpy(v->crtc, mode3_crtc, sizeof(v->crtc));
	memcpy(v->seq, mode3_seq, sizeof(v->seq));
	memcpy(v->gc, mode3_gc, sizeof(v->gc));
	memcpy(v->attr, mode3_attr, sizeof(v->attr));
	v->attr_index = 0x20; /* palette address source set: the screen is on */
	v->misc = MODE3_MISC;
	v->dac_mask = 0xff;
	load_ega_colours(v);
	v->mode = 3;
	v->cols = 80;
	v->rows = 25;
}

static uint16_t crtc_word(const struct vga *v, unsigned high)
{
	return (uint16_t)(v->crtc[high] << 8 | v->crtc[high + 1]);
}

static void set_crtc_word(struct vga *v, unsigned high, uint16_t value)
{
	v->crtc[high] = (uint8_t)(value >> 8);
	v->crtc[high + 1] = (uint8_t)value;
	v->changed = true;
}

uint16_t vga_cursor_offset(const struct vga *v)
{
	return crtc_word(v, 0x0e);
}

void vga_set_cursor_offset(struct vga *v, uint16_t offset)
{
	set_crtc_word(v, 0x0e, offset);
}

uint16_t vga_start_offset(const struct vga *v)
{
	return crtc_word(v, 0x0c);
}

void vga_set_start_offset(struct vga *v, uint16_t offset)
{
	set_crtc_word(v, 0x0c, offset);
}

/* Only the low bits are the shape's: 0x0A's bits 6-7 and 0x0B's 5-7 are
 * other fields (0x0B's skew) that a shape change must leave alone. */
void vga_set_cursor_shape(struct vga *v, uint8_t start, uint8_t end)
{
	v->crtc[0x0a] = (uint8_t)((v->crtc[0x0a] & 0xc0) | (start & 0x3f));
	v->crtc[0x0b] = (uint8_t)((v->crtc[0x0b] & 0xe0) | (end & 0x1f));
	v->changed = true;
}

bool vga_cursor_visible(const struct vga *v)
{
	uint8_t start = v->crtc[0x0a], end = v->crtc[0x0b] & 0x1f;
	return !(start & 0x20) && (start & 0x1f) <= end;
}

bool vga_blink_enabled(const struct vga *v)
{
	return v->attr[0x10] & 0x08;
}
