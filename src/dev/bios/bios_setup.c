/* SPDX-License-Identifier: MIT */
/* bios_setup.c - the vector table and the BIOS data area, as POST leaves them. */
#include "bios_setup.h"

#include "bios_data_area.h"
#include "bios_rom.h"

#define COM1_BASE 0x3f8
#define BASE_MEMORY_KB 640
#define TICKS_PER_DAY 0x1800b0ull
#define NS_PER_DAY 86400000000000ull
#define KBD_BUFFER_OFFSET 0x1e /* from 0x400 */

/* int 11h's word: an x87 (bit 1), 80x25 colour (bits 4-5 = 10b), one
 * serial port (bits 9-11), and the floppy drives (bit 0, count-1 in 6-7). */
static uint16_t equipment_word(unsigned floppies)
{
	uint16_t w = 0x0002 | 0x0020 | 1u << 9;
	if (floppies)
		w |= 0x0001 | (uint16_t)((floppies - 1) & 3) << 6;
	return w;
}

uint32_t bios_ticks_for(uint64_t ns_since_midnight)
{
	uint64_t ns = ns_since_midnight % NS_PER_DAY;
	/* ns * ticks/day / ns/day without overflow: split the product. */
	uint64_t secs = ns / 1000000000ull, frac = ns % 1000000000ull;
	uint64_t ticks = secs * TICKS_PER_DAY / 86400ull + frac * TICKS_PER_DAY / NS_PER_DAY;
	return (uint32_t)(ticks < TICKS_PER_DAY ? ticks : TICKS_PER_DAY - 1);
}

static void write_vectors(struct bios_mem *mem)
{
	for (unsigned v = 0; v < 256; v++)
		bios_poke32(mem, 4ull * v, bios_rom_vector(v));
}

static void write_video_area(struct bios_mem *mem)
{
	bios_poke8(mem, BDA_VIDEO_MODE, 0x03);
	bios_poke16(mem, BDA_VIDEO_COLUMNS, 80);
	bios_poke16(mem, BDA_VIDEO_PAGE_SIZE, 4096);
	bios_poke16(mem, BDA_VIDEO_PAGE_START, 0);
	for (unsigned page = 0; page < 8; page++)
		bios_poke16(mem, BDA_CURSOR_POS + 2 * page, 0);
	bios_poke16(mem, BDA_CURSOR_SHAPE, 0x0607); /* lines 6-7, as CGA counts them */
	bios_poke8(mem, BDA_ACTIVE_PAGE, 0);
	bios_poke16(mem, BDA_CRTC_PORT, 0x3d4);
	bios_poke8(mem, BDA_VIDEO_MODE_CTL, 0x29);
	bios_poke8(mem, BDA_VIDEO_PALETTE, 0x30);
	bios_poke8(mem, BDA_VIDEO_ROWS, 24);
	bios_poke16(mem, BDA_CHAR_HEIGHT, 16);
	bios_poke8(mem, BDA_VIDEO_CTL, 0x60);
	bios_poke8(mem, BDA_VIDEO_SWITCHES, 0xf9);
	bios_poke8(mem, BDA_VGA_FLAGS, 0x51);
	/* A blank page: grey on black spaces, as mode 3 leaves the screen. */
	for (uint64_t a = BIOS_VGA_TEXT_START; a < BIOS_VGA_TEXT_END; a += 2)
		bios_poke16(mem, a, 0x0720);
}

static void write_keyboard_area(struct bios_mem *mem)
{
	bios_poke8(mem, BDA_KBD_FLAGS0, 0);
	bios_poke8(mem, BDA_KBD_FLAGS1, 0);
	bios_poke16(mem, BDA_KBD_HEAD, KBD_BUFFER_OFFSET);
	bios_poke16(mem, BDA_KBD_TAIL, KBD_BUFFER_OFFSET);
	bios_poke16(mem, BDA_KBD_BUF_START, KBD_BUFFER_OFFSET);
	bios_poke16(mem, BDA_KBD_BUF_END, KBD_BUFFER_OFFSET + BDA_KBD_BUFFER_SIZE);
	bios_poke8(mem, BDA_KBD_FLAGS3, 0x10); /* a 101/102-key keyboard */
}

void bios_setup_memory(struct bios_mem *mem, const struct bios_boot_config *cfg)
{
	/* The ROM is read-only for the guest and for the services alike
	 * (bios_poke refuses it): it is copied in directly. */
	if (mem->size >= BIOS_ROM_BASE + BIOS_ROM_SIZE)
		for (uint32_t i = 0; i < BIOS_ROM_SIZE; i++)
			mem->ram[BIOS_ROM_BASE + i] = bios_rom_image[i];
	write_vectors(mem);
	for (uint64_t a = 0x400; a < 0x500; a++)
		bios_poke8(mem, a, 0);
	bios_poke16(mem, BDA_COM_PORTS, COM1_BASE);
	bios_poke16(mem, BDA_EQUIPMENT, equipment_word(cfg->floppies));
	uint64_t kb = cfg->ram_size / 1024;
	bios_poke16(mem, BDA_MEMORY_KB, (uint16_t)(kb < BASE_MEMORY_KB ? kb : BASE_MEMORY_KB));
	write_keyboard_area(mem);
	write_video_area(mem);
	bios_poke32(mem, BDA_TICKS, bios_ticks_for(cfg->ns_since_midnight));
	bios_poke8(mem, BDA_HARD_DISKS, (uint8_t)cfg->hard_disks);
}
