/* SPDX-License-Identifier: MIT */
/* test_page_walk.c - linear to physical through hand-made page tables of
 * each format: 32-bit (4 KiB, 4 MiB), PAE (4 KiB, 2 MiB), long mode 4- and
 * 5-level (4 KiB, 2 MiB, 1 GiB); absent entries and tables outside memory. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "page_walk.h"

#define MEM (4u << 20)
static uint8_t *mem;

static size_t rd(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	if (addr >= MEM)
		return 0;
	size_t n = addr + len > MEM ? MEM - addr : len;
	memcpy(buf, mem + addr, n);
	return n;
}

static void put32(uint64_t at, uint32_t v)
{
	memcpy(mem + at, &v, 4);
}

static void put64(uint64_t at, uint64_t v)
{
	memcpy(mem + at, &v, 8);
}

static struct cpu_state paged(uint64_t cr3, uint64_t cr4, uint64_t efer)
{
	struct cpu_state c;
	memset(&c, 0, sizeof(c));
	c.cr0 = 0x80000001; /* PG | PE */
	c.cr3 = cr3;
	c.cr4 = cr4;
	c.efer = efer;
	return c;
}

static void test_no_paging(void)
{
	struct cpu_state c;
	memset(&c, 0, sizeof(c));
	uint64_t phys = 0, end = 0;
	CHECK_EQ(page_walk(&c, 0x7c05, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x7c05);
	CHECK_EQ(end, 0x8000);
	c.cr0 = 1; /* protected, unpaged */
	CHECK(!page_walk_enabled(&c));
	c.cr0 = 0x80000000; /* PG without PE cannot be: not paging */
	CHECK(!page_walk_enabled(&c));
}

static void test_32bit(void)
{
	memset(mem, 0, MEM);
	/* PD at 0x1000; PDE 1 -> PT at 0x2000; PTE 3 -> page 0x300000 */
	put32(0x1000 + 1 * 4, 0x2000 | 1);
	put32(0x2000 + 3 * 4, 0x300000 | 3);
	/* PDE 2: a 4 MiB page at 0x00c00000 */
	put32(0x1000 + 2 * 4, 0x00c00000 | 0x80 | 1);
	struct cpu_state c = paged(0x1000, 0, 0);
	uint64_t phys, end;
	CHECK_EQ(page_walk(&c, 0x403123, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x300123);
	CHECK_EQ(end, 0x404000);
	/* PS ignored without CR4.PSE: the entry points at a page table */
	CHECK_EQ(page_walk(&c, 0x812345, rd, NULL, &phys, &end), WALK_NO_TABLE);
	c.cr4 = 0x10; /* PSE */
	CHECK_EQ(page_walk(&c, 0x812345, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0xc12345);
	CHECK_EQ(end, 0xc00000);
	CHECK_EQ(page_walk(&c, 0x404000, rd, NULL, &phys, &end), WALK_NOT_PRESENT); /* PTE 4 absent */
	CHECK_EQ(page_walk(&c, 0x1000000, rd, NULL, &phys, &end), WALK_NOT_PRESENT); /* PDE 4 absent */
}

static void test_pae(void)
{
	memset(mem, 0, MEM);
	/* PDPT at 0x1020 (32-byte aligned); entry 1 -> PD 0x2000; PDE 0 -> PT 0x3000; PTE 5 -> 0x250000 */
	put64(0x1020 + 8, 0x2000 | 1);
	put64(0x2000, 0x3000 | 1);
	put64(0x3000 + 5 * 8, 0x250000 | 1);
	put64(0x2000 + 8, 0x200000 | 0x80 | 1); /* PDE 1: a 2 MiB page */
	struct cpu_state c = paged(0x1020, 0x20, 0);
	uint64_t phys, end;
	CHECK_EQ(page_walk(&c, 0x40005abc, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x250abc);
	CHECK_EQ(page_walk(&c, 0x40212345, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x212345);
	CHECK_EQ(end, 0x40400000);
	CHECK_EQ(page_walk(&c, 0x5000, rd, NULL, &phys, &end), WALK_NOT_PRESENT); /* PDPT entry 0 */
}

static void test_long(void)
{
	memset(mem, 0, MEM);
	/* PML4 0x1000 -> PDPT 0x2000 -> PD 0x3000 -> PT 0x4000 */
	put64(0x1000, 0x2000 | 3);
	put64(0x2000, 0x3000 | 3);
	put64(0x3000, 0x4000 | 3);
	put64(0x4000 + 7 * 8, 0x123000 | 3);
	put64(0x3000 + 1 * 8, 0x200000 | 0x83); /* 2 MiB */
	put64(0x2000 + 1 * 8, 0x40000000 | 0x83); /* 1 GiB */
	struct cpu_state c = paged(0x1000, 0x20, 0x500); /* PAE, LME|LMA */
	uint64_t phys, end;
	CHECK_EQ(page_walk(&c, 0x7010, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x123010);
	CHECK_EQ(page_walk(&c, 0x2abcde, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x2abcde);
	CHECK_EQ(page_walk(&c, 0x40001234, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x40001234);
	CHECK_EQ(end, 0x80000000);
	/* a high canonical address uses PML4 entry 256: absent */
	CHECK_EQ(page_walk(&c, 0xffff800000000000ull, rd, NULL, &phys, &end), WALK_NOT_PRESENT);
	/* a table past the end of memory */
	put64(0x1000 + 8, 0x7000000 | 3);
	CHECK_EQ(page_walk(&c, 0x8000000000ull, rd, NULL, &phys, &end), WALK_NO_TABLE);
	/* 5-level: one more table above */
	memset(mem + 0x5000, 0, 0x1000);
	put64(0x5000, 0x1000 | 3);
	c.cr3 = 0x5000;
	c.cr4 |= 1u << 12;
	CHECK_EQ(page_walk(&c, 0x7010, rd, NULL, &phys, &end), WALK_OK);
	CHECK_EQ(phys, 0x123010);
}

int main(void)
{
	mem = calloc(1, MEM);
	test_no_paging();
	test_32bit();
	test_pae();
	test_long();
	free(mem);
	return check_done();
}
