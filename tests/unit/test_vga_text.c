/* SPDX-License-Identifier: MIT */
/* test_vga_text.c - the VGA's ports as a guest programs them (CRTC
 * index/data, a 16-bit OUT, the attribute flip-flop, the retrace bits,
 * the DAC) and the capture of the visible page from a fake guest RAM. */
#include "check.h"
#include "vga_text.h"

#include <stdlib.h>

#define RAM_SIZE (0x100000u + 0x10000u)

/* Ports as absolute numbers, to read like guest code. */
static void out8(struct vga *v, uint16_t port, uint8_t value)
{
	vga_pio_write(v, (uint16_t)(port - VGA_PORT_BASE), 1, value);
}

static void out16(struct vga *v, uint16_t port, uint16_t value)
{
	vga_pio_write(v, (uint16_t)(port - VGA_PORT_BASE), 2, value);
}

static uint8_t in8(struct vga *v, uint16_t port)
{
	return (uint8_t)vga_pio_read(v, (uint16_t)(port - VGA_PORT_BASE), 1);
}

static uint8_t crtc_get(struct vga *v, uint8_t index)
{
	out8(v, 0x3d4, index);
	return in8(v, 0x3d5);
}

static void test_init(void)
{
	struct vga v;
	memset(&v, 0xa5, sizeof(v)); /* garbage: init must set everything */
	vga_init(&v);
	CHECK_EQ(v.mode, 3);
	CHECK_EQ(v.cols, 80);
	CHECK_EQ(v.rows, 25);
	CHECK(!v.used);
	CHECK(!v.changed);
	CHECK_EQ(vga_cursor_offset(&v), 0);
	CHECK_EQ(vga_start_offset(&v), 0);
	CHECK_EQ(v.crtc[0x0a], 14);
	CHECK_EQ(v.crtc[0x0b], 15);
	CHECK_EQ(v.crtc[0x13], 40); /* 80 characters a row, in words */
	CHECK(vga_cursor_visible(&v));
	CHECK(vga_blink_enabled(&v));
	CHECK_EQ(in8(&v, 0x3cc), 0x67);
	/* The DAC holds the EGA colours: 0x3f is white, 0x14 brown. */
	CHECK_EQ(v.dac[0x3f][0], 0x3f);
	CHECK_EQ(v.dac[0x14][0], 0x2a);
	CHECK_EQ(v.dac[0x14][1], 0x15);
	CHECK_EQ(v.dac[0x14][2], 0x00);
}

static void test_crtc(void)
{
	struct vga v;
	vga_init(&v);
	out8(&v, 0x3d4, 0x0e);
	CHECK_EQ(in8(&v, 0x3d4), 0x0e);
	out8(&v, 0x3d5, 0x12);
	out8(&v, 0x3d4, 0x0f);
	out8(&v, 0x3d5, 0x34);
	CHECK_EQ(vga_cursor_offset(&v), 0x1234);
	CHECK(v.used);
	CHECK(v.changed);
	CHECK_EQ(crtc_get(&v, 0x0e), 0x12);

	/* OUTW 0x3D4, AX: AL the index, AH the data, as on a PC. */
	out16(&v, 0x3d4, 0x0f0c);
	out16(&v, 0x3d4, 0xa00d);
	CHECK_EQ(vga_start_offset(&v), 0x0fa0);
	CHECK_EQ(in8(&v, 0x3d4), 0x0d);
	/* A 16-bit IN reads index and data together. */
	CHECK_EQ(vga_pio_read(&v, 0x3d4 - VGA_PORT_BASE, 2), 0xa00d);

	/* 0x3B4/0x3B5 reach the same registers. */
	out8(&v, 0x3b4, 0x0e);
	CHECK_EQ(in8(&v, 0x3b5), 0x12);
	out8(&v, 0x3b5, 0x07);
	CHECK_EQ(crtc_get(&v, 0x0e), 0x07);

	/* A register that does not exist reads as nothing. */
	CHECK_EQ(crtc_get(&v, 0x30), 0xff);
}

static void test_crtc_protect(void)
{
	struct vga v;
	vga_init(&v);
	uint8_t total = crtc_get(&v, 0x00), overflow = crtc_get(&v, 0x07);
	out16(&v, 0x3d4, 0x1200); /* mode 3 protects 0-7 */
	CHECK_EQ(crtc_get(&v, 0x00), total);
	out16(&v, 0x3d4, (uint16_t)((overflow ^ 0xff) << 8 | 0x07));
	CHECK_EQ(crtc_get(&v, 0x07), overflow ^ 0x10); /* only line compare bit 8 changes */
	out16(&v, 0x3d4, (uint16_t)((crtc_get(&v, 0x11) & 0x7f) << 8 | 0x11));
	out16(&v, 0x3d4, 0x1200);
	CHECK_EQ(crtc_get(&v, 0x00), 0x12);
}

