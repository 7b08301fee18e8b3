/* SPDX-License-Identifier: MIT */
/* image_place.c - putting a read image into guest memory.
 *
 * Flat binaries and boot sectors are one blob at one address; ELF images
 * go to elf_loader.c. The conventions (flat at 0, boot sector at 0x7c00 with
 * DL = 0x80) are the PC's and the seed guests', see DESIGN.md.
 */
#include <string.h>

#include "loader_internal.h"

#define BOOT_SECTOR_ADDR 0x7c00u

static int blob_outside(const struct guest_image *img, uint64_t addr, uint64_t mem_size,
			char *err, size_t errlen)
{
	char have[32], room[32], hint[16];

	loader_size_str(img->size, have, sizeof have);
	loader_size_str(mem_size, room, sizeof room);
	if (addr >= mem_size)
		return loader_fail(err, errlen, img->path, "load address 0x%llx lies outside "
				   "%s of guest memory (check --load-addr)",
				   (unsigned long long)addr, room);
	loader_mem_hint(addr + img->size, hint, sizeof hint); /* addr < mem_size: no wrap */
	if (addr == 0)
		return loader_fail(err, errlen, img->path, "%s does not fit in %s of guest "
				   "memory (use --mem %s)", have, room, hint);
	return loader_fail(err, errlen, img->path, "%s at 0x%llx does not fit in %s of "
			   "guest memory (use --mem %s, or a lower --load-addr)",
			   have, (unsigned long long)addr, room, hint);
}

static int blob_place(const struct guest_image *img, uint8_t *mem, uint64_t mem_size,
		      const struct load_options *opts, uint64_t default_addr,
		      struct load_result *out, char *err, size_t errlen)
{
	uint64_t addr = opts->has_load_addr ? opts->load_addr : default_addr;
	uint64_t entry = opts->has_entry ? opts->entry : addr;

	if (img->size == 0)
		return loader_fail(err, errlen, img->path, "empty image, nothing to run");
	/* Written as a subtraction so a huge address cannot wrap the check. */
	if (addr > mem_size || img->size > mem_size - addr)
		return blob_outside(img, addr, mem_size, err, errlen);
	if (entry >= mem_size)
		return loader_fail(err, errlen, img->path, "entry 0x%llx lies outside the "
				   "guest memory (0x0..0x%llx); check --entry",
				   (unsigned long long)entry, (unsigned long long)mem_size - 1);
	if (mem)
		memcpy(mem + addr, img->data, img->size);
	out->entry = entry;
	out->lowest = addr;
	out->highest = addr + img->size;
	out->boot_sector = img->kind == IMAGE_BOOT_SECTOR || img->kind == IMAGE_DISK;
	out->nranges = 1;
	out->ranges[0] = (struct load_range){ .start = addr, .end = addr + img->size };
	return 0;
}

int image_place(const struct guest_image *img, uint8_t *mem, uint64_t mem_size,
		const struct load_options *opts, struct load_result *out,
		char *err, size_t errlen)
{
	static const struct load_options none;

	if (!opts)
		opts = &none;
	switch (img->kind) {
	case IMAGE_FLAT:
		return blob_place(img, mem, mem_size, opts, 0, out, err, errlen);
	case IMAGE_BOOT_SECTOR:
	case IMAGE_DISK:
		return blob_place(img, mem, mem_size, opts, BOOT_SECTOR_ADDR, out, err, errlen);
	case IMAGE_ELF32:
	case IMAGE_ELF64:
		if (opts->has_load_addr)
			return loader_fail(err, errlen, img->path, "ELF images say where they "
					   "load; drop --load-addr");
		return elf_loader_place(img, mem, mem_size, opts, out, err, errlen);
	}
	return loader_fail(err, errlen, img->path, "unknown image kind %d", (int)img->kind);
}
