/* SPDX-License-Identifier: MIT */
/* test_bios_video.c - int 10h on a fake guest RAM (1 MiB + 64 KiB): each
 * function's effect on text memory, the BDA and the VGA's registers, what
 * it returns and what it leaves alone, and the characters the host's tty
 * is given. */
#include "bios.h"
#include "bios_data_area.h"
#include "bios_video.h"
#include "check.h"
#include "vga_text.h"

#include <stdlib.h>

#define RAM_SIZE (0x100000u + 0x10000u)

struct fixture {
	struct bios b;
	struct vga v;
	uint8_t *ram;
	char tty[512];
	size_t ntty;
};

static void tty_cb(void *ctx, uint8_t ch)
{
	struct fixture *f = ctx;
	if (f->ntty < sizeof(f->tty) - 1)
		f->tty[f->ntty++] = (char)ch;
}

static void setup(struct fixture *f, uint8_t *ram)
{
	memset(f, 0, sizeof(*f));
	memset(ram, 0, RAM_SIZE);
	f->ram = ram;
	f->b.mem = (struct bios_mem){ .ram = ram, .size = RAM_SIZE };
	f->b.vga = &f->v;
	f->b.host = (struct bios_host){ .ctx = f, .tty = tty_cb };
	memset(&f->v, 0xa5, sizeof(f->v));
	vga_init(&f->v);
	bios_video_init(&f->b);
}

/* Registers with junk in every half a function should not touch. */
static struct bios_regs regs(uint16_t ax, uint16_t bx, uint16_t cx, uint16_t dx)
{
	return (struct bios_regs){
		.eax = 0xa1a10000u | ax, .ebx = 0xb2b20000u | bx, .ecx = 0xc3c30000u | cx,
		.edx = 0xd4d40000u | dx, .esi = 0x51515151u, .edi = 0xd1d1d1d1u, .ebp = 0xbbbb1234u,
		.esp = 0x0000fff0u, .cs = 0x1111, .ds = 0x2222, .es = 0x3333, .ss = 0x4444,
		.eip = 0x7c10, .flags = 0x0202,
	};
}

static struct bios_call int10(struct fixture *f, struct bios_regs *r)
{
	struct bios_call call = { .vector = 0x10 };
	bios_video_call(&f->b, r, &call);
	return call;
}

/* One call with ax..dx; returns whether it was known. */
static bool call(struct fixture *f, uint16_t ax, uint16_t bx, uint16_t cx, uint16_t dx)
{
	struct bios_regs r = regs(ax, bx, cx, dx);
	return !int10(f, &r).unknown;
}

static uint16_t cell(const struct fixture *f, unsigned page_bytes, unsigned page, unsigned row, unsigned col,
		     unsigned cols)
{
	uint64_t a = VGA_TEXT_BASE + page * page_bytes + 2u * (row * cols + col);
	return (uint16_t)(f->ram[a] | f->ram[a + 1] << 8);
}

/* Page 0 of 80x25. */
static uint16_t cell80(const struct fixture *f, unsigned row, unsigned col)
{
	return cell(f, 0x1000, 0, row, col, 80);
}

static void put80(struct fixture *f, unsigned page, unsigned row, unsigned col, uint16_t v)
{
	uint64_t a = VGA_TEXT_BASE + page * 0x1000u + 2u * (row * 80 + col);
	f->ram[a] = (uint8_t)v;
	f->ram[a + 1] = (uint8_t)(v >> 8);
}

static uint16_t bda16(const struct fixture *f, unsigned a)
{
	return (uint16_t)(f->ram[a] | f->ram[a + 1] << 8);
}

static void teletype(struct fixture *f, const char *s)
{
	for (; *s; s++)
		call(f, (uint16_t)(0x0e00 | (uint8_t)*s), 0, 0, 0);
}

/* Every cell of every page written with a value that says where it is. */
static void fill_pages(struct fixture *f)
{
	for (unsigned page = 0; page < 8; page++)
		for (unsigned row = 0; row < 25; row++)
			for (unsigned col = 0; col < 80; col++)
				put80(f, page, row, col, (uint16_t)((0x10 + page) << 8 | ('A' + row)));
}

