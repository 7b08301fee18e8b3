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

int guest_memory_alloc(struct guest_memory *gm, uint64_t size, char *err, size_t errlen);
/* Registers RAM around the hole with the VM (slots 0 and 1). */
int guest_memory_map(const struct guest_memory *gm, int vm_fd, char *err, size_t errlen);
void guest_memory_free(struct guest_memory *gm);
/* Is [addr, addr+len) backed by RAM that the guest can see? */
bool guest_memory_is_ram(const struct guest_memory *gm, uint64_t addr, uint64_t len);

#endif
