/* SPDX-License-Identifier: MIT */
/* bios_rom.c - reading the ROM's header: the vector table and the trap table. */
#include "bios_rom.h"

#include <string.h>

#define HDR_SIGNATURE "KVMTUI-BIOS"
#define HDR_LAYOUT 12      /* word: the header's layout version */
#define HDR_VECTORS 14     /* word: offset of 256 words */
#define HDR_TRAPS 16       /* word: offset of the trap table */
#define HDR_TRAP_COUNT 18  /* word */
#define HDR_LEN 20
#define TRAP_ENTRY 4

static uint16_t rom_word(uint32_t off)
{
	if (off + 1 >= BIOS_ROM_SIZE)
		return 0;
	return (uint16_t)(bios_rom_image[off] | bios_rom_image[off + 1] << 8);
}

bool bios_rom_valid(void)
{
	uint32_t vectors = rom_word(HDR_VECTORS), traps = rom_word(HDR_TRAPS);
	uint32_t count = rom_word(HDR_TRAP_COUNT);
	return memcmp(bios_rom_image, HDR_SIGNATURE, sizeof HDR_SIGNATURE) == 0 &&
	       rom_word(HDR_LAYOUT) == 1 && vectors >= HDR_LEN && vectors + 512 <= BIOS_ROM_SIZE &&
	       count > 0 && traps + count * TRAP_ENTRY <= BIOS_ROM_SIZE;
}

uint32_t bios_rom_vector(unsigned v)
{
	if (v > 0xff)
		return 0;
	uint16_t off = rom_word(rom_word(HDR_VECTORS) + 2u * v);
	return off ? (uint32_t)BIOS_ROM_SEGMENT << 16 | off : 0;
}

bool bios_rom_trap_at(uint16_t ip, struct bios_trap *out)
{
	uint32_t traps = rom_word(HDR_TRAPS), count = rom_word(HDR_TRAP_COUNT);
	for (uint32_t i = 0; i < count; i++) {
		uint32_t e = traps + i * TRAP_ENTRY;
		if (rom_word(e) != ip || e + 3 >= BIOS_ROM_SIZE)
			continue;
		*out = (struct bios_trap){ .site = ip, .vector = bios_rom_image[e + 2],
					   .kind = bios_rom_image[e + 3] };
		return true;
	}
	return false;
}
