/* SPDX-License-Identifier: MIT */
/* bios_video_mode.c - int 10h AH=00h (set video mode) and the screen at
 * power-on, which is a mode 3 set.
 *
 * kvm-tui draws text only, from 0xB8000. The text modes are set: 00h/01h
 * (40x25), 02h/03h (80x25), and 07h, the monochrome mode, which a PC keeps
 * at 0xB0000: that memory is not mapped here, so 07h is 80x25 text at
 * 0xB8000 that still says mode 7. Graphics modes (04h-06h, 0Dh-13h, ...)
 * are refused as a function this BIOS lacks: nothing changes, and a guest
 * that checks with AH=0Fh sees the old mode, as on a card without it. */
#include "bios_data_area.h"
#include "bios_video.h"
#include "bios_video_internal.h"

#define NO_CLEAR 0x80         /* AL bit 7: keep text memory as it is */
#define MODE_SET_TEXT 0x30    /* AL after a text mode set (SeaBIOS, AMI, Phoenix) */
#define CHAR_HEIGHT 16
#define MONO_ATTRIBUTES 0x02  /* attribute mode control bit 1 */
#define HALF_DOT_CLOCK 0x08   /* sequencer clocking mode bit 3: 40 wide characters */

struct video_mode {
	uint8_t mode, cols;
	uint8_t mode_ctl; /* what a CGA's mode control register (0x3D8) got: BDA 0x465 */
};

static const struct video_mode modes[] = {
	{ 0x00, 40, 0x2c }, { 0x01, 40, 0x28 }, { 0x02, 80, 0x2d },
	{ 0x03, 80, 0x29 }, { 0x07, 80, 0x29 },
};

static const struct video_mode *find_mode(uint8_t mode)
{
	for (unsigned i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (modes[i].mode == mode)
			return &modes[i];
	return NULL;
}

/* 40 columns: half the dot clock, the 40-column horizontal timings (CRTC
 * 0-5) and half the row offset, as the VGA's mode tables have them. */
static void forty_columns(struct vga *v)
{
	static const uint8_t timing[6] = { 0x2d, 0x27, 0x28, 0x90, 0x2b, 0xa0 };
	for (unsigned i = 0; i < sizeof(timing); i++)
		v->crtc[i] = timing[i];
	v->crtc[0x13] = 0x14;
	v->seq[1] |= HALF_DOT_CLOCK;
}

/* The register file a mode set loads (the VGA's own reset is mode 3). */
static void load_registers(struct vga *v, const struct video_mode *m)
{
	bool used = v->used;
	vga_init(v);
	v->used = used;
	v->mode = m->mode;
	v->cols = m->cols;
	v->rows = TEXT_SCREEN_ROWS;
	if (m->cols == 40)
		forty_columns(v);
	if (m->mode == 7)
		v->attr[0x10] |= MONO_ATTRIBUTES;
	v->changed = true;
}

static void write_bda(struct bios *b, const struct video_mode *m, bool no_clear)
{
	struct bios_mem *mem = &b->mem;
	uint8_t ctl = bios_peek8(mem, BDA_VIDEO_CTL);
	bios_poke8(mem, BDA_VIDEO_MODE, m->mode);
	bios_poke16(mem, BDA_VIDEO_COLUMNS, m->cols);
	bios_poke16(mem, BDA_VIDEO_PAGE_SIZE, video_page_bytes(b));
	bios_poke16(mem, BDA_VIDEO_PAGE_START, 0);
	for (unsigned page = 0; page < VIDEO_PAGES; page++)
		bios_poke16(mem, BDA_CURSOR_POS + 2u * page, 0);
	bios_poke8(mem, BDA_ACTIVE_PAGE, 0);
	bios_poke16(mem, BDA_CRTC_PORT, 0x3d4);
	bios_poke8(mem, BDA_VIDEO_MODE_CTL, m->mode_ctl);
	bios_poke8(mem, BDA_VIDEO_PALETTE, 0x30);
	bios_poke8(mem, BDA_VIDEO_ROWS, TEXT_SCREEN_ROWS - 1);
	bios_poke16(mem, BDA_CHAR_HEIGHT, CHAR_HEIGHT);
	/* 0x487 bit 7 remembers AL bit 7 of the last mode set (AH=0Fh returns it). */
	bios_poke8(mem, BDA_VIDEO_CTL, (uint8_t)((ctl & 0x7f) | (no_clear ? NO_CLEAR : 0)));
}

static void clear_text_memory(struct bios *b)
{
	for (uint64_t a = VGA_TEXT_BASE; a < VGA_TEXT_BASE + VGA_TEXT_SIZE; a += 2)
		bios_poke16(&b->mem, a, VIDEO_BLANK);
	video_touch(b);
}

static void set_mode(struct bios *b, const struct video_mode *m, bool no_clear)
{
	load_registers(b->vga, m);
	write_bda(b, m, no_clear);
	if (!no_clear)
		clear_text_memory(b);
	video_select_page(b, 0);
	video_set_cursor_shape(b, VIDEO_CURSOR_SHAPE);
	video_touch(b);
}

bool video_mode_call(struct bios *b, struct bios_regs *r)
{
	const struct video_mode *m = find_mode(bios_al(r) & 0x7f);
	if (!m)
		return false;
	set_mode(b, m, bios_al(r) & NO_CLEAR);
	bios_set_al(r, MODE_SET_TEXT);
	return true;
}

/* The BDA bytes a VGA BIOS's POST sets once, which no mode set touches:
 * 256 KiB on a colour VGA with cursor emulation on (0x487), the adapter's
 * switches (0x488), 400-line text with default palette loading (0x489). */
static void write_power_on_bda(struct bios_mem *mem)
{
	bios_poke8(mem, BDA_VIDEO_CTL, 0x60);
	bios_poke8(mem, BDA_VIDEO_SWITCHES, 0xf9);
	bios_poke8(mem, BDA_VGA_FLAGS, 0x51);
}

void bios_video_init(struct bios *b)
{
	write_power_on_bda(&b->mem);
	set_mode(b, find_mode(0x03), false);
	b->vga->used = false;
	b->vga->changed = true;
}
