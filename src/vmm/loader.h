/* SPDX-License-Identifier: MIT */
/* loader.h - reading guest images and placing them in guest memory.
 *
 * Three kinds: a flat binary (loaded at 0, CS:IP 0:0), a PC boot sector
 * (512 bytes ending 55 AA: loaded at 0x7c00) and ELF32/ELF64 executables
 * (PT_LOAD segments at their physical addresses, entry from the header).
 * Every malformed input is an error message, never a crash.
 */
#ifndef KVMTUI_LOADER_H
#define KVMTUI_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* IMAGE_DISK: larger than one sector, the first ending 55 AA: a disk whose
 * boot sector is loaded like IMAGE_BOOT_SECTOR; the BIOS reads the rest. */
enum image_kind { IMAGE_FLAT, IMAGE_BOOT_SECTOR, IMAGE_ELF32, IMAGE_ELF64, IMAGE_DISK };

const char *image_kind_name(enum image_kind kind); /* "flat", "boot sector", "ELF32", "ELF64", "disk image" */

struct guest_image {
	uint8_t *data;
	size_t size;
	enum image_kind kind;
	char *path;           /* owned copy, prefixes messages; may be NULL */
	uint64_t file_size;   /* the whole file (IMAGE_DISK: data holds only its first sector) */
};

struct load_options {
	bool has_load_addr;
	uint64_t load_addr;
	bool has_entry;
	uint64_t entry;
};

/* Most ranges one image fills: an ELF's PT_LOAD segments (a blob is one). */
#define LOAD_MAX_RANGES 64

/* Guest-physical bytes [start, end) the image fills; segment is the ELF
 * program header's index (0 for a blob), as messages name it. */
struct load_range {
	uint64_t start, end;
	unsigned segment;
};

struct load_result {
	uint64_t entry;       /* linear address to start at */
	uint64_t lowest;      /* first byte written */
	uint64_t highest;     /* one past the last byte written (incl. ELF bss) */
	bool boot_sector;     /* start like a BIOS would: DL = 0x80 */
	/* Each range on its own: an ELF's segments may lie on either side of
	 * a gap (the PC memory hole) that the lowest..highest span crosses. */
	unsigned nranges;
	struct load_range ranges[LOAD_MAX_RANGES];
};

/* Reads a guest file. max_size: refuse larger files (the guest's memory).
 * Errors: missing, unreadable, a directory, not a regular file, empty,
 * larger than max_size. 0 on success, -1 with a message in err. */
int image_read(const char *path, uint64_t max_size, struct guest_image *img,
	       char *err, size_t errlen);
/* Classifies bytes already in memory (image_read calls this). */
enum image_kind image_classify(const uint8_t *data, size_t size);
/* Frees data and path; the image is empty afterwards (safe to call twice). */
void image_free(struct guest_image *img);

/* Copies the image into mem[0..mem_size) and says where to start; with
 * mem NULL only checks and fills *out (no KVM, no guest memory needed).
 * Flat: at load_addr (default 0); boot sector: at load_addr (default 0x7c00);
 * both start at the load address unless opts->has_entry. ELF: PT_LOAD
 * segments at p_paddr, entry from the header unless opts->has_entry;
 * has_load_addr is an error. Everything is checked before mem is touched:
 * on error (-1, message in err) mem and *out are unchanged. opts may be NULL. */
int image_place(const struct guest_image *img, uint8_t *mem, uint64_t mem_size,
		const struct load_options *opts, struct load_result *out,
		char *err, size_t errlen);

#endif
