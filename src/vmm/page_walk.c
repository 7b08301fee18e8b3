/* SPDX-License-Identifier: MIT */
/* page_walk.c - the guest's page tables, walked in software (page_walk.h). */
#include "page_walk.h"

#include <stdbool.h>

#define CR0_PE (1ull << 0)
#define CR0_PG (1ull << 31)
#define CR4_PSE (1ull << 4)
#define CR4_PAE (1ull << 5)
#define CR4_LA57 (1ull << 12)
#define EFER_LMA (1ull << 10)

#define PTE_P (1ull << 0)
#define PTE_PS (1ull << 7)
#define ADDR_MASK 0x000ffffffffff000ull /* bits 51:12 of a 64-bit entry */

int page_walk_enabled(const struct cpu_state *cpu)
{
	return (cpu->cr0 & CR0_PG) && (cpu->cr0 & CR0_PE);
}

static enum page_walk_result read_entry(phys_reader read, void *ctx, uint64_t addr, unsigned size,
					uint64_t *entry)
{
	uint8_t b[8] = { 0 };
	if (read(ctx, addr, b, size) != size)
		return WALK_NO_TABLE;
	*entry = 0;
	for (unsigned i = 0; i < size; i++)
		*entry |= (uint64_t)b[i] << (8 * i);
	return (*entry & PTE_P) ? WALK_OK : WALK_NOT_PRESENT;
}

static void finish(uint64_t linear, uint64_t base, unsigned page_bits, uint64_t *phys, uint64_t *page_end)
{
	uint64_t mask = (1ull << page_bits) - 1;
	*phys = (base & ~mask) + (linear & mask);
	*page_end = (linear | mask) + 1;
}

/* 32-bit paging: two levels of 1024 four-byte entries. */
static enum page_walk_result walk32(const struct cpu_state *cpu, uint64_t linear, phys_reader read, void *ctx,
				    uint64_t *phys, uint64_t *page_end)
{
	uint64_t pde, pte;
	linear &= 0xffffffffull;
	enum page_walk_result r = read_entry(read, ctx, (cpu->cr3 & 0xfffff000ull) + (linear >> 22) * 4, 4, &pde);
	if (r != WALK_OK)
		return r;
	if ((pde & PTE_PS) && (cpu->cr4 & CR4_PSE)) {
		/* A 4 MiB page: bits 31:22 and, with PSE-36, 39:32 from bits 20:13. */
		uint64_t base = (pde & 0xffc00000ull) | ((pde >> 13) & 0xffull) << 32;
		finish(linear, base, 22, phys, page_end);
		return WALK_OK;
	}
	r = read_entry(read, ctx, (pde & 0xfffff000ull) + ((linear >> 12) & 0x3ff) * 4, 4, &pte);
	if (r != WALK_OK)
		return r;
	finish(linear, pte & 0xfffff000ull, 12, phys, page_end);
	return WALK_OK;
}

/* PAE and long mode: levels of 512 eight-byte entries, the top one found
 * from CR3 (PAE's four-entry PDPT sits at CR3 bits 31:5). */
static enum page_walk_result walk64(const struct cpu_state *cpu, uint64_t linear, phys_reader read, void *ctx,
				    uint64_t *phys, uint64_t *page_end)
{
	bool lma = cpu->efer & EFER_LMA;
	int levels = !lma ? 3 : (cpu->cr4 & CR4_LA57) ? 5 : 4;
	if (!lma)
		linear &= 0xffffffffull;
	uint64_t table = lma ? cpu->cr3 & ADDR_MASK : cpu->cr3 & 0xffffffe0ull;
	for (int level = levels; level >= 1; level--) {
		unsigned shift = 12 + 9 * (unsigned)(level - 1);
		uint64_t index = (linear >> shift) & (!lma && level == 3 ? 3 : 511);
		uint64_t entry;
		enum page_walk_result r = read_entry(read, ctx, table + index * 8, 8, &entry);
		if (r != WALK_OK)
			return r;
		/* PS means a large page at the PD (2 MiB) and, in long mode, the PDPT (1 GiB). */
		bool large = (entry & PTE_PS) && (level == 2 || (level == 3 && lma));
		if (large || level == 1) {
			finish(linear, entry & ADDR_MASK, shift, phys, page_end);
			return WALK_OK;
		}
		table = entry & ADDR_MASK;
	}
	return WALK_NOT_PRESENT; /* not reached: level 1 always finishes */
}

enum page_walk_result page_walk(const struct cpu_state *cpu, uint64_t linear, phys_reader read, void *ctx,
				uint64_t *phys, uint64_t *page_end)
{
	if (!page_walk_enabled(cpu)) {
		*phys = linear;
		*page_end = (linear | 0xfffull) + 1;
		return WALK_OK;
	}
	if ((cpu->cr4 & CR4_PAE) || (cpu->efer & EFER_LMA))
		return walk64(cpu, linear, read, ctx, phys, page_end);
	return walk32(cpu, linear, read, ctx, phys, page_end);
}