static void test_power_on(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	CHECK_EQ(f.ram[BDA_VIDEO_MODE], 3);
	CHECK_EQ(bda16(&f, BDA_VIDEO_COLUMNS), 80);
	CHECK_EQ(bda16(&f, BDA_VIDEO_PAGE_SIZE), 4096);
	CHECK_EQ(bda16(&f, BDA_VIDEO_PAGE_START), 0);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0);
	CHECK_EQ(bda16(&f, BDA_CURSOR_SHAPE), 0x0607);
	CHECK_EQ(f.ram[BDA_ACTIVE_PAGE], 0);
	CHECK_EQ(bda16(&f, BDA_CRTC_PORT), 0x3d4);
	CHECK_EQ(f.ram[BDA_VIDEO_ROWS], 24);
	CHECK_EQ(bda16(&f, BDA_CHAR_HEIGHT), 16);
	CHECK_EQ(cell80(&f, 0, 0), 0x0720);
	CHECK_EQ(cell80(&f, 24, 79), 0x0720);
	CHECK_EQ(f.ram[VGA_TEXT_BASE + VGA_TEXT_SIZE - 2], 0x20);
	CHECK_EQ(f.v.mode, 3);
	CHECK_EQ(f.v.crtc[0x0a], 14); /* 0x0607 on a 16-line cell */
	CHECK_EQ(f.v.crtc[0x0b], 15);
	CHECK_EQ(vga_cursor_offset(&f.v), 0);
	CHECK_EQ(vga_start_offset(&f.v), 0);
	CHECK(!f.v.used);
	CHECK(f.v.changed);
	CHECK_EQ(f.ntty, 0);
}

static void test_set_mode(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	fill_pages(&f);
	call(&f, 0x0200, 0x0000, 0, 0x0505);
	struct bios_regs r = regs(0x0003, 0, 0, 0);
	CHECK(!int10(&f, &r).unknown);
	CHECK_EQ(bios_al(&r), 0x30);
	CHECK_EQ(cell80(&f, 0, 0), 0x0720);
	CHECK_EQ(cell(&f, 0x1000, 7, 24, 79, 80), 0x0720); /* all pages */
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0);
	CHECK_EQ(vga_cursor_offset(&f.v), 0);
	CHECK(f.v.used);

	/* AL bit 7: memory kept, and 0Fh says so. */
	fill_pages(&f);
	call(&f, 0x0083, 0, 0, 0);
	CHECK_EQ(cell80(&f, 3, 3), 0x1044);
	r = regs(0x0f00, 0x0000, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_al(&r), 0x83);
	CHECK_EQ(bios_ah(&r), 80);
	CHECK_EQ(bios_bh(&r), 0);
	CHECK_EQ(bios_bl(&r), 0x00);

	/* Mode 7: 80x25 at 0xB8000, but it says 7. */
	call(&f, 0x0007, 0, 0, 0);
	CHECK_EQ(f.ram[BDA_VIDEO_MODE], 7);
	CHECK_EQ(f.v.mode, 7);
	CHECK_EQ(f.v.cols, 80);
	CHECK_EQ(cell80(&f, 3, 3), 0x0720);
	r = regs(0x0f00, 0, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_al(&r), 7);

	/* Mode 13h (graphics): refused, nothing changes. */
	r = regs(0x0013, 0x1234, 0x5678, 0x9abc);
	struct bios_regs before = r;
	CHECK(int10(&f, &r).unknown);
	CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	CHECK_EQ(f.ram[BDA_VIDEO_MODE], 7);
	CHECK_EQ(f.v.mode, 7);
}

static void test_forty_columns(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	CHECK(call(&f, 0x0001, 0, 0, 0));
	CHECK_EQ(f.v.cols, 40);
	CHECK_EQ(f.v.mode, 1);
	CHECK_EQ(bda16(&f, BDA_VIDEO_COLUMNS), 40);
	CHECK_EQ(bda16(&f, BDA_VIDEO_PAGE_SIZE), 2048);
	CHECK_EQ(f.v.crtc[0x13], 20);
	struct bios_regs r = regs(0x0f00, 0, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_ah(&r), 40);
	CHECK_EQ(bios_al(&r), 1);

	/* Teletype wraps at column 40. */
	for (unsigned i = 0; i < 41; i++)
		call(&f, 0x0e00 | 'x', 0, 0, 0);
	CHECK_EQ(cell(&f, 0x800, 0, 0, 39, 40), 0x0778);
	CHECK_EQ(cell(&f, 0x800, 0, 1, 0, 40), 0x0778);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0101);
	CHECK_EQ(vga_cursor_offset(&f.v), 41);

	/* Page 1 starts 2 KiB in: 1024 characters. */
	call(&f, 0x0501, 0, 0, 0);
	CHECK_EQ(vga_start_offset(&f.v), 1024);
	CHECK_EQ(bda16(&f, BDA_VIDEO_PAGE_START), 0x800);

	/* What the console shows: 40 columns. */
	call(&f, 0x0500, 0, 0, 0);
	struct text_screen s;
	vga_capture(&f.v, &f.b.mem, &s);
	CHECK_EQ(s.cols, 40);
	CHECK_EQ(s.mode, 1);
	CHECK_EQ(s.cells[40 * 2], 'x');
	CHECK_EQ(s.cursor_row, 1);
	CHECK_EQ(s.cursor_col, 1);
}

