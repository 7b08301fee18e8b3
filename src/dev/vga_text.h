/* SPDX-License-Identifier: MIT */
/* vga_text.h - the VGA's registers as text modes use them.
 *
 * Text memory itself is guest RAM at 0xB8000 (32 KiB): writes to it do not
 * exit. What does exit are the ports 0x3B0-0x3DF: the CRTC (index 0x3D4,
 * data 0x3D5; registers 0x0A/0x0B cursor shape, 0x0C/0x0D start address,
 * 0x0E/0x0F cursor location), the input status register 0x3DA (its
 * retrace bits toggle as a guest polls them, so vsync loops end), the
 * attribute controller (0x3C0/0x3C1, mode control 0x10 bit 3: blink or
 * bright backgrounds), the sequencer, graphics controller, misc output and
 * the DAC (kept, read back, not drawn). int 10h (bios_video.c) moves the
 * same registers as a guest would. No KVM, no threads. */
#ifndef KVMTUI_VGA_TEXT_H
#define KVMTUI_VGA_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "bios_mem.h"
#include "text_screen.h"

#define VGA_PORT_BASE 0x3b0
#define VGA_PORT_COUNT 0x30
#define VGA_TEXT_BASE 0xb8000u
#define VGA_TEXT_SIZE 0x8000u

struct vga {
	uint8_t crtc_index;
	uint8_t crtc[0x19];
	uint8_t attr_index;
	bool attr_data_next;      /* 0x3C0's flip-flop: the next write is data */
	uint8_t attr[0x15];
	uint8_t seq_index, seq[5];
	uint8_t gc_index, gc[9];
	uint8_t misc;
	uint8_t feature;          /* feature control: written at 0x3DA, read at 0x3CA */
	uint8_t dac_write_index, dac_read_index, dac_step;
	uint8_t dac_mask;         /* 0x3C6, the pixel mask */
	bool dac_reading;         /* 0x3C7 set a read index last (0x3C7 reads 3), not 0x3C8 */
	uint8_t dac[256][3];      /* 6 bits per colour, as 0x3C9 takes them */
	uint8_t status_toggle;    /* advances at every read of 0x3DA */
	uint8_t mode;             /* the BIOS mode last set (int 10h AH=00h) */
	uint16_t cols, rows;
	bool used;                /* the guest used the screen: int 10h output, a CRTC write */
	bool changed;             /* something to publish that the dirty log cannot see
				   * (int 10h wrote text memory, the cursor moved); the
				   * vmm clears it when it publishes */
};

/* Mode 3 (80x25 colour text) as a BIOS leaves it: cursor lines 14-15 at 0,0,
 * the EGA colours in the DAC; used and changed false. */
void vga_init(struct vga *v);
/* The bus's handlers for 0x3B0-0x3DF (offset = port - 0x3B0). A 16- or
 * 32-bit access is split into byte cycles at consecutive ports, low byte
 * first, as the ISA bus does: OUTW 0x3D4 writes the index, then the data. */
uint32_t vga_pio_read(void *ctx, uint16_t offset, uint8_t size);
void vga_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

/* In characters from the start of text memory (CRTC 0x0E/0x0F, 0x0C/0x0D).
 * The setters set changed (the console has a cursor to move), not used:
 * int 10h decides that. */
uint16_t vga_cursor_offset(const struct vga *v);
void vga_set_cursor_offset(struct vga *v, uint16_t offset);
uint16_t vga_start_offset(const struct vga *v);
void vga_set_start_offset(struct vga *v, uint16_t offset);
/* Cursor scan lines (CRTC 0x0A/0x0B; bit 5 of start hides it). Visible:
 * bit 5 clear and start <= end (a VGA draws nothing otherwise). Blink:
 * attribute mode control 0x10 bit 3. */
void vga_set_cursor_shape(struct vga *v, uint8_t start, uint8_t end);
bool vga_cursor_visible(const struct vga *v);
bool vga_blink_enabled(const struct vga *v);

/* The visible page as the console shows it, read from guest memory at
 * 0xB8000 + start address * 2 (wrapping in the 32 KiB window), one row every
 * CRTC offset register (0x13) * 2 characters. The cursor counts as visible
 * only when it is on that page. dirty_pages, refreshes and used are left
 * for the caller. */
void vga_capture(const struct vga *v, const struct bios_mem *mem, struct text_screen *out);

#endif
