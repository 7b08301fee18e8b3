/* SPDX-License-Identifier: MIT */
/* guest_layout.c - the guest's bytes against the PC's memory map (see
 * guest_layout.h). Each range an image fills is checked on its own: an ELF
 * may put one segment below the hole and one above it, which is fine,
 * though the span from its lowest to its highest byte crosses the hole. */
#include "guest_layout.h"

#include <stdbool.h>

#include "cpu_setup.h"
#include "guest_memory.h"
#include "loader_internal.h"

#define HOLE "the PC memory hole 0xa0000-0xfffff, which has no RAM"

static bool in_hole(uint64_t start, uint64_t end)
{
	return start < GUEST_HOLE_END && end > GUEST_HOLE_START;
}

static bool is_elf(const struct guest_image *img)
{
	return img->kind == IMAGE_ELF32 || img->kind == IMAGE_ELF64;
}

/* The advice differs: a blob moves with --load-addr, an ELF file says
 * itself where it goes (its linker script), and takes no --load-addr. */
static int range_in_hole(const struct guest_image *img, const struct load_range *r,
			 char *err, size_t errlen)
{
	unsigned long long start = r->start, last = r->end - 1;
	if (is_elf(img))
		return loader_fail(err, errlen, img->path, "segment %u (0x%llx-0x%llx) lies in "
				   HOLE "; link it below 0xa0000 or from 0x100000 on (the "
				   "addresses in its linker script)", r->segment, start, last);
	return loader_fail(err, errlen, img->path, "the guest image (0x%llx-0x%llx) overlaps "
			   HOLE "; load it elsewhere (--load-addr)", start, last);
}

static int check_ranges(const struct guest_image *img, const struct load_result *l,
			uint64_t area, char *err, size_t errlen)
{
	for (unsigned i = 0; i < l->nranges; i++)
		if (in_hole(l->ranges[i].start, l->ranges[i].end))
			return range_in_hole(img, &l->ranges[i], err, errlen);
	if (area && l->highest > area)
		return loader_fail(err, errlen, img->path, "the guest image (up to 0x%llx) overlaps "
				   "the GDT and page tables kvm-tui puts at 0x%llx; give the guest "
				   "more memory (--mem)", (unsigned long long)l->highest - 1,
				   (unsigned long long)area);
	/* Only --entry can get here: a default entry lies in a checked range. */
	if (in_hole(l->entry, l->entry + 1))
		return loader_fail(err, errlen, img->path, "entry 0x%llx lies in " HOLE
				   ": the vCPU would start in nothing; check --entry",
				   (unsigned long long)l->entry);
	return 0;
}

int guest_layout_place(const struct guest_image *img, const struct vm_options *opts,
		       uint64_t mem_size, enum guest_mode mode, uint8_t *mem,
		       struct load_result *out, char *err, size_t errlen)
{
	struct load_options lo = {
		.has_load_addr = opts->has_load_addr, .load_addr = opts->load_addr,
		.has_entry = opts->has_entry, .entry = opts->entry,
	};
	if (mode != GUEST_MODE_REAL && mem_size < SETUP_MIN_MEM)
		return loader_fail(err, errlen, NULL, "%s mode needs at least %llu MiB of guest "
				   "memory (--mem)", guest_mode_name(mode), SETUP_MIN_MEM >> 20);
	if (image_place(img, mem, mem_size, &lo, out, err, errlen))
		return -1;
	return check_ranges(img, out, cpu_setup_area(mem_size, mode), err, errlen);
}