static void test_cursor_shape(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	call(&f, 0x0100, 0, 0x2607, 0);
	CHECK(!vga_cursor_visible(&f.v));
	CHECK_EQ(bda16(&f, BDA_CURSOR_SHAPE), 0x2607);
	call(&f, 0x0100, 0, 0x0007, 0); /* a full block */
	CHECK(vga_cursor_visible(&f.v));
	CHECK_EQ(f.v.crtc[0x0a], 0);
	CHECK_EQ(f.v.crtc[0x0b], 15);
	call(&f, 0x0100, 0, 0x0d0e, 0); /* VGA lines already: as given */
	CHECK_EQ(f.v.crtc[0x0a], 13);
	CHECK_EQ(f.v.crtc[0x0b], 14);
	/* 12h BL=34h AL=01h turns the CGA emulation off. */
	struct bios_regs r = regs(0x1201, 0x0034, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_al(&r), 0x12);
	call(&f, 0x0100, 0, 0x0607, 0);
	CHECK_EQ(f.v.crtc[0x0a], 6);
	CHECK_EQ(f.v.crtc[0x0b], 7);
	r = regs(0x0300, 0, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_cx(&r), 0x0607);
}

static void test_cursor_position(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	call(&f, 0x0200, 0x0000, 0, 0x0a14); /* row 10, column 20 */
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0a14);
	CHECK_EQ(vga_cursor_offset(&f.v), 10 * 80 + 20);
	CHECK(f.v.used);

	/* Another page's cursor: stored, the CRTC's stays. */
	call(&f, 0x0200, 0x0300, 0, 0x0102);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS + 6), 0x0102);
	CHECK_EQ(vga_cursor_offset(&f.v), 10 * 80 + 20);

	struct bios_regs r = regs(0x0300, 0x0300, 0xffff, 0xffff);
	int10(&f, &r);
	CHECK_EQ(bios_dx(&r), 0x0102);
	CHECK_EQ(bios_cx(&r), 0x0607);
	CHECK_EQ(r.eax, 0xa1a10300u);
	CHECK_EQ(r.ebx, 0xb2b20300u);
	CHECK_EQ(r.ecx >> 16, 0xc3c3);

	/* Off the screen (a way to hide it): stored as given, not drawn. */
	call(&f, 0x0200, 0, 0, 0x1900);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1900);
	struct text_screen s;
	vga_capture(&f.v, &f.b.mem, &s);
	CHECK(!s.cursor_visible);

	/* Page 8 does not exist: nothing happens. */
	call(&f, 0x0200, 0x0800, 0, 0x0303);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1900);
	CHECK_EQ(f.ram[BDA_ACTIVE_PAGE], 0);
}

static void test_select_page(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	call(&f, 0x0200, 0x0200, 0, 0x0304);
	call(&f, 0x0502, 0, 0, 0);
	CHECK_EQ(f.ram[BDA_ACTIVE_PAGE], 2);
	CHECK_EQ(bda16(&f, BDA_VIDEO_PAGE_START), 0x2000);
	CHECK_EQ(vga_start_offset(&f.v), 0x1000);
	CHECK_EQ(vga_cursor_offset(&f.v), 0x1000 + 3 * 80 + 4);
	struct bios_regs r = regs(0x0f00, 0, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_bh(&r), 2);

	/* Teletype goes to the active page, whatever BH says. */
	call(&f, 0x0e00 | 'P', 0x0500, 0, 0);
	CHECK_EQ(cell(&f, 0x1000, 2, 3, 4, 80), 0x0750);
	CHECK_EQ(cell80(&f, 0, 0), 0x0720);

	/* The console shows page 2. */
	struct text_screen s;
	vga_capture(&f.v, &f.b.mem, &s);
	CHECK_EQ(s.cells[(3 * 80 + 4) * 2], 'P');
	CHECK_EQ(s.cursor_row, 3);
	CHECK_EQ(s.cursor_col, 5);
	CHECK(s.cursor_visible);

	call(&f, 0x0508, 0, 0, 0); /* no page 8 */
	CHECK_EQ(f.ram[BDA_ACTIVE_PAGE], 2);
}

