/* SPDX-License-Identifier: MIT */
/* guest_memory.c - anonymous host memory handed to KVM as guest RAM. */
#include "guest_memory.h"

#include <errno.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "kvm_device.h"

int guest_memory_alloc(struct guest_memory *gm, uint64_t size, char *err, size_t errlen)
{
	/* NORESERVE: a 1 GiB guest that touches 1 MiB costs 1 MiB. */
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, "cannot allocate %llu MiB of guest memory: %s",
			 (unsigned long long)(size >> 20), strerror(errno));
		return -1;
	}
	gm->host = p;
	gm->size = size;
	return 0;
}

static int map_slot_flags(int vm_fd, uint32_t slot, uint64_t gpa, uint64_t len, uint8_t *host,
			  uint32_t flags, char *err, size_t errlen)
{
	struct kvm_userspace_memory_region region = {
		.slot = slot,
		.flags = flags,
		.guest_phys_addr = gpa,
		.memory_size = len,
		.userspace_addr = (uint64_t)(uintptr_t)host,
	};
	if (kvm_ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0) {
		snprintf(err, errlen, "KVM_SET_USER_MEMORY_REGION (slot %u, %llu KiB): %s", slot,
			 (unsigned long long)(len >> 10), strerror(errno));
		return -1;
	}
	return 0;
}

static int map_slot(int vm_fd, uint32_t slot, uint64_t gpa, uint64_t len, uint8_t *host,
		    char *err, size_t errlen)
{
	return map_slot_flags(vm_fd, slot, gpa, len, host, 0, err, errlen);
}

int guest_memory_map(const struct guest_memory *gm, int vm_fd, char *err, size_t errlen)
{
	uint64_t low = gm->size < GUEST_HOLE_START ? gm->size : GUEST_HOLE_START;
	if (map_slot(vm_fd, 0, 0, low, gm->host, err, errlen))
		return -1;
	if (gm->size > GUEST_HOLE_END &&
	    map_slot(vm_fd, 1, GUEST_HOLE_END, gm->size - GUEST_HOLE_END,
		     gm->host + GUEST_HOLE_END, err, errlen))
		return -1;
	return 0;
}

int guest_memory_map_bios(const struct guest_memory *gm, int vm_fd, char *err, size_t errlen)
{
	if (gm->size < GUEST_BIOS_MIN_MEM) {
		snprintf(err, errlen, "the BIOS needs at least 1 MiB of guest memory (--mem 1M, or --no-bios)");
		return -1;
	}
	if (map_slot_flags(vm_fd, GUEST_VGA_SLOT, GUEST_VGA_START, GUEST_VGA_SIZE, gm->host + GUEST_VGA_START,
			   KVM_MEM_LOG_DIRTY_PAGES, err, errlen) ||
	    map_slot_flags(vm_fd, GUEST_ROM_SLOT, GUEST_ROM_START, GUEST_ROM_SIZE, gm->host + GUEST_ROM_START,
			   KVM_MEM_READONLY, err, errlen))
		return -1;
	return 0;
}

int guest_memory_vga_dirty(int vm_fd, uint64_t *pages)
{
	uint64_t bitmap = 0; /* 8 pages: one word is KVM's smallest bitmap */
	struct kvm_dirty_log log = { .slot = GUEST_VGA_SLOT, .dirty_bitmap = &bitmap };
	if (kvm_ioctl(vm_fd, KVM_GET_DIRTY_LOG, &log) < 0)
		return -1;
	*pages = bitmap;
	return 0;
}

void guest_memory_free(struct guest_memory *gm)
{
	if (gm->host)
		munmap(gm->host, gm->size);
	gm->host = NULL;
	gm->size = 0;
}

bool guest_memory_is_ram(const struct guest_memory *gm, uint64_t addr, uint64_t len)
{
	if (len == 0 || addr + len < addr || addr + len > gm->size)
		return false;
	return addr + len <= GUEST_HOLE_START || addr >= GUEST_HOLE_END;
}

/* What a debugger may read: RAM, and with the BIOS its VGA text memory and
 * ROM; the rest of the hole is nothing (an MMIO access), as is past the end. */
static bool readable_at(const struct guest_memory *gm, bool bios, uint64_t addr)
{
	if (addr >= gm->size)
		return false;
	if (addr < GUEST_HOLE_START || addr >= GUEST_HOLE_END)
		return true;
	return bios && ((addr >= GUEST_VGA_START && addr < GUEST_VGA_START + GUEST_VGA_SIZE) ||
			addr >= GUEST_ROM_START);
}

/* The end of the region addr lies in (the next boundary where readability may change). */
static uint64_t region_end(const struct guest_memory *gm, uint64_t addr)
{
	static const uint64_t edges[] = { GUEST_HOLE_START, GUEST_VGA_START, GUEST_VGA_START + GUEST_VGA_SIZE,
					  GUEST_ROM_START, GUEST_HOLE_END };
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		if (addr < edges[i])
			return edges[i] < gm->size ? edges[i] : gm->size;
	return gm->size;
}

size_t guest_memory_read(const struct guest_memory *gm, bool bios, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	while (done < len && gm->host && readable_at(gm, bios, addr + done)) {
		uint64_t at = addr + done;
		uint64_t end = region_end(gm, at);
		size_t n = end - at < len - done ? (size_t)(end - at) : len - done;
		memcpy((uint8_t *)buf + done, gm->host + at, n);
		done += n;
	}
	return done;
}
