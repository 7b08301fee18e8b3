/* SPDX-License-Identifier: MIT */
/* vga_ports.c - the VGA's I/O ports, 0x3B0-0x3DF, as a guest programs them.
 *
 * Most of the VGA is index/data pairs: write a register's number to one
 * port, then read or write its value at the next. The attribute controller
 * is the odd one: one port (0x3C0) takes index and data in turn, and which
 * comes next is a flip-flop that only a read of input status 1 (0x3DA)
 * resets. Everything is kept and read back; the console draws only what
 * text mode needs (vga_capture.c).
 *
 * The monochrome CRTC and status ports (0x3B4/0x3B5, 0x3BA) answer like
 * the colour ones: kvm-tui has one text screen, at 0xB8000, whatever the
 * misc register's port select says.
 */
#include "vga_text.h"

/* Offsets from 0x3B0. */
enum {
	PORT_CRTC_INDEX_MONO = 0x04,
	PORT_CRTC_DATA_MONO = 0x05,
	PORT_STATUS1_MONO = 0x0a,
	PORT_ATTR = 0x10,
	PORT_ATTR_READ = 0x11,
	PORT_MISC_WRITE = 0x12, /* reads: input status 0 */
	PORT_SEQ_INDEX = 0x14,
	PORT_SEQ_DATA = 0x15,
	PORT_DAC_MASK = 0x16,
	PORT_DAC_READ_INDEX = 0x17, /* reads: the DAC's state */
	PORT_DAC_WRITE_INDEX = 0x18,
	PORT_DAC_DATA = 0x19,
	PORT_FEATURE_READ = 0x1a,
	PORT_MISC_READ = 0x1c,
	PORT_GC_INDEX = 0x1e,
	PORT_GC_DATA = 0x1f,
	PORT_CRTC_INDEX = 0x24,
	PORT_CRTC_DATA = 0x25,
	PORT_STATUS1 = 0x2a, /* writes: feature control */
};

#define NOTHING 0xff         /* a read nobody answers: the bus floats high */
#define STATUS1_RETRACE 0x09 /* bit 0 display disabled, bit 3 vertical retrace */
#define CRTC_PROTECT 0x80    /* CRTC 0x11 bit 7: registers 0-7 read-only */
#define CRTC_LINE_COMPARE_8 0x10 /* CRTC 0x07 bit 4 stays writable under protection */

/* ---- index/data pairs ---- */

static uint8_t indexed_read(const uint8_t *regs, unsigned count, uint8_t index)
{
	return index < count ? regs[index] : NOTHING;
}

static void indexed_write(uint8_t *regs, unsigned count, uint8_t index, uint8_t value)
{
	if (index < count)
		regs[index] = value;
}

/* The protection keeps a mode's timings safe from code that only meant to
 * move the cursor; the line compare bit in 0x07 is exempt, as on a VGA. */
static void crtc_write(struct vga *v, uint8_t value)
{
	uint8_t i = v->crtc_index;
	v->used = v->changed = true;
	if (i <= 7 && (v->crtc[0x11] & CRTC_PROTECT)) {
		if (i == 7)
			v->crtc[7] = (uint8_t)((v->crtc[7] & ~CRTC_LINE_COMPARE_8) | (value & CRTC_LINE_COMPARE_8));
		return;
	}
	indexed_write(v->crtc, sizeof(v->crtc), i, value);
}

/* ---- the attribute controller ---- */

static void attr_write(struct vga *v, uint8_t value)
{
	if (!v->attr_data_next)
		v->attr_index = value & 0x3f; /* bit 5: palette address source */
	else
		indexed_write(v->attr, sizeof(v->attr), v->attr_index & 0x1f, value);
	v->attr_data_next = !v->attr_data_next;
	v->changed = true; /* the mode control's blink bit is on the screen */
}

/* Bits 0 and 3 flip at every read, so both "wait for retrace" and "wait
 * for the end of retrace" loops end after a read or two. */
static uint8_t status1_read(struct vga *v)
{
	v->attr_data_next = false;
	return (v->status_toggle++ & 1) ? STATUS1_RETRACE : 0;
}

/* ---- the DAC: three reads or writes of 0x3C9 per colour ---- */

static void dac_write(struct vga *v, uint8_t value)
{
	v->dac[v->dac_write_index][v->dac_step] = value & 0x3f;
	if (++v->dac_step == 3) {
		v->dac_step = 0;
		v->dac_write_index++;
	}
}

