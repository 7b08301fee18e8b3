/* SPDX-License-Identifier: MIT */
/* bios_video.c - int 10h: which function answers, by AH, and the small
 * ones that only move the cursor, switch pages or report the mode.
 *
 * int 10h has no error convention (no carry, no status): a function this
 * BIOS lacks leaves every register as it was, and call->unknown marks it
 * in the exit log. A function changes only the registers it returns in. */
#include "bios_data_area.h"
#include "bios_video_internal.h"

/* 01h: CH start line (bit 5 hides the cursor), CL end line. */
static void cursor_shape(struct bios *b, const struct bios_regs *r)
{
	video_set_cursor_shape(b, bios_cx(r));
}

/* 02h: page BH's cursor to row DH, column DL, stored as given: a cursor
 * parked off the screen is how programs hide it. */
static void set_cursor(struct bios *b, const struct bios_regs *r)
{
	if (bios_bh(r) < VIDEO_PAGES)
		video_set_cursor(b, bios_bh(r), (struct video_pos){ .row = bios_dh(r), .col = bios_dl(r) });
}

/* 03h: CX the shape, DX page BH's position (0 for a page that is not). */
static void get_cursor(struct bios *b, struct bios_regs *r)
{
	struct video_pos p = { 0, 0 };
	if (bios_bh(r) < VIDEO_PAGES)
		p = video_cursor(b, bios_bh(r));
	bios_set_cx(r, bios_peek16(&b->mem, BDA_CURSOR_SHAPE));
	bios_set_dx(r, (uint16_t)(p.row << 8 | p.col));
}

/* 05h: show page AL. */
static void select_page(struct bios *b, const struct bios_regs *r)
{
	if (bios_al(r) < VIDEO_PAGES)
		video_select_page(b, bios_al(r));
}

/* 0Fh: AL the mode (bit 7: the last set kept memory), AH columns, BH the
 * active page; all from the BDA, where a guest may have changed them. */
static void get_mode(struct bios *b, struct bios_regs *r)
{
	uint8_t no_clear = bios_peek8(&b->mem, BDA_VIDEO_CTL) & 0x80;
	bios_set_al(r, (uint8_t)(bios_peek8(&b->mem, BDA_VIDEO_MODE) | no_clear));
	bios_set_ah(r, (uint8_t)bios_peek16(&b->mem, BDA_VIDEO_COLUMNS));
	bios_set_bh(r, bios_peek8(&b->mem, BDA_ACTIVE_PAGE));
}

static bool own_call(struct bios *b, struct bios_regs *r)
{
	switch (bios_ah(r)) {
	case 0x01: cursor_shape(b, r); return true;
	case 0x02: set_cursor(b, r); return true;
	case 0x03: get_cursor(b, r); return true;
	case 0x05: select_page(b, r); return true;
	case 0x0f: get_mode(b, r); return true;
	default: return false;
	}
}

void bios_video_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	if (!b->vga) {
		call->unknown = true; /* no screen to serve */
		return;
	}
	bool done = bios_ah(r) == 0x00 ? video_mode_call(b, r)
		  : own_call(b, r) || video_text_call(b, r) || video_tty_call(b, r) || video_info_call(b, r);
	if (!done)
		call->unknown = true;
}