static void test_scroll(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	fill_pages(&f);
	/* Up 2 in rows 5-10, columns 10-20, blank with 1Eh. */
	CHECK(call(&f, 0x0602, 0x1e00, 0x050a, 0x0a14));
	CHECK_EQ(cell80(&f, 5, 10), 0x1000 | 'H');
	CHECK_EQ(cell80(&f, 8, 20), 0x1000 | 'K');
	CHECK_EQ(cell80(&f, 9, 15), 0x1e20);
	CHECK_EQ(cell80(&f, 10, 20), 0x1e20);
	CHECK_EQ(cell80(&f, 5, 9), 0x1000 | 'F');  /* outside: untouched */
	CHECK_EQ(cell80(&f, 5, 21), 0x1000 | 'F');
	CHECK_EQ(cell80(&f, 11, 15), 0x1000 | 'L');
	CHECK_EQ(cell80(&f, 4, 15), 0x1000 | 'E');

	/* Down 1 in the whole screen, given past its edges: cut there. */
	fill_pages(&f);
	CHECK(call(&f, 0x0701, 0x0700, 0x0000, 0x40ff));
	CHECK_EQ(cell80(&f, 0, 0), 0x0720);
	CHECK_EQ(cell80(&f, 0, 79), 0x0720);
	CHECK_EQ(cell80(&f, 1, 0), 0x1000 | 'A');
	CHECK_EQ(cell80(&f, 24, 79), 0x1000 | 'X');
	CHECK_EQ(cell(&f, 0x1000, 1, 0, 0, 80), 0x1100 | 'A'); /* page 1 untouched */

	/* AL=0 clears the window; so does more lines than it has. */
	fill_pages(&f);
	call(&f, 0x0600, 0x4f00, 0x0000, 0x184f);
	CHECK_EQ(cell80(&f, 0, 0), 0x4f20);
	CHECK_EQ(cell80(&f, 24, 79), 0x4f20);
	fill_pages(&f);
	call(&f, 0x0763, 0x2000, 0x0202, 0x0303);
	CHECK_EQ(cell80(&f, 2, 2), 0x2020);
	CHECK_EQ(cell80(&f, 3, 3), 0x2020);
	CHECK_EQ(cell80(&f, 4, 3), 0x1000 | 'E');

	/* Top below bottom: nothing. */
	fill_pages(&f);
	call(&f, 0x0600, 0x4f00, 0x0a00, 0x054f);
	CHECK_EQ(cell80(&f, 7, 0), 0x1000 | 'H');
	CHECK_EQ(f.ntty, 0);
}

static void test_write_and_read_cells(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	call(&f, 0x0200, 0, 0, 0x054e); /* row 5, column 78 */
	CHECK(call(&f, 0x0900 | 'X', 0x001e, 3, 0));
	CHECK_EQ(cell80(&f, 5, 78), 0x1e58);
	CHECK_EQ(cell80(&f, 5, 79), 0x1e58);
	CHECK_EQ(cell80(&f, 6, 0), 0x1e58); /* on along the rows */
	CHECK_EQ(cell80(&f, 6, 1), 0x0720);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x054e); /* not moved */

	struct bios_regs r = regs(0x0800, 0x0000, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_ax(&r), 0x1e58);
	CHECK_EQ(r.eax >> 16, 0xa1a1);

	/* 0Ah keeps each cell's attribute. */
	put80(&f, 0, 5, 79, 0x4e41);
	CHECK(call(&f, 0x0a00 | 'y', 0x00ff, 2, 0));
	CHECK_EQ(cell80(&f, 5, 78), 0x1e79);
	CHECK_EQ(cell80(&f, 5, 79), 0x4e79);

	/* A huge count stops at the page's end. */
	call(&f, 0x0200, 0, 0, 0x1800);
	call(&f, 0x0900 | '#', 0x0070, 0xffff, 0);
	CHECK_EQ(cell80(&f, 24, 79), 0x7023);
	CHECK_EQ(cell(&f, 0x1000, 1, 0, 0, 80), 0x0720);

	/* Another page, by BH. */
	call(&f, 0x0200, 0x0100, 0, 0x0203);
	call(&f, 0x0900 | 'Q', 0x0131, 1, 0);
	CHECK_EQ(cell(&f, 0x1000, 1, 2, 3, 80), 0x3151);
	r = regs(0x0800, 0x0100, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_ax(&r), 0x3151);
	CHECK_EQ(f.ntty, 0); /* drawing, not typing */
	CHECK(f.v.used);
}