static void test_index_changes_nothing(void)
{
	struct vga v;
	vga_init(&v);
	out8(&v, 0x3d4, 0x0e);
	CHECK(!v.used); /* an index alone is not drawing anything */
}

/* A guest's "wait for the next vertical retrace": two loops that end. */
static void test_status_toggle(void)
{
	struct vga v;
	vga_init(&v);
	unsigned reads = 0;
	while ((in8(&v, 0x3da) & 0x08) && reads < 10)
		reads++;
	while (!(in8(&v, 0x3da) & 0x08) && reads < 10)
		reads++;
	CHECK(reads < 10);
	uint8_t a = in8(&v, 0x3da), b = in8(&v, 0x3da);
	CHECK_EQ(a ^ b, 0x09); /* bits 0 and 3 flip, nothing else */
	CHECK_EQ((a | b) & ~0x09, 0);
	CHECK_EQ(in8(&v, 0x3ba) & ~0x09, 0);
}

static void test_attribute_controller(void)
{
	struct vga v;
	vga_init(&v);
	in8(&v, 0x3da); /* the flip-flop to "index" */
	out8(&v, 0x3c0, 0x30); /* mode control, palette source bit on */
	out8(&v, 0x3c0, 0x04); /* blink off */
	CHECK(!vga_blink_enabled(&v));
	CHECK_EQ(in8(&v, 0x3c0), 0x30);
	CHECK_EQ(in8(&v, 0x3c1), 0x04);
	/* Next is an index again; then a stray data write... */
	out8(&v, 0x3c0, 0x01);
	/* ... the guest loses track: reading 0x3DA puts it back to index. */
	in8(&v, 0x3da);
	out8(&v, 0x3c0, 0x30);
	out8(&v, 0x3c0, 0x0c);
	CHECK(vga_blink_enabled(&v));
	CHECK_EQ(v.attr[0x01], 0x01); /* nothing was written to palette 1 */
	/* 0x3C1 is read-only. */
	out8(&v, 0x3c1, 0x00);
	CHECK(vga_blink_enabled(&v));
}

static void test_other_registers(void)
{
	struct vga v;
	vga_init(&v);
	out8(&v, 0x3c4, 0x02);
	out8(&v, 0x3c5, 0x0f);
	CHECK_EQ(in8(&v, 0x3c4), 0x02);
	CHECK_EQ(in8(&v, 0x3c5), 0x0f);
	out16(&v, 0x3ce, 0x0205); /* GC mode register, as OUTW does it */
	CHECK_EQ(in8(&v, 0x3ce), 0x05);
	CHECK_EQ(in8(&v, 0x3cf), 0x02);
	out8(&v, 0x3c2, 0x63);
	CHECK_EQ(in8(&v, 0x3cc), 0x63);
	out8(&v, 0x3da, 0x01);
	CHECK_EQ(in8(&v, 0x3ca), 0x01);
	CHECK_EQ(in8(&v, 0x3b0), 0xff); /* nobody */
	CHECK_EQ(in8(&v, 0x3d0), 0xff);
	CHECK_EQ(vga_pio_read(&v, 0x2f, 2), 0xffff); /* 0x3DF, then past the range */
	CHECK(!v.used);
}

static void test_dac(void)
{
	struct vga v;
	vga_init(&v);
	out8(&v, 0x3c8, 0x10);
	const uint8_t rgb[6] = { 1, 2, 3, 0x3f, 0xff, 5 };
	for (unsigned i = 0; i < 6; i++)
		out8(&v, 0x3c9, rgb[i]);
	CHECK_EQ(in8(&v, 0x3c8), 0x12); /* moved on by two colours */
	CHECK_EQ(in8(&v, 0x3c7), 0x00); /* writing */
	out8(&v, 0x3c7, 0x10);
	CHECK_EQ(in8(&v, 0x3c7), 0x03); /* reading */
	uint8_t back[6];
	for (unsigned i = 0; i < 6; i++)
		back[i] = in8(&v, 0x3c9);
	CHECK_EQ(back[0], 1);
	CHECK_EQ(back[2], 3);
	CHECK_EQ(back[4], 0x3f); /* six bits a colour */
	CHECK_EQ(back[5], 5);
	CHECK_EQ(in8(&v, 0x3c6), 0xff);
}

static void test_cursor_shape(void)
{
	struct vga v;
	vga_init(&v);
	vga_set_cursor_shape(&v, 0x20 | 6, 7);
	CHECK(!vga_cursor_visible(&v));
	vga_set_cursor_shape(&v, 6, 7);
	CHECK(vga_cursor_visible(&v));
	vga_set_cursor_shape(&v, 9, 3); /* start after end: a VGA draws none */
	CHECK(!vga_cursor_visible(&v));
	/* The bits beside the shape survive (0x0B's skew). */
	v.crtc[0x0b] = 0x60;
	vga_set_cursor_shape(&v, 0, 15);
	CHECK_EQ(v.crtc[0x0b], 0x6f);
	/* Through the ports, as a guest hides it. */
	out16(&v, 0x3d4, 0x200a);
	CHECK(!vga_cursor_visible(&v));
}

