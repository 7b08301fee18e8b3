/* SPDX-License-Identifier: MIT */
/* vga_capture.c - the visible text page, as a VGA would scan it out, for
 * the console to draw.
 *
 * The CRTC starts scanning at the start address (in characters, each two
 * bytes in the 0xB8000 window: character, attribute) and moves on by the
 * offset register (0x13, in units of two characters) per row. Following
 * those two registers rather than assuming "page = 4 KiB" keeps page
 * flipping and hardware scrolling, which guests do by hand, honest.
 */
#include "vga_text.h"

#include <string.h>

static uint16_t clamp_dim(uint16_t n, uint16_t max)
{
	return n == 0 || n > max ? max : n;
}

/* Characters from one row's start to the next. */
static uint32_t row_pitch(const struct vga *v, uint16_t cols)
{
	uint32_t pitch = 2u * v->crtc[0x13];
	return pitch >= cols ? pitch : cols;
}

/* A character index as the CRTC counts them, wrapped into the 32 KiB
 * window the guest writes (16 K characters). */
static uint64_t cell_addr(uint32_t index)
{
	return VGA_TEXT_BASE + (2u * index) % VGA_TEXT_SIZE;
}

static void capture_cells(const struct vga *v, const struct bios_mem *mem, struct text_screen *out,
			  uint32_t pitch)
{
	uint32_t start = vga_start_offset(v);
	memset(out->cells, 0, sizeof(out->cells));
	for (unsigned row = 0; row < out->rows; row++) {
		for (unsigned col = 0; col < out->cols; col++) {
			uint64_t addr = cell_addr(start + row * pitch + col);
			uint8_t *cell = &out->cells[(row * out->cols + col) * 2];
			cell[0] = bios_peek8(mem, addr);
			cell[1] = bios_peek8(mem, addr + 1);
		}
	}
}

/* Where the cursor is on the page shown, if it is there at all: a cursor
 * parked off the page (a common way to hide it) is not drawn. */
static void capture_cursor(const struct vga *v, struct text_screen *out, uint32_t pitch)
{
	uint32_t rel = (uint16_t)(vga_cursor_offset(v) - vga_start_offset(v));
	uint32_t row = rel / pitch, col = rel % pitch;
	bool on_page = row < out->rows && col < out->cols;
	out->cursor_row = on_page ? (uint8_t)row : 0;
	out->cursor_col = on_page ? (uint8_t)col : 0;
	out->cursor_visible = on_page && vga_cursor_visible(v);
}

void vga_capture(const struct vga *v, const struct bios_mem *mem, struct text_screen *out)
{
	out->cols = clamp_dim(v->cols, TEXT_SCREEN_COLS);
	out->rows = clamp_dim(v->rows, TEXT_SCREEN_ROWS);
	out->mode = v->mode;
	out->blink = vga_blink_enabled(v);
	uint32_t pitch = row_pitch(v, out->cols);
	capture_cells(v, mem, out, pitch);
	capture_cursor(v, out, pitch);
}
