/* SPDX-License-Identifier: MIT */
/* test_guest_layout.c - the guest's bytes against the PC's memory map: the
 * hole at 0xa0000-0xfffff, the setup area, checked range by range and with
 * no guest memory at all (the checks made before KVM is opened). */
#include <elf.h>
#include <stdlib.h>

#include "check.h"
#include "guest_layout.h"

#define MIB (1ull << 20)

struct seg {
	uint32_t paddr, size;
};

/* A minimal ELF32 executable: one PT_LOAD per seg, each filled with 0x90,
 * entry at the start of the last one. */
static struct guest_image elf32(const struct seg *segs, unsigned n)
{
	size_t data = sizeof(Elf32_Ehdr) + n * sizeof(Elf32_Phdr), size = data;
	for (unsigned i = 0; i < n; i++)
		size += segs[i].size;
	uint8_t *d = calloc(1, size);
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC, .e_machine = EM_386, .e_version = EV_CURRENT,
		.e_entry = segs[n - 1].paddr, .e_phoff = sizeof(Elf32_Ehdr),
		.e_ehsize = sizeof(Elf32_Ehdr), .e_phentsize = sizeof(Elf32_Phdr), .e_phnum = (uint16_t)n,
	};
	memcpy(d, &eh, sizeof(eh));
	for (unsigned i = 0; i < n; i++) {
		Elf32_Phdr ph = { .p_type = PT_LOAD, .p_offset = (uint32_t)data, .p_vaddr = segs[i].paddr,
				  .p_paddr = segs[i].paddr, .p_filesz = segs[i].size,
				  .p_memsz = segs[i].size, .p_flags = PF_R | PF_X };
		memcpy(d + sizeof(Elf32_Ehdr) + i * sizeof(Elf32_Phdr), &ph, sizeof(ph));
		memset(d + data, 0x90, segs[i].size);
		data += segs[i].size;
	}
	return (struct guest_image){ .data = d, .size = size, .kind = IMAGE_ELF32, .path = strdup("t.elf") };
}

static struct guest_image flat(size_t size)
{
	uint8_t *d = calloc(1, size);
	return (struct guest_image){ .data = d, .size = size, .kind = IMAGE_FLAT, .path = strdup("t.bin") };
}

static int place(const struct guest_image *img, const struct vm_options *o, uint64_t mem_size,
		 enum guest_mode mode, struct load_result *r, char *err)
{
	err[0] = '\0';
	return guest_layout_place(img, o, mem_size, mode, NULL, r, err, 512);
}

/* One segment below the hole, one above it: no byte in the hole, so it loads. */
static void test_elf_around_the_hole(void)
{
	struct seg segs[] = { { 0x7c00, 0x20 }, { 0x100000, 0x40 } };
	struct guest_image img = elf32(segs, 2);
	struct vm_options o = { 0 };
	struct load_result r;
	char err[512];
	CHECK_EQ(place(&img, &o, 16 * MIB, GUEST_MODE_PROTECTED, &r, err), 0);
	CHECK_STR(err, "");
	CHECK_EQ(r.nranges, 2);
	CHECK_EQ(r.ranges[0].start, 0x7c00);
	CHECK_EQ(r.ranges[1].end, 0x100040);
	CHECK_EQ(r.entry, 0x100000);
	image_free(&img);
}

/* A segment in the hole is named by its number; the advice is the linker
 * script, never --load-addr, which an ELF file cannot take. */
static void test_elf_segment_in_the_hole(void)
{
	struct seg segs[] = { { 0x7c00, 0x20 }, { 0x9f000, 0x2000 } };
	struct guest_image img = elf32(segs, 2);
	struct vm_options o = { 0 };
	struct load_result r;
	char err[512];
	CHECK(place(&img, &o, 16 * MIB, GUEST_MODE_PROTECTED, &r, err) != 0);
	CHECK_CONTAINS(err, "t.elf: segment 1 (0x9f000-0xa0fff) lies in the PC memory hole");
	CHECK_CONTAINS(err, "linker script");
	CHECK(!strstr(err, "--load-addr"));
	image_free(&img);
}

static void test_flat_in_the_hole(void)
{
	struct guest_image img = flat(512);
	struct vm_options o = { .has_load_addr = true, .load_addr = 0x9ff00 };
	struct load_result r;
	char err[512];
	CHECK(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err) != 0);
	CHECK_CONTAINS(err, "t.bin: the guest image (0x9ff00-0xa00ff) overlaps the PC memory hole");
	CHECK_CONTAINS(err, "--load-addr");
	o.load_addr = 0x9fe00; /* ends at the hole: fine */
	CHECK_EQ(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err), 0);
	o.load_addr = 0x100000; /* starts where it ends: fine */
	CHECK_EQ(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err), 0);
	image_free(&img);
}

/* --entry in the hole would start the vCPU where there is no RAM: refused,
 * with the hole's first and last byte and its neighbours as the edges. */
static void test_entry_in_the_hole(void)
{
	struct guest_image img = flat(512);
	struct vm_options o = { .has_entry = true };
	struct load_result r;
	char err[512];
	static const uint64_t bad[] = { 0xa0000, 0xb8000, 0xfffff };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o.entry = bad[i];
		CHECK(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err) != 0);
		CHECK_CONTAINS(err, "lies in the PC memory hole");
		CHECK_CONTAINS(err, "--entry");
	}
	CHECK_CONTAINS(err, "entry 0xfffff lies in");
	o.entry = 0x9ffff;
	CHECK_EQ(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err), 0);
	o.entry = 0x100000;
	CHECK_EQ(place(&img, &o, 16 * MIB, GUEST_MODE_REAL, &r, err), 0);
	image_free(&img);
	struct seg segs[] = { { 0x100000, 0x40 } }; /* an ELF's --entry too */
	img = elf32(segs, 1);
	o.entry = 0xa0000;
	CHECK(place(&img, &o, 16 * MIB, GUEST_MODE_PROTECTED, &r, err) != 0);
	CHECK_CONTAINS(err, "t.elf: entry 0xa0000 lies in the PC memory hole");
	image_free(&img);
}

static void test_setup_area_and_mode(void)
{
	struct seg top[] = { { 0x1e8000, 0x10000 } }; /* into the top 64 KiB of 2 MiB */
	struct guest_image img = elf32(top, 1);
	struct vm_options o = { 0 };
	struct load_result r;
	char err[512];
	CHECK(place(&img, &o, 2 * MIB, GUEST_MODE_PROTECTED, &r, err) != 0);
	CHECK_CONTAINS(err, "overlaps the GDT and page tables kvm-tui puts at 0x1f0000");
	CHECK_EQ(place(&img, &o, 4 * MIB, GUEST_MODE_PROTECTED, &r, err), 0);
	image_free(&img);
	img = flat(512);
	CHECK(place(&img, &o, MIB, GUEST_MODE_LONG, &r, err) != 0);
	CHECK_CONTAINS(err, "long mode needs at least 2 MiB");
	image_free(&img);
}

int main(void)
{
	test_elf_around_the_hole();
	test_elf_segment_in_the_hole();
	test_flat_in_the_hole();
	test_entry_in_the_hole();
	test_setup_area_and_mode();
	return check_done();
}
