/* SPDX-License-Identifier: MIT */
/* bios_mem.h - guest memory as the BIOS services see it: real-mode
 * addresses into RAM the vmm lends them, every access bounds-checked (a
 * guest hands the BIOS any pointer it likes; none may reach host memory).
 * The PC's hole at 0xA0000-0xFFFFF holds only VGA text memory (0xB8000,
 * 32 KiB, RAM) and the ROM (0xF0000, read-only): reads elsewhere outside
 * RAM give all ones and writes there, or to the ROM, are dropped, as on a
 * bus with nothing behind it. */
#ifndef KVMTUI_BIOS_MEM_H
#define KVMTUI_BIOS_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct bios_mem {
	uint8_t *ram;  /* guest physical 0 at ram[0] */
	uint64_t size; /* bytes the BIOS may touch, the ROM and VGA text memory included */
};

/* seg:off as the CPU forms it in real mode with A20 on (up to 0x10ffef). */
static inline uint64_t bios_linear(uint16_t seg, uint16_t off)
{
	return ((uint64_t)seg << 4) + off;
}

#define BIOS_VGA_TEXT_START 0xb8000ull
#define BIOS_VGA_TEXT_END 0xc0000ull
#define BIOS_ROM_START 0xf0000ull
#define BIOS_ROM_END 0x100000ull
#define BIOS_HOLE_START 0xa0000ull

static inline bool bios_span_overlaps(uint64_t addr, uint64_t len, uint64_t start, uint64_t end)
{
	return len > 0 && addr < end && (addr >= start || start - addr < len);
}

/* Is [addr, addr+len) guest memory the BIOS may read? */
static inline bool bios_mem_ok(const struct bios_mem *m, uint64_t addr, uint64_t len)
{
	if (addr > m->size || len > m->size - addr)
		return false;
	return !bios_span_overlaps(addr, len, BIOS_HOLE_START, BIOS_VGA_TEXT_START) &&
	       !bios_span_overlaps(addr, len, BIOS_VGA_TEXT_END, BIOS_ROM_START);
}

/* ... and write: not the ROM either. */
static inline bool bios_mem_writable(const struct bios_mem *m, uint64_t addr, uint64_t len)
{
	return bios_mem_ok(m, addr, len) && !bios_span_overlaps(addr, len, BIOS_ROM_START, BIOS_ROM_END);
}

static inline uint8_t bios_peek8(const struct bios_mem *m, uint64_t addr)
{
	return bios_mem_ok(m, addr, 1) ? m->ram[addr] : 0xff;
}

static inline uint16_t bios_peek16(const struct bios_mem *m, uint64_t addr)
{
	return (uint16_t)(bios_peek8(m, addr) | bios_peek8(m, addr + 1) << 8);
}

static inline uint32_t bios_peek32(const struct bios_mem *m, uint64_t addr)
{
	return (uint32_t)bios_peek16(m, addr) | (uint32_t)bios_peek16(m, addr + 2) << 16;
}

static inline void bios_poke8(struct bios_mem *m, uint64_t addr, uint8_t v)
{
	if (bios_mem_writable(m, addr, 1))
		m->ram[addr] = v;
}

static inline void bios_poke16(struct bios_mem *m, uint64_t addr, uint16_t v)
{
	bios_poke8(m, addr, (uint8_t)v);
	bios_poke8(m, addr + 1, (uint8_t)(v >> 8));
}

static inline void bios_poke32(struct bios_mem *m, uint64_t addr, uint32_t v)
{
	bios_poke16(m, addr, (uint16_t)v);
	bios_poke16(m, addr + 2, (uint16_t)(v >> 16));
}

/* Whole buffers: false (nothing copied) if any byte is outside RAM. */
static inline bool bios_mem_read(const struct bios_mem *m, uint64_t addr, void *dst, size_t len)
{
	if (!bios_mem_ok(m, addr, len))
		return false;
	memcpy(dst, m->ram + addr, len);
	return true;
}

static inline bool bios_mem_write(struct bios_mem *m, uint64_t addr, const void *src, size_t len)
{
	if (!bios_mem_writable(m, addr, len))
		return false;
	memcpy(m->ram + addr, src, len);
	return true;
}

#endif
