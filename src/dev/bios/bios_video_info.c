/* SPDX-License-Identifier: MIT */
/* bios_video_info.c - the int 10h functions a program calls to learn what
 * card it has and to set colours: 0Bh (CGA palette), 10h (VGA palette and
 * DAC), 11h (character generator), 12h (alternate select), 1Ah (display
 * combination).
 *
 * They answer as a colour VGA with 256 KiB would, so programs that probe
 * for a VGA find one. Palette and DAC values land in the VGA's registers
 * and read back; the console does not draw them (its colours are the
 * theme's), and there is no font to load: those calls are accepted and
 * change nothing. */
#include "bios_data_area.h"
#include "bios_video_internal.h"

#define VGA_SUPPORTED 0x12     /* AL after a 12h subfunction a VGA has */
#define DCC_VGA_COLOUR 0x08    /* display combination: VGA with analog colour display */
#define ATTR_PALETTE_REGS 16
#define ATTR_OVERSCAN 0x11
#define ATTR_MODE 0x10
#define ATTR_BLINK 0x08        /* attribute mode control bit 3 */
#define CGA_BLINK 0x20         /* the CGA mode control's (BDA 0x465) bit 5 */
#define EMULATION_OFF 0x01     /* BDA 0x487 bit 0 */
#define NO_PALETTE_LOAD 0x08   /* BDA 0x489 bit 3 */
#define GREY_SUMMING 0x02      /* BDA 0x489 bit 1 */

static uint64_t es_dx(const struct bios_regs *r, unsigned i)
{
	return bios_linear(r->es, (uint16_t)(bios_dx(r) + i));
}

/* ---- 0Bh: CGA colours; in text modes BH=0 sets the border ---- */

static void cga_palette(struct bios *b, const struct bios_regs *r)
{
	if (bios_bh(r) == 0)
		b->vga->attr[ATTR_OVERSCAN] = bios_bl(r) & 0x0f;
}

/* ---- 10h: the attribute controller's palette and the DAC ---- */

static void set_blink(struct bios *b, bool blink)
{
	struct vga *v = b->vga;
	uint8_t ctl = bios_peek8(&b->mem, BDA_VIDEO_MODE_CTL);
	v->attr[ATTR_MODE] = (uint8_t)(blink ? v->attr[ATTR_MODE] | ATTR_BLINK : v->attr[ATTR_MODE] & ~ATTR_BLINK);
	bios_poke8(&b->mem, BDA_VIDEO_MODE_CTL, (uint8_t)(blink ? ctl | CGA_BLINK : ctl & ~CGA_BLINK));
	video_touch(b);
}

/* 02h/09h: 16 palette registers then the overscan, at ES:DX. */
static void all_palette(struct bios *b, const struct bios_regs *r, bool set)
{
	for (unsigned i = 0; i <= ATTR_PALETTE_REGS; i++) {
		unsigned reg = i < ATTR_PALETTE_REGS ? i : ATTR_OVERSCAN;
		if (set)
			b->vga->attr[reg] = bios_peek8(&b->mem, es_dx(r, i));
		else
			bios_poke8(&b->mem, es_dx(r, i), b->vga->attr[reg]);
	}
}

/* 12h/17h: CX colours from BX on, red, green, blue each, at ES:DX. */
static void dac_block(struct bios *b, const struct bios_regs *r, bool set)
{
	for (unsigned i = 0; i < bios_cx(r); i++) {
		uint8_t *rgb = b->vga->dac[(bios_bx(r) + i) & 0xff];
		for (unsigned c = 0; c < 3; c++) {
			if (set)
				rgb[c] = bios_peek8(&b->mem, es_dx(r, 3 * i + c)) & 0x3f;
			else
				bios_poke8(&b->mem, es_dx(r, 3 * i + c), rgb[c]);
		}
	}
}

/* 10h: DH red, CH green, CL blue of colour BX; 15h reads them. */
static void dac_one(struct bios *b, struct bios_regs *r, bool set)
{
	uint8_t *rgb = b->vga->dac[bios_bx(r) & 0xff];
	if (set) {
		rgb[0] = bios_dh(r) & 0x3f;
		rgb[1] = bios_ch(r) & 0x3f;
		rgb[2] = bios_cl(r) & 0x3f;
		return;
	}
	bios_set_dh(r, rgb[0]);
	bios_set_ch(r, rgb[1]);
	bios_set_cl(r, rgb[2]);
}

