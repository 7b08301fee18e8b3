/* SPDX-License-Identifier: MIT */
/* fuzz_loader.c - the guest loaders: flat binaries, boot sectors, disk
 * images and ELF32/ELF64 executables (src/vmm/image.c, image_place.c,
 * elf_loader.c) and the PC memory map check (guest_layout.c).
 *
 * A guest image is the first untrusted file kvm-tui reads, and the loader
 * copies it into guest memory at addresses the file itself names (ELF
 * p_paddr, p_offset, p_filesz, p_memsz, e_entry). The input is a few bytes
 * of options (--load-addr, --entry, --mem, --mode: see LLVMFuzzerTestOneInput)
 * and then the image. It
 * goes through image_read from a file (as kvm-tui reads it), then
 * image_place into real memory and guest_layout_place as vm.c and
 * machine.c call it. What must hold besides the sanitizers: a placement
 * that succeeds keeps every range and the entry inside the memory, and
 * every byte it wrote there is the image's (or zero for bss); one that
 * fails leaves the memory untouched and says why.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "guest_layout.h"
#include "loader.h"

/* Real memory for placements up to this size; larger --mem values are
 * checked without memory (mem NULL), as vm.c checks before KVM. */
#define MEM_MAX (2u << 20)
static const uint64_t mem_sizes[] = {
	64 << 10, 512 << 10, 1 << 20, 0x110000, MEM_MAX, 16ull << 20, 1ull << 30, 64ull << 30,
};
#define SENTINEL 0xa5

static uint8_t *mem, *pristine;

static enum guest_mode resolve(enum guest_mode mode, enum image_kind kind)
{
	if (mode != GUEST_MODE_AUTO)
		return mode;
	return kind == IMAGE_ELF32 ? GUEST_MODE_PROTECTED : kind == IMAGE_ELF64 ? GUEST_MODE_LONG
										  : GUEST_MODE_REAL;
}

/* Every range and the entry inside the memory, each range inside the
 * lowest..highest span the result reports. */
static void check_ranges(const struct load_result *r, uint64_t mem_size)
{
	if (r->nranges == 0 || r->nranges > LOAD_MAX_RANGES)
		fuzz_fail("%u ranges", r->nranges);
	for (unsigned i = 0; i < r->nranges; i++) {
		const struct load_range *g = &r->ranges[i];
		if (g->start >= g->end || g->end > mem_size)
			fuzz_fail("range %u 0x%llx-0x%llx in %llu bytes", i, (unsigned long long)g->start,
				  (unsigned long long)g->end, (unsigned long long)mem_size);
		if (g->start < r->lowest || g->end > r->highest)
			fuzz_fail("range %u outside lowest..highest", i);
	}
	if (r->entry >= mem_size)
		fuzz_fail("entry 0x%llx outside %llu bytes", (unsigned long long)r->entry,
			  (unsigned long long)mem_size);
}

/* mem holds SENTINEL everywhere between placements: a success restores
 * what it wrote, so a failure can be checked against the pristine copy. */
static void check_untouched(uint64_t mem_size)
{
	if (memcmp(mem, pristine, mem_size) != 0)
		fuzz_fail("a failed placement wrote into guest memory");
}

static void restore(const struct load_result *r)
{
	for (unsigned i = 0; i < r->nranges; i++)
		memset(mem + r->ranges[i].start, SENTINEL, r->ranges[i].end - r->ranges[i].start);
}

static void place(const struct guest_image *img, const struct vm_options *opts, uint64_t mem_size,
		  enum guest_mode mode)
{
	struct load_options lo = { .has_load_addr = opts->has_load_addr, .load_addr = opts->load_addr,
				   .has_entry = opts->has_entry, .entry = opts->entry };
	struct load_result planned, placed;
	char err[512] = "";
	uint8_t *m = mem_size <= MEM_MAX ? mem : NULL;

	/* What vm.c checks before KVM, then what machine.c does. */
	int rc = guest_layout_place(img, opts, mem_size, mode, NULL, &planned, err, sizeof err);
	if (rc && !err[0])
		fuzz_fail("refused without a reason");
	if (!m)
		return;
	err[0] = '\0';
	int rc2 = image_place(img, m, mem_size, &lo, &placed, err, sizeof err);
	if (rc2) {
		if (!err[0])
			fuzz_fail("image_place refused without a reason");
		check_untouched(mem_size);
		if (rc == 0)
			fuzz_fail("the layout accepted what image_place refused: %s", err);
		return;
	}
	check_ranges(&placed, mem_size);
	if (img->kind != IMAGE_ELF32 && img->kind != IMAGE_ELF64) {
		const struct load_range *g = &placed.ranges[0];
		if (g->end - g->start != img->size || memcmp(m + g->start, img->data, img->size) != 0)
			fuzz_fail("the blob is not where the result says");
	}
	restore(&placed);
	if (memcmp(mem, pristine, mem_size) != 0)
		fuzz_fail("the placement wrote outside the ranges it reports");
	if (rc == 0 && (planned.entry != placed.entry || planned.nranges != placed.nranges))
		fuzz_fail("the check and the placement disagree");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	/* flags: bit 0 --load-addr, bit 1 --entry, bit 4 also as a disk's boot
	 * sector; conf: bits 0-2 --mode, bits 3-5 --mem, bit 7 a 64-bit address. */
	uint8_t flags = fuzz_u8(&in), conf = fuzz_u8(&in);
	struct vm_options opts;
	memset(&opts, 0, sizeof opts);
	opts.has_load_addr = flags & 1;
	opts.has_entry = flags & 2;
	opts.mode = (enum guest_mode)((conf & 7) % 5);
	uint64_t mem_size = mem_sizes[(conf >> 3) & 7];
	opts.load_addr = conf & 0x80 ? fuzz_u64(&in) : fuzz_u32(&in) & 0x1fffff;
	opts.entry = fuzz_u32(&in) & 0x3fffff;
	opts.mem_size = mem_size;

	if (!mem) {
		mem = malloc(MEM_MAX);
		pristine = malloc(MEM_MAX);
		if (!mem || !pristine)
			fuzz_fail("out of memory");
		memset(mem, SENTINEL, MEM_MAX);
		memset(pristine, SENTINEL, MEM_MAX);
	}

	/* As kvm-tui reads it: from a file, refused if larger than --mem. */
	struct guest_image img;
	char err[512] = "";
	const char *path = fuzz_file_set(in.p, in.n);
	if (image_read(path, mem_size, &img, err, sizeof err) != 0) {
		if (!err[0])
			fuzz_fail("image_read refused without a reason");
		return 0;
	}
	if (img.size != in.n || memcmp(img.data, in.p, in.n) != 0 ||
	    img.kind != image_classify(in.p, in.n))
		fuzz_fail("image_read did not read the file as it is");
	enum guest_mode mode = resolve(opts.mode, img.kind);
	place(&img, &opts, mem_size, mode);

	/* A disk image's boot sector (what --boot loads from a disk). */
	if (img.size >= 512 && img.kind == IMAGE_FLAT && (flags & 0x10)) {
		struct guest_image disk = img;
		disk.size = 512;
		disk.kind = IMAGE_DISK;
		place(&disk, &opts, mem_size, resolve(opts.mode, disk.kind));
	}
	image_free(&img);
	image_free(&img); /* safe twice, as the header says */
	return 0;
}
