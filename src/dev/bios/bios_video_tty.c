/* SPDX-License-Identifier: MIT */
/* bios_video_tty.c - int 10h's typing functions: teletype (0Eh) and
 * write string (13h), the two that behave like a terminal.
 *
 * A terminal obeys four control characters: CR to column 0, LF down a row
 * (scrolling the page up at the bottom), BS left (no erase, not past
 * column 0), BEL rings (nothing on the screen). Anything else is drawn at
 * the cursor, which moves right and wraps to the next row at the edge,
 * scrolling at the bottom right away, as a PC BIOS does. New lines are
 * blank with attribute 07h, as most BIOSes make them.
 *
 * Every character also goes to the host's tty (b->host.tty), controls
 * included: headless mode prints BIOS output on stdout with it. */
#include "bios_video_internal.h"

#define WRITE_STRING_MOVE_CURSOR 0x01 /* 13h AL bit 0 */
#define WRITE_STRING_ATTRIBUTES 0x02  /* 13h AL bit 1: the string is char, attr pairs */
#define KEEP_ATTR (-1)

static void host_tty(struct bios *b, uint8_t ch)
{
	if (b->host.tty)
		b->host.tty(b->host.ctx, ch);
}

static void line_feed(struct bios *b, uint8_t page, struct video_pos *p)
{
	if (p->row + 1u < video_rows(b)) {
		p->row++;
		return;
	}
	struct video_window all = {
		.top = 0, .left = 0, .bottom = (uint8_t)(video_rows(b) - 1), .right = (uint8_t)(video_cols(b) - 1),
	};
	video_scroll(b, page, all, 1, true, VIDEO_DEFAULT_ATTR);
}

/* One character at *p on page; attr KEEP_ATTR leaves the cell's own. */
static void tty_put(struct bios *b, uint8_t page, struct video_pos *p, uint8_t ch, int attr)
{
	host_tty(b, ch);
	switch (ch) {
	case '\a':
		return;
	case '\b':
		if (p->col > 0)
			p->col--;
		return;
	case '\r':
		p->col = 0;
		return;
	case '\n':
		line_feed(b, page, p);
		return;
	}
	unsigned at = p->row * video_cols(b) + p->col;
	uint8_t a = attr == KEEP_ATTR ? (uint8_t)(video_cell(b, page, at) >> 8) : (uint8_t)attr;
	video_set_cell(b, page, at, (uint16_t)(a << 8 | ch));
	if (++p->col >= video_cols(b)) {
		p->col = 0;
		line_feed(b, page, p);
	}
}

/* 0Eh: AL on the active page (BH is ignored: most BIOSes do), keeping the
 * attribute already there, as text modes do. */
static void teletype(struct bios *b, const struct bios_regs *r)
{
	uint8_t page = video_active_page(b);
	struct video_pos p = video_cursor_on_screen(b, page);
	tty_put(b, page, &p, bios_al(r), KEEP_ATTR);
	video_set_cursor(b, page, p);
}

/* 13h: CX characters from ES:BP (wrapping in the segment, as the CPU's
 * offset would) typed on page BH from row DH, column DL; each with
 * attribute BL, or its own when AL bit 1 says the string has them. The
 * page's cursor ends after the string if AL bit 0 is set, else stays. */
static void write_string(struct bios *b, const struct bios_regs *r)
{
	uint8_t page = bios_bh(r), al = bios_al(r);
	if (page >= VIDEO_PAGES)
		return;
	struct video_pos p = { .row = bios_dh(r), .col = bios_dl(r) };
	if (p.row >= video_rows(b) || p.col >= video_cols(b))
		return; /* nowhere on the page to start */
	unsigned step = al & WRITE_STRING_ATTRIBUTES ? 2 : 1;
	uint16_t off = (uint16_t)r->ebp;
	for (unsigned n = bios_cx(r); n > 0; n--, off = (uint16_t)(off + step)) {
		uint8_t ch = bios_peek8(&b->mem, bios_linear(r->es, off));
		uint8_t attr = step == 2 ? bios_peek8(&b->mem, bios_linear(r->es, (uint16_t)(off + 1))) : bios_bl(r);
		tty_put(b, page, &p, ch, attr);
	}
	if (al & WRITE_STRING_MOVE_CURSOR)
		video_set_cursor(b, page, p);
}

bool video_tty_call(struct bios *b, struct bios_regs *r)
{
	switch (bios_ah(r)) {
	case 0x0e:
		teletype(b, r);
		return true;
	case 0x13:
		write_string(b, r);
		return true;
	default:
		return false;
	}
}