static bool palette(struct bios *b, struct bios_regs *r)
{
	struct vga *v = b->vga;
	switch (bios_al(r)) {
	case 0x00:
		if (bios_bl(r) < ATTR_PALETTE_REGS)
			v->attr[bios_bl(r)] = bios_bh(r) & 0x3f;
		return true;
	case 0x01: v->attr[ATTR_OVERSCAN] = bios_bh(r); return true;
	case 0x02: all_palette(b, r, true); return true;
	case 0x03:
		if (bios_bl(r) <= 1)
			set_blink(b, bios_bl(r) == 1);
		return true;
	case 0x07:
		if (bios_bl(r) < sizeof(v->attr))
			bios_set_bh(r, v->attr[bios_bl(r)]);
		return true;
	case 0x08: bios_set_bh(r, v->attr[ATTR_OVERSCAN]); return true;
	case 0x09: all_palette(b, r, false); return true;
	case 0x10: dac_one(b, r, true); return true;
	case 0x12: dac_block(b, r, true); return true;
	case 0x13: return true; /* colour paging: 256-colour modes only */
	case 0x15: dac_one(b, r, false); return true;
	case 0x17: dac_block(b, r, false); return true;
	case 0x18: v->dac_mask = bios_bl(r); return true;
	case 0x19: bios_set_bl(r, v->dac_mask); return true;
	case 0x1a: bios_set_bx(r, (uint16_t)(v->attr[0x14] << 8 | v->attr[ATTR_MODE] >> 7)); return true;
	case 0x1b: return true; /* sum to grey: the console's colours are its own */
	default: return false;
	}
}

/* ---- 11h: the character generator; only 30h answers anything ---- */

static void font_info(struct bios *b, struct bios_regs *r)
{
	if (bios_al(r) != 0x30)
		return; /* loading fonts: there is no font here to change */
	bios_set_cx(r, 16);
	bios_set_dl(r, (uint8_t)(video_rows(b) - 1));
	r->es = 0; /* no font table in the ROM: ES:BP = 0:0 */
	r->ebp &= ~0xffffu;
}

/* ---- 12h: alternate select, by BL ---- */

static void set_bda_bit(struct bios *b, uint64_t addr, uint8_t bit, bool on)
{
	uint8_t v = bios_peek8(&b->mem, addr);
	bios_poke8(&b->mem, addr, (uint8_t)(on ? v | bit : v & ~bit));
}

static bool alternate_select(struct bios *b, struct bios_regs *r)
{
	bool al_on = bios_al(r) == 0;
	switch (bios_bl(r)) {
	case 0x10: /* EGA information: colour, 256 KiB, no feature bits or switches */
		bios_set_bx(r, 0x0003);
		bios_set_cx(r, 0);
		return true;
	case 0x31: set_bda_bit(b, BDA_VGA_FLAGS, NO_PALETTE_LOAD, !al_on); break;
	case 0x33: set_bda_bit(b, BDA_VGA_FLAGS, GREY_SUMMING, al_on); break;
	case 0x34: set_bda_bit(b, BDA_VIDEO_CTL, EMULATION_OFF, !al_on); break;
	case 0x20: /* alternate print screen */
	case 0x30: /* scan lines for the next mode set: text stays 400 lines */
	case 0x32: /* video addressing on or off */
	case 0x35: /* display switch */
	case 0x36: /* screen refresh on or off */
		break;
	default:
		return false;
	}
	bios_set_al(r, VGA_SUPPORTED);
	return true;
}

/* ---- 1Ah: display combination ---- */

static bool display_combination(struct bios_regs *r)
{
	if (bios_al(r) > 0x01)
		return false;
	if (bios_al(r) == 0x00)
		bios_set_bx(r, DCC_VGA_COLOUR);
	bios_set_al(r, 0x1a);
	return true;
}

bool video_info_call(struct bios *b, struct bios_regs *r)
{
	switch (bios_ah(r)) {
	case 0x0b:
		cga_palette(b, r);
		return true;
	case 0x10:
		return palette(b, r);
	case 0x11:
		font_info(b, r);
		return true;
	case 0x12:
		return alternate_select(b, r);
	case 0x1a:
		return display_combination(r);
	default:
		return false;
	}
}