static void test_teletype(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	teletype(&f, "Hi\r\nab");
	CHECK_EQ(cell80(&f, 0, 0), 0x0748);
	CHECK_EQ(cell80(&f, 0, 1), 0x0769);
	CHECK_EQ(cell80(&f, 1, 0), 0x0761);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0102);
	CHECK_EQ(vga_cursor_offset(&f.v), 82);
	CHECK(f.v.used);
	CHECK(f.v.changed);

	/* BS: left, no erase; not past column 0. */
	teletype(&f, "\b");
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0101);
	CHECK_EQ(cell80(&f, 1, 1), 0x0762);
	teletype(&f, "\b\b\b");
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0100);

	/* BEL: nothing on the screen, but the tty has it. */
	teletype(&f, "\a");
	CHECK_EQ(cell80(&f, 1, 0), 0x0761);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0100);
	CHECK_EQ(f.ntty, 11);
	CHECK(memcmp(f.tty, "Hi\r\nab\b\b\b\b\a", 11) == 0);

	/* The cell's attribute stays. */
	put80(&f, 0, 1, 0, 0x1f20);
	teletype(&f, "Z");
	CHECK_EQ(cell80(&f, 1, 0), 0x1f5a);

	/* Wrap at column 79. */
	call(&f, 0x0200, 0, 0, 0x024f);
	teletype(&f, "W");
	CHECK_EQ(cell80(&f, 2, 79), 0x0757);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0300);
}

static void test_teletype_scroll(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	fill_pages(&f);
	call(&f, 0x0200, 0, 0, 0x1800);
	teletype(&f, "\n");
	CHECK_EQ(cell80(&f, 0, 0), 0x1000 | 'B'); /* everything up a row */
	CHECK_EQ(cell80(&f, 23, 5), 0x1000 | 'Y');
	CHECK_EQ(cell80(&f, 24, 0), 0x0720);      /* a blank 07h line */
	CHECK_EQ(cell80(&f, 24, 79), 0x0720);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1800);
	CHECK_EQ(cell(&f, 0x1000, 1, 0, 0, 80), 0x1100 | 'A'); /* page 1 untouched */

	/* The bottom right character scrolls at once. */
	call(&f, 0x0200, 0, 0, 0x184f);
	teletype(&f, "E");
	CHECK_EQ(cell80(&f, 23, 79), 0x0745);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1800);

	/* A cursor a guest left off the screen in the BDA: pulled back on. */
	f.ram[BDA_CURSOR_POS] = 200;
	f.ram[BDA_CURSOR_POS + 1] = 200;
	teletype(&f, "Q"); /* at 24,79: drawn, then up a row with the rest */
	CHECK_EQ(cell80(&f, 23, 79), 0x0751);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1800);
	CHECK_EQ(cell(&f, 0x1000, 1, 0, 0, 80), 0x1100 | 'A');
}

