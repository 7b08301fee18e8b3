/* SPDX-License-Identifier: MIT */
/* test_guest_memory.c - the RAM map with its PC hole, and the setup area. */
#include "check.h"
#include "cpu_setup.h"
#include "guest_memory.h"

int main(void)
{
	struct guest_memory gm;
	char err[256];
	CHECK_EQ(guest_memory_alloc(&gm, 16ull << 20, err, sizeof(err)), 0);
	CHECK(guest_memory_is_ram(&gm, 0, 512));
	CHECK(guest_memory_is_ram(&gm, 0x7c00, 512));
	CHECK(guest_memory_is_ram(&gm, 0x9ff00, 0x100));
	CHECK(!guest_memory_is_ram(&gm, 0x9ff00, 0x101));  /* runs into the hole */
	CHECK(!guest_memory_is_ram(&gm, 0xb8000, 2));      /* VGA memory: MMIO */
	CHECK(!guest_memory_is_ram(&gm, 0xffff0, 16));     /* reset vector: MMIO */
	CHECK(guest_memory_is_ram(&gm, 0x100000, 4096));
	CHECK(!guest_memory_is_ram(&gm, (16ull << 20) - 1, 2)); /* past the end */
	CHECK(!guest_memory_is_ram(&gm, UINT64_MAX, 2));        /* wraps */
	CHECK(!guest_memory_is_ram(&gm, 0, 0));
	gm.host[0] = 0xf4; /* the memory is really there and writable */
	guest_memory_free(&gm);
	CHECK(gm.host == NULL);

	CHECK_EQ(cpu_setup_area(16ull << 20, GUEST_MODE_REAL), 0);
	CHECK_EQ(cpu_setup_area(16ull << 20, GUEST_MODE_LONG), (16ull << 20) - SETUP_AREA_SIZE);
	CHECK_EQ(cpu_setup_area(16ull << 20, GUEST_MODE_PROTECTED), (16ull << 20) - SETUP_AREA_SIZE);
	CHECK(SETUP_MIN_MEM - SETUP_AREA_SIZE >= GUEST_HOLE_END); /* above the hole */
	return check_done();
}
