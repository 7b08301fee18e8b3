/* SPDX-License-Identifier: MIT */
/* bios_video_text.c - int 10h's cell functions: scroll a window (06h,
 * 07h), read the cell at the cursor (08h), write a character with or
 * without its attribute CX times (09h, 0Ah).
 *
 * None of these moves the cursor or prints anything to the host's tty:
 * they draw, they do not type (teletype and write string do, in
 * bios_video_tty.c). A page past 7 names no page: the call does nothing. */
#include "bios_video_internal.h"

/* 06h/07h: AL lines (0 clears), BH the attribute of the blank lines,
 * CH,CL the window's top-left, DH,DL its bottom-right; the active page. */
static void scroll(struct bios *b, const struct bios_regs *r, bool up)
{
	struct video_window w = {
		.top = bios_ch(r), .left = bios_cl(r), .bottom = bios_dh(r), .right = bios_dl(r),
	};
	video_scroll(b, video_active_page(b), w, bios_al(r), up, bios_bh(r));
}

static unsigned cursor_index(const struct bios *b, uint8_t page)
{
	struct video_pos p = video_cursor_on_screen(b, page);
	return p.row * video_cols(b) + p.col;
}

/* 08h: AH attribute, AL character at page BH's cursor. */
static void read_cell(struct bios *b, struct bios_regs *r)
{
	uint8_t page = bios_bh(r);
	if (page >= VIDEO_PAGES)
		return;
	bios_set_ax(r, video_cell(b, page, cursor_index(b, page)));
}

/* 09h/0Ah: AL CX times from page BH's cursor on, along the rows; it stops
 * at the page's end rather than run into the next page. */
static void write_cells(struct bios *b, const struct bios_regs *r, bool with_attr)
{
	uint8_t page = bios_bh(r);
	if (page >= VIDEO_PAGES)
		return;
	unsigned end = (unsigned)video_cols(b) * video_rows(b);
	unsigned at = cursor_index(b, page);
	for (unsigned n = bios_cx(r); n > 0 && at < end; n--, at++) {
		uint8_t attr = with_attr ? bios_bl(r) : (uint8_t)(video_cell(b, page, at) >> 8);
		video_set_cell(b, page, at, (uint16_t)(attr << 8 | bios_al(r)));
	}
}

bool video_text_call(struct bios *b, struct bios_regs *r)
{
	switch (bios_ah(r)) {
	case 0x06:
		scroll(b, r, true);
		return true;
	case 0x07:
		scroll(b, r, false);
		return true;
	case 0x08:
		read_cell(b, r);
		return true;
	case 0x09:
		write_cells(b, r, true);
		return true;
	case 0x0a:
		write_cells(b, r, false);
		return true;
	default:
		return false;
	}
}