static void test_write_string(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	const char plain[] = "ok\r\nno";
	memcpy(f.ram + 0x5000 + 0x10, plain, 6);
	/* AL=0: attribute BL, cursor stays. */
	struct bios_regs r = regs(0x1300, 0x001e, 6, 0x0203);
	r.es = 0x0500;
	r.ebp = 0xffff0010u;
	struct bios_regs before = r;
	CHECK(!int10(&f, &r).unknown);
	CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	CHECK_EQ(cell80(&f, 2, 3), 0x1e6f);
	CHECK_EQ(cell80(&f, 2, 4), 0x1e6b);
	CHECK_EQ(cell80(&f, 3, 0), 0x1e6e); /* CR LF obeyed */
	CHECK_EQ(cell80(&f, 3, 1), 0x1e6f);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0);
	CHECK_EQ(f.ntty, 6);
	CHECK(memcmp(f.tty, plain, 6) == 0);

	/* AL=1: the cursor moves to the end. */
	r = regs(0x1301, 0x0007, 2, 0x0a00);
	r.es = 0x0500;
	r.ebp = 0x10;
	int10(&f, &r);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x0a02);
	CHECK_EQ(vga_cursor_offset(&f.v), 10 * 80 + 2);

	/* AL=3: char, attribute pairs; BL is not used. */
	const uint8_t pairs[] = { 'R', 0x4c, 'G', 0x2a, '\n', 0x00 };
	memcpy(f.ram + 0x6000, pairs, sizeof(pairs));
	r = regs(0x1303, 0x00ff, 3, 0x1400);
	r.es = 0x0600;
	r.ebp = 0;
	int10(&f, &r);
	CHECK_EQ(cell80(&f, 20, 0), 0x4c52);
	CHECK_EQ(cell80(&f, 20, 1), 0x2a47);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS), 0x1502);

	/* AL=2 on a page not shown: that page's cursor, the CRTC's stays. */
	uint16_t crtc = vga_cursor_offset(&f.v);
	r = regs(0x1302, 0x0300, 2, 0x0000);
	r.es = 0x0600;
	r.ebp = 0;
	int10(&f, &r);
	CHECK_EQ(cell(&f, 0x1000, 3, 0, 0, 80), 0x4c52);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS + 6), 0);
	r.eax = 0x1303;
	int10(&f, &r);
	CHECK_EQ(bda16(&f, BDA_CURSOR_POS + 6), 0x0002);
	CHECK_EQ(vga_cursor_offset(&f.v), crtc);

	/* Starting off the screen: nothing written. */
	size_t n = f.ntty;
	call(&f, 0x1300, 0x0007, 5, 0x1900);
	CHECK_EQ(f.ntty, n);
}

static void test_info(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	/* 1003h: blink off (bright backgrounds), then on. */
	struct bios_regs r = regs(0x1003, 0x0000, 0, 0);
	struct bios_regs before = r;
	CHECK(!int10(&f, &r).unknown);
	CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	CHECK(!vga_blink_enabled(&f.v));
	CHECK_EQ(f.ram[BDA_VIDEO_MODE_CTL] & 0x20, 0);
	call(&f, 0x1003, 0x0001, 0, 0);
	CHECK(vga_blink_enabled(&f.v));

	/* 1130h: 16-line characters, 25 rows, no font pointer. */
	r = regs(0x1130, 0x0300, 0, 0);
	CHECK(!int10(&f, &r).unknown);
	CHECK_EQ(bios_cx(&r), 16);
	CHECK_EQ(bios_dl(&r), 24);
	CHECK_EQ(r.es, 0);
	CHECK_EQ(r.ebp & 0xffff, 0);
	CHECK_EQ(r.eax, 0xa1a11130u);
	CHECK_EQ(bios_dh(&r), 0x00);
	CHECK(call(&f, 0x1104, 0, 0, 0)); /* a font load: accepted */

	/* 12h BL=10h: a colour EGA-or-better with 256 KiB. */
	r = regs(0x1200, 0xff10, 0xffff, 0);
	CHECK(!int10(&f, &r).unknown);
	CHECK_EQ(bios_bh(&r), 0);
	CHECK_EQ(bios_bl(&r), 3);
	CHECK_EQ(bios_cx(&r), 0);
	CHECK_EQ(bios_ax(&r), 0x1200);
	r = regs(0x1201, 0x0030, 0, 0);
	CHECK(!int10(&f, &r).unknown);
	CHECK_EQ(bios_al(&r), 0x12);
	r = regs(0x1200, 0x0099, 0, 0);
	CHECK(int10(&f, &r).unknown);
	CHECK_EQ(bios_ax(&r), 0x1200);

	/* 1Ah: a VGA with a colour display. */
	r = regs(0x1a00, 0xffff, 0, 0);
	CHECK(!int10(&f, &r).unknown);
	CHECK_EQ(bios_al(&r), 0x1a);
	CHECK_EQ(bios_bx(&r), 0x0008);
	CHECK(!call(&f, 0x1a02, 0, 0, 0));

	/* The DAC, one colour and a block. */
	call(&f, 0x1010, 0x0020, 0x0203, 0x0100);
	r = regs(0x1015, 0x0020, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_dh(&r), 1);
	CHECK_EQ(bios_ch(&r), 2);
	CHECK_EQ(bios_cl(&r), 3);
	r = regs(0x1017, 0x0020, 1, 0x0100);
	r.es = 0x0700;
	int10(&f, &r);
	CHECK_EQ(f.ram[0x7100], 1);
	CHECK_EQ(f.ram[0x7102], 3);
	/* A palette register, written and read back. */
	call(&f, 0x1000, 0x3c01, 0, 0);
	r = regs(0x1007, 0x0001, 0, 0);
	int10(&f, &r);
	CHECK_EQ(bios_bh(&r), 0x3c);
	CHECK(!call(&f, 0x10ff, 0, 0, 0));
}

