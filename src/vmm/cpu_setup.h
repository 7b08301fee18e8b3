/* SPDX-License-Identifier: MIT */
/* cpu_setup.h - the vCPU's first registers for each start mode.
 *
 * real:      CS:IP from the entry, flat 64 KiB segments, like a boot loader.
 * protected: flat 32-bit code/data segments from a GDT kvm-tui writes.
 * paged:     protected + 32-bit paging (4 MiB pages) identity-mapping 4 GiB.
 * long:      64-bit code, 4-level page tables identity-mapping 4 GiB (2 MiB pages).
 * The GDT and page tables live in the top 64 KiB of guest RAM (the setup
 * area); the stack starts just below it.
 */
#ifndef KVMTUI_CPU_SETUP_H
#define KVMTUI_CPU_SETUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest_memory.h"
#include "vm.h"

#define SETUP_AREA_SIZE 0x10000ull
#define SETUP_MIN_MEM (2ull << 20) /* the setup area must sit above the 1 MiB hole */

/* Where the setup area starts, or 0 if the mode needs none (real mode). */
uint64_t cpu_setup_area(uint64_t mem_size, enum guest_mode mode);

struct cpu_start {
	enum guest_mode mode;
	uint64_t entry;      /* linear */
	bool boot_sector;    /* DL = 0x80, SP = 0x7c00 */
	bool bios;           /* started by the BIOS: DL = boot_drive, interrupts on */
	uint8_t boot_drive;
};

int cpu_setup(int kvm_fd, int vcpu_fd, struct guest_memory *gm, const struct cpu_start *start,
	      char *err, size_t errlen);

#endif