static void put_text(uint8_t *ram, uint32_t char_index, const char *s, uint8_t attr)
{
	for (uint32_t i = 0; s[i]; i++) {
		ram[VGA_TEXT_BASE + 2 * (char_index + i)] = (uint8_t)s[i];
		ram[VGA_TEXT_BASE + 2 * (char_index + i) + 1] = attr;
	}
}

static void test_capture(uint8_t *ram)
{
	struct bios_mem mem = { .ram = ram, .size = RAM_SIZE };
	struct vga v;
	vga_init(&v);
	memset(ram + VGA_TEXT_BASE, 0, VGA_TEXT_SIZE);
	put_text(ram, 0, "page0", 0x07);
	put_text(ram, 2048, "page1", 0x1f);
	put_text(ram, 2048 + 80 * 24 + 79, "!", 0x4e);
	vga_set_start_offset(&v, 2048);
	vga_set_cursor_offset(&v, 2048 + 81);
	struct text_screen s;
	memset(&s, 0xa5, sizeof(s));
	s.refreshes = 7;
	vga_capture(&v, &mem, &s);
	CHECK_EQ(s.cols, 80);
	CHECK_EQ(s.rows, 25);
	CHECK_EQ(s.mode, 3);
	CHECK_EQ(s.cells[0], 'p');
	CHECK_EQ(s.cells[8], '1');
	CHECK_EQ(s.cells[9], 0x1f);
	CHECK_EQ(s.cells[(24 * 80 + 79) * 2], '!');
	CHECK_EQ(s.cells[(24 * 80 + 79) * 2 + 1], 0x4e);
	CHECK_EQ(s.cursor_row, 1);
	CHECK_EQ(s.cursor_col, 1);
	CHECK(s.cursor_visible);
	CHECK(s.blink);
	CHECK_EQ(s.refreshes, 7); /* the caller's */

	/* The cursor on another page is not on this screen. */
	vga_set_cursor_offset(&v, 5);
	vga_capture(&v, &mem, &s);
	CHECK(!s.cursor_visible);
	vga_set_cursor_offset(&v, 2048 + 25 * 80); /* one past the last row */
	vga_capture(&v, &mem, &s);
	CHECK(!s.cursor_visible);

	/* A hidden cursor, and bright backgrounds. */
	vga_set_cursor_offset(&v, 2048);
	vga_set_cursor_shape(&v, 0x20, 15);
	v.attr[0x10] &= (uint8_t)~0x08;
	vga_capture(&v, &mem, &s);
	CHECK(!s.cursor_visible);
	CHECK(!s.blink);
}

static void test_capture_wrap_and_40(uint8_t *ram)
{
	struct bios_mem mem = { .ram = ram, .size = RAM_SIZE };
	struct vga v;
	vga_init(&v);
	memset(ram + VGA_TEXT_BASE, 0, VGA_TEXT_SIZE);
	/* Started at the window's last character: row 0 column 1 wraps to 0. */
	put_text(ram, 0x3fff, "A", 0x07);
	put_text(ram, 0, "B", 0x07);
	vga_set_start_offset(&v, 0x3fff);
	struct text_screen s;
	vga_capture(&v, &mem, &s);
	CHECK_EQ(s.cells[0], 'A');
	CHECK_EQ(s.cells[2], 'B');

	/* 40 columns: rows are 40 apart, cells packed 40 a row. */
	v.cols = 40;
	v.crtc[0x13] = 20;
	vga_set_start_offset(&v, 0);
	put_text(ram, 40, "row1", 0x07);
	vga_set_cursor_offset(&v, 41);
	vga_capture(&v, &mem, &s);
	CHECK_EQ(s.cols, 40);
	CHECK_EQ(s.cells[40 * 2], 'r');
	CHECK_EQ(s.cursor_row, 1);
	CHECK_EQ(s.cursor_col, 1);
	CHECK_EQ(s.cells[(40 * 25) * 2], 0); /* past the screen: zeroed */

	/* A RAM too small for text memory: all ones, no crash. */
	struct bios_mem small = { .ram = ram, .size = 0x1000 };
	vga_capture(&v, &small, &s);
	CHECK_EQ(s.cells[0], 0xff);
}

int main(void)
{
	uint8_t *ram = malloc(RAM_SIZE);
	if (!ram)
		return 1;
	test_init();
	test_crtc();
	test_crtc_protect();
	test_index_changes_nothing();
	test_status_toggle();
	test_attribute_controller();
	test_other_registers();
	test_dac();
	test_cursor_shape();
	test_capture(ram);
	test_capture_wrap_and_40(ram);
	free(ram);
	return check_done();
}