/* Functions this BIOS lacks: everything as it was. */
static void test_unknown(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	const uint16_t axes[] = { 0x0400, 0x0c00, 0x0d00, 0x1b00, 0x1c00, 0x4f00, 0x4f02, 0xff00, 0x0004, 0x0012 };
	for (unsigned i = 0; i < sizeof(axes) / sizeof(axes[0]); i++) {
		struct bios_regs r = regs(axes[i], 0x1234, 0x5678, 0x9abc), before = r;
		struct bios_call c = int10(&f, &r);
		CHECK(c.unknown);
		CHECK(!c.retry);
		CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	}
	CHECK(!f.v.used);
	CHECK_EQ(f.ram[BDA_VIDEO_MODE], 3);
}

/* Functions that return nothing leave every register as it was; the
 * others change only what they return (checked beside each above). */
static void test_preserves(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	const uint16_t calls[][4] = {
		{ 0x0100, 0, 0x0607, 0 },    { 0x0200, 0, 0, 0x0101 }, { 0x0501, 0, 0, 0 },
		{ 0x0500, 0, 0, 0 },         { 0x0601, 0x0700, 0, 0x184f }, { 0x0701, 0x0700, 0, 0x184f },
		{ 0x0941, 0x0007, 3, 0 },    { 0x0a41, 0, 3, 0 },      { 0x0e41, 0, 0, 0 },
		{ 0x0e0d, 0, 0, 0 },         { 0x0b00, 0x0001, 0, 0 }, { 0x1001, 0x0100, 0, 0 },
		{ 0x1100, 0, 0, 0 },         { 0x1300, 0x0007, 0, 0 },
	};
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		struct bios_regs r = regs(calls[i][0], calls[i][1], calls[i][2], calls[i][3]), before = r;
		CHECK(!int10(&f, &r).unknown);
		if (memcmp(&r, &before, sizeof(r)) != 0)
			fprintf(stderr, "AX=%04x changed registers\n", calls[i][0]);
		CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	}
}

static void test_used_and_changed(uint8_t *ram)
{
	struct fixture f;
	setup(&f, ram);
	f.v.changed = false; /* as the vmm leaves it after publishing */
	struct bios_regs r = regs(0x0300, 0, 0, 0);
	int10(&f, &r);
	r = regs(0x0f00, 0, 0, 0);
	int10(&f, &r);
	r = regs(0x0800, 0, 0, 0);
	int10(&f, &r);
	CHECK(!f.v.used); /* asking is not using */
	CHECK(!f.v.changed);
	teletype(&f, "x");
	CHECK(f.v.used);
	CHECK(f.v.changed);

	/* No tty callback: output still reaches the screen. */
	f.b.host.tty = NULL;
	teletype(&f, "y");
	CHECK_EQ(cell80(&f, 0, 1), 0x0779);

	/* No VGA at all: nothing served. */
	f.b.vga = NULL;
	CHECK(!call(&f, 0x0e41, 0, 0, 0));
}

int main(void)
{
	uint8_t *ram = malloc(RAM_SIZE);
	if (!ram)
		return 1;
	test_power_on(ram);
	test_set_mode(ram);
	test_forty_columns(ram);
	test_cursor_shape(ram);
	test_cursor_position(ram);
	test_select_page(ram);
	test_scroll(ram);
	test_write_and_read_cells(ram);
	test_teletype(ram);
	test_teletype_scroll(ram);
	test_write_string(ram);
	test_info(ram);
	test_unknown(ram);
	test_preserves(ram);
	test_used_and_changed(ram);
	free(ram);
	return check_done();
}
