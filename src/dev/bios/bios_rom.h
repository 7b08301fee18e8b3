/* SPDX-License-Identifier: MIT */
/* bios_rom.h - the ROM image (src/bios/bios.S, built into kvm-tui) and what
 * its header says: where each interrupt vector points, and which stub is
 * which service (the trap table). */
#ifndef KVMTUI_BIOS_ROM_H
#define KVMTUI_BIOS_ROM_H

#include <stdbool.h>
#include <stdint.h>

#define BIOS_ROM_SIZE 0x10000u
#define BIOS_ROM_SEGMENT 0xf000u
#define BIOS_ROM_BASE 0xf0000u
/* The diskette parameter table, where every PC BIOS keeps it (bios.ld
 * places the ROM's .dpt section there; int 1Eh's vector points to it, and
 * int 13h 08h returns it in ES:DI for a floppy). */
#define BIOS_DPT_SEGMENT 0xf000u
#define BIOS_DPT_OFFSET 0xefc7u

extern const uint8_t bios_rom_image[BIOS_ROM_SIZE];

enum bios_trap_kind {
	BIOS_TRAP_SERVICE = 0, /* INT nn from the guest: the caller's FLAGS are on the stack */
	BIOS_TRAP_IRQ = 1,     /* an interrupt handler's work (INT 9's key) */
};

struct bios_trap {
	uint16_t site;   /* F000:site is the instruction after the stub's OUT */
	uint8_t vector;
	uint8_t kind;    /* enum bios_trap_kind */
};

/* Whether the image's header is what this kvm-tui expects (a unit test
 * checks the build's image). */
bool bios_rom_valid(void);
/* The vector table's entry for vector v as a real-mode far pointer
 * (segment << 16 | offset); 0 for a null pointer. */
uint32_t bios_rom_vector(unsigned v);
/* The trap whose OUT ends just before F000:ip; false if none (a guest's
 * own OUT to the trap port, or one outside the ROM). */
bool bios_rom_trap_at(uint16_t ip, struct bios_trap *out);

#endif
