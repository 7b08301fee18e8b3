/* SPDX-License-Identifier: MIT */
/* guest_memory.h - guest RAM and how it is shown to KVM.
 *
 * Like a PC, RAM has a hole at 0xA0000-0xFFFFF (VGA memory and BIOS ROM on
 * real hardware). Nothing backs it here, so a guest touching it makes MMIO
 * exits: the mmio guest's lesson. */
#ifndef KVMTUI_GUEST_MEMORY_H
#define KVMTUI_GUEST_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GUEST_HOLE_START 0xA0000ull
#define GUEST_HOLE_END 0x100000ull

struct guest_memory {
	uint8_t *host;   /* mem_size bytes, guest physical 0 at host[0] */
	uint64_t size;
};

/* With the BIOS, the hole holds two slots more: VGA text memory at
 * 0xB8000 (RAM whose writes KVM logs, so the screen is redrawn only when it
 * changed) and the ROM at 0xF0000 (read-only: a guest write is an MMIO exit
 * that changes nothing). Both use the same host memory as RAM, at the same
 * offsets; the rest of the hole stays unbacked. */
#define GUEST_VGA_SLOT 2
#define GUEST_ROM_SLOT 3
#define GUEST_VGA_START 0xb8000ull
#define GUEST_VGA_SIZE 0x8000ull
#define GUEST_ROM_START 0xf0000ull
#define GUEST_ROM_SIZE 0x10000ull
#define GUEST_BIOS_MIN_MEM GUEST_HOLE_END /* the ROM is inside the first MiB */

int guest_memory_alloc(struct guest_memory *gm, uint64_t size, char *err, size_t errlen);
/* Registers RAM around the hole with the VM (slots 0 and 1). */
int guest_memory_map(const struct guest_memory *gm, int vm_fd, char *err, size_t errlen);
/* The two slots above; the memory must span the first MiB. */
int guest_memory_map_bios(const struct guest_memory *gm, int vm_fd, char *err, size_t errlen);
/* VGA text pages written since the last call, bit n for page n. 0 or -1. */
int guest_memory_vga_dirty(int vm_fd, uint64_t *pages);
void guest_memory_free(struct guest_memory *gm);
/* Is [addr, addr+len) backed by RAM that the guest can see? */
bool guest_memory_is_ram(const struct guest_memory *gm, uint64_t addr, uint64_t len);
/* Copies guest-physical bytes from addr for a debugger's eyes: how many
 * from the start could be read (RAM; with bios, VGA text memory and the
 * ROM too; not the rest of the hole, nor past the end). */
size_t guest_memory_read(const struct guest_memory *gm, bool bios, uint64_t addr, void *buf, size_t len);

#endif
