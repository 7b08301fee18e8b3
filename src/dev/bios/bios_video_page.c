/* SPDX-License-Identifier: MIT */
/* bios_video_page.c - text pages as int 10h sees them: their cells in
 * VGA text memory, the cursor each one keeps in the BDA, the cursor's
 * shape, which page is shown, and scrolling a window of one.
 *
 * A text page is cols x rows cells of two bytes (character, attribute),
 * page n starting n page sizes into 0xB8000. Only the active page has the
 * hardware cursor: the CRTC's cursor location is that page's BDA cursor
 * turned into a character offset. */
#include "bios_data_area.h"
#include "bios_video_internal.h"

#define CGA_CELL_LINES 8
#define CURSOR_HIDE 0x20      /* CH bit 5 */
#define EMULATION_OFF 0x01    /* BDA 0x487 bit 0: take CX as the VGA's own lines */

uint16_t video_cols(const struct bios *b)
{
	return b->vga->cols == 40 ? 40 : 80;
}

uint16_t video_rows(const struct bios *b)
{
	uint16_t rows = b->vga->rows;
	return rows && rows <= TEXT_SCREEN_ROWS ? rows : TEXT_SCREEN_ROWS;
}

uint16_t video_page_bytes(const struct bios *b)
{
	return video_cols(b) == 40 ? 0x800 : 0x1000;
}

uint8_t video_active_page(const struct bios *b)
{
	return bios_peek8(&b->mem, BDA_ACTIVE_PAGE) % VIDEO_PAGES;
}

void video_touch(struct bios *b)
{
	b->vga->used = true;
	b->vga->changed = true;
}

static uint64_t cell_addr(const struct bios *b, uint8_t page, unsigned index)
{
	return VGA_TEXT_BASE + (uint64_t)(page % VIDEO_PAGES) * video_page_bytes(b) + 2u * index;
}

uint16_t video_cell(const struct bios *b, uint8_t page, unsigned index)
{
	return bios_peek16(&b->mem, cell_addr(b, page, index));
}

void video_set_cell(struct bios *b, uint8_t page, unsigned index, uint16_t cell)
{
	bios_poke16(&b->mem, cell_addr(b, page, index), cell);
	video_touch(b);
}

/* ---- the cursor ---- */

static uint64_t cursor_slot(uint8_t page)
{
	return BDA_CURSOR_POS + 2u * (page % VIDEO_PAGES);
}

struct video_pos video_cursor(const struct bios *b, uint8_t page)
{
	uint16_t w = bios_peek16(&b->mem, cursor_slot(page));
	return (struct video_pos){ .row = (uint8_t)(w >> 8), .col = (uint8_t)w };
}

struct video_pos video_cursor_on_screen(const struct bios *b, uint8_t page)
{
	struct video_pos p = video_cursor(b, page);
	if (p.row >= video_rows(b))
		p.row = (uint8_t)(video_rows(b) - 1);
	if (p.col >= video_cols(b))
		p.col = (uint8_t)(video_cols(b) - 1);
	return p;
}

/* The CRTC counts characters from the start of text memory; a cursor
 * stored off the screen (row 25, a usual way to hide it) lands off the
 * visible page, where the console does not draw it either. */
static void cursor_to_crtc(struct bios *b, uint8_t page)
{
	struct video_pos p = video_cursor(b, page);
	unsigned start = page * video_page_bytes(b) / 2u;
	vga_set_cursor_offset(b->vga, (uint16_t)(start + p.row * video_cols(b) + p.col));
}

void video_set_cursor(struct bios *b, uint8_t page, struct video_pos p)
{
	bios_poke16(&b->mem, cursor_slot(page), (uint16_t)(p.row << 8 | p.col));
	if (page % VIDEO_PAGES == video_active_page(b))
		cursor_to_crtc(b, page);
	b->vga->used = true;
}

/* Programs written for CGA give lines of an 8-line cell; the VGA's cell
 * has 16. As a VGA BIOS does (unless the BDA turns it off), such a shape
 * is moved to the taller cell: each line becomes two, except that a
 * two-line cursor stays two lines thick at the bottom of where it lands,
 * so the usual underline 6-7 becomes 14-15, not a fat 12-15. */
static void emulate_cga_lines(uint8_t *start, uint8_t *end)
{
	if (*start >= CGA_CELL_LINES || *end >= CGA_CELL_LINES)
		return;
	if (*end == *start + 1) {
		*start = (uint8_t)(*end * 2);
		*end = (uint8_t)(*end * 2 + 1);
	} else {
		*start = (uint8_t)(*start * 2);
		*end = (uint8_t)(*end * 2 + 1);
	}
}

void video_set_cursor_shape(struct bios *b, uint16_t cx)
{
	uint8_t start = (cx >> 8) & 0x1f, end = cx & 0x1f;
	bios_poke16(&b->mem, BDA_CURSOR_SHAPE, cx);
	if (!(bios_peek8(&b->mem, BDA_VIDEO_CTL) & EMULATION_OFF))
		emulate_cga_lines(&start, &end);
	vga_set_cursor_shape(b->vga, (uint8_t)(start | ((cx >> 8) & CURSOR_HIDE)), end);
	b->vga->used = true;
}

void video_select_page(struct bios *b, uint8_t page)
{
	uint16_t offset = (uint16_t)(page * video_page_bytes(b));
	bios_poke8(&b->mem, BDA_ACTIVE_PAGE, page);
	bios_poke16(&b->mem, BDA_VIDEO_PAGE_START, offset);
	vga_set_start_offset(b->vga, offset / 2);
	cursor_to_crtc(b, page);
	b->vga->used = true;
}

/* ---- scrolling ---- */

static void copy_row(struct bios *b, uint8_t page, struct video_window w, unsigned from, unsigned to)
{
	unsigned cols = video_cols(b);
	for (unsigned col = w.left; col <= w.right; col++)
		video_set_cell(b, page, to * cols + col, video_cell(b, page, from * cols + col));
}

static void blank_row(struct bios *b, uint8_t page, struct video_window w, unsigned row, uint8_t attr)
{
	unsigned cols = video_cols(b);
	for (unsigned col = w.left; col <= w.right; col++)
		video_set_cell(b, page, row * cols + col, (uint16_t)(attr << 8 | ' '));
}

void video_scroll(struct bios *b, uint8_t page, struct video_window w, uint8_t lines, bool up, uint8_t attr)
{
	if (w.bottom >= video_rows(b))
		w.bottom = (uint8_t)(video_rows(b) - 1);
	if (w.right >= video_cols(b))
		w.right = (uint8_t)(video_cols(b) - 1);
	if (w.top > w.bottom || w.left > w.right)
		return;
	unsigned height = w.bottom - w.top + 1u;
	unsigned n = lines == 0 || lines > height ? height : lines;
	/* Moved rows first, in the order that never reads a row already
	 * overwritten, then the rows left behind are blanked. */
	for (unsigned i = 0; i < height - n; i++) {
		if (up)
			copy_row(b, page, w, w.top + i + n, w.top + i);
		else
			copy_row(b, page, w, w.bottom - i - n, w.bottom - i);
	}
	for (unsigned i = 0; i < n; i++)
		blank_row(b, page, w, up ? w.bottom - i : w.top + i, attr);
}
