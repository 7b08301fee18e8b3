/* SPDX-License-Identifier: MIT */
/* bios_setup.h - guest memory as a PC BIOS leaves it when it boots a disk:
 * the ROM at 0xF0000, the interrupt vector table pointing into it, the
 * BIOS data area, a blank 80x25 text screen. kvm-tui runs no power-on self
 * test: this is written before the first instruction, at every start and
 * reset. */
#ifndef KVMTUI_BIOS_SETUP_H
#define KVMTUI_BIOS_SETUP_H

#include <stdint.h>

#include "bios_mem.h"

struct bios_boot_config {
	uint64_t ram_size;        /* the guest's RAM, bytes */
	unsigned floppies;        /* drives 00h, 01h */
	unsigned hard_disks;      /* drives 80h, 81h */
	uint64_t ns_since_midnight; /* local time: the tick count starts there */
};

/* mem must span the ROM (1 MiB at least). */
void bios_setup_memory(struct bios_mem *mem, const struct bios_boot_config *cfg);

/* Timer ticks (18.2 a second, 0x1800B0 a day) for a time of day. */
uint32_t bios_ticks_for(uint64_t ns_since_midnight);

#endif