static uint8_t dac_read(struct vga *v)
{
	uint8_t value = v->dac[v->dac_read_index][v->dac_step];
	if (++v->dac_step == 3) {
		v->dac_step = 0;
		v->dac_read_index++;
	}
	return value;
}

static void dac_index(struct vga *v, uint8_t index, bool reading)
{
	if (reading)
		v->dac_read_index = index;
	else
		v->dac_write_index = index;
	v->dac_reading = reading;
	v->dac_step = 0;
}

/* ---- one byte at one port ---- */

static uint8_t port_read(struct vga *v, unsigned port)
{
	switch (port) {
	case PORT_CRTC_INDEX_MONO:
	case PORT_CRTC_INDEX:
		return v->crtc_index;
	case PORT_CRTC_DATA_MONO:
	case PORT_CRTC_DATA:
		return indexed_read(v->crtc, sizeof(v->crtc), v->crtc_index);
	case PORT_STATUS1_MONO:
	case PORT_STATUS1:
		return status1_read(v);
	case PORT_ATTR:
		return v->attr_index;
	case PORT_ATTR_READ:
		return indexed_read(v->attr, sizeof(v->attr), v->attr_index & 0x1f);
	case PORT_MISC_WRITE:
		return 0x00; /* input status 0: no CRT interrupt, switch sense 0 */
	case PORT_SEQ_INDEX:
		return v->seq_index;
	case PORT_SEQ_DATA:
		return indexed_read(v->seq, sizeof(v->seq), v->seq_index);
	case PORT_DAC_MASK:
		return v->dac_mask;
	case PORT_DAC_READ_INDEX:
		return v->dac_reading ? 0x03 : 0x00;
	case PORT_DAC_WRITE_INDEX:
		return v->dac_write_index;
	case PORT_DAC_DATA:
		return dac_read(v);
	case PORT_FEATURE_READ:
		return v->feature;
	case PORT_MISC_READ:
		return v->misc;
	case PORT_GC_INDEX:
		return v->gc_index;
	case PORT_GC_DATA:
		return indexed_read(v->gc, sizeof(v->gc), v->gc_index);
	default:
		return NOTHING;
	}
}

static void port_write(struct vga *v, unsigned port, uint8_t value)
{
	switch (port) {
	case PORT_CRTC_INDEX_MONO:
	case PORT_CRTC_INDEX:
		v->crtc_index = value;
		return;
	case PORT_CRTC_DATA_MONO:
	case PORT_CRTC_DATA:
		crtc_write(v, value);
		return;
	case PORT_STATUS1_MONO:
	case PORT_STATUS1:
		v->feature = value;
		return;
	case PORT_ATTR:
		attr_write(v, value);
		return;
	case PORT_MISC_WRITE:
		v->misc = value;
		return;
	case PORT_SEQ_INDEX:
		v->seq_index = value;
		return;
	case PORT_SEQ_DATA:
		indexed_write(v->seq, sizeof(v->seq), v->seq_index, value);
		return;
	case PORT_DAC_MASK:
		v->dac_mask = value;
		return;
	case PORT_DAC_READ_INDEX:
		dac_index(v, value, true);
		return;
	case PORT_DAC_WRITE_INDEX:
		dac_index(v, value, false);
		return;
	case PORT_DAC_DATA:
		dac_write(v, value);
		return;
	case PORT_GC_INDEX:
		v->gc_index = value;
		return;
	case PORT_GC_DATA:
		indexed_write(v->gc, sizeof(v->gc), v->gc_index, value);
		return;
	default:
		return; /* 0x3C1 is read-only; the rest is not ours */
	}
}

/* ---- the bus's view: any width, split into byte cycles ---- */

uint32_t vga_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	uint32_t value = 0;
	for (unsigned i = 0; i < size && i < 4; i++) {
		unsigned port = offset + i;
		uint8_t byte = port < VGA_PORT_COUNT ? port_read(ctx, port) : NOTHING;
		value |= (uint32_t)byte << (8 * i);
	}
	return value;
}

void vga_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	for (unsigned i = 0; i < size && i < 4; i++) {
		unsigned port = offset + i;
		if (port < VGA_PORT_COUNT)
			port_write(ctx, port, (uint8_t)(value >> (8 * i)));
	}
}
