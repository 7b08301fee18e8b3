/* SPDX-License-Identifier: MIT */
/* disk_geometry.c - the cylinders, heads and sectors a BIOS gives an image.
 *
 * Programs of the CHS era address a disk by cylinder, head and sector, so
 * every image needs a geometry. Floppies have none to choose: a 1.44M
 * image is 80 cylinders of 2 heads of 18 sectors, found by its exact size.
 * Anything else is a hard disk, given the usual 16 heads and 63 sectors a
 * track, with as many cylinders as cover the image (at most 1024, int 13h's
 * limit: sectors beyond are reached by LBA, int 13h 42h).
 *
 * Tiny images would otherwise get one cylinder of 16 x 63 sectors, most of
 * them past the end. The rule used instead, so that the geometry says how
 * big the disk is and still covers every sector:
 *   sectors <= 63        1 cylinder, 1 head, `sectors` sectors a track
 *   sectors <  16 * 63   1 cylinder, ceil(sectors / 63) heads, 63 a track
 *   otherwise            ceil(sectors / (16 * 63)) cylinders (max 1024),
 *                        16 heads, 63 sectors a track
 * (an empty image, which disk_open refuses, gets 1/1/1). Every sector of
 * an image up to 1024 * 16 * 63 sectors (504 MiB) is reachable by CHS.
 */
#include "disk.h"

#define HD_HEADS 16u
#define HD_SECTORS 63u
#define CHS_MAX_CYLINDERS 1024u

struct floppy_format {
	uint64_t bytes;
	uint8_t sectors, heads, cylinders, type;
};

/* Types are int 13h 08h's BL. The single-sided and 8-sector 5.25" formats
 * were read by the 360K drive, so they say type 1 too. */
static const struct floppy_format floppies[] = {
	{ 163840, 8, 1, 40, 1 },   /* 160K */
	{ 184320, 9, 1, 40, 1 },   /* 180K */
	{ 327680, 8, 2, 40, 1 },   /* 320K */
	{ 368640, 9, 2, 40, 1 },   /* 360K */
	{ 737280, 9, 2, 80, 3 },   /* 720K */
	{ 1228800, 15, 2, 80, 2 }, /* 1.2M */
	{ 1474560, 18, 2, 80, 4 }, /* 1.44M */
	{ 2949120, 36, 2, 80, 6 }, /* 2.88M */
};

static bool floppy_geometry(uint64_t bytes, struct disk_geometry *g)
{
	for (size_t i = 0; i < sizeof floppies / sizeof floppies[0]; i++) {
		const struct floppy_format *f = &floppies[i];
		if (f->bytes != bytes)
			continue;
		*g = (struct disk_geometry){ .cylinders = f->cylinders, .heads = f->heads,
					     .sectors = f->sectors, .floppy = true, .floppy_type = f->type };
		return true;
	}
	return false;
}

static uint64_t div_up(uint64_t a, uint64_t b)
{
	return (a + b - 1) / b;
}

static void hard_disk_geometry(uint64_t sectors, struct disk_geometry *g)
{
	*g = (struct disk_geometry){ .cylinders = 1, .heads = 1, .sectors = 1 };
	if (sectors == 0)
		return;
	if (sectors <= HD_SECTORS) {
		g->sectors = (uint32_t)sectors;
		return;
	}
	g->sectors = HD_SECTORS;
	if (sectors < HD_HEADS * HD_SECTORS) {
		g->heads = (uint32_t)div_up(sectors, HD_SECTORS);
		return;
	}
	uint64_t cylinders = div_up(sectors, HD_HEADS * HD_SECTORS);
	g->heads = HD_HEADS;
	g->cylinders = (uint32_t)(cylinders < CHS_MAX_CYLINDERS ? cylinders : CHS_MAX_CYLINDERS);
}

void disk_geometry_for_size(uint64_t bytes, struct disk_geometry *g)
{
	if (!floppy_geometry(bytes, g))
		hard_disk_geometry(bytes / DISK_SECTOR, g);
}

bool disk_chs_to_lba(const struct disk_geometry *g, uint32_t c, uint32_t h, uint32_t s, uint64_t *lba)
{
	if (c >= g->cylinders || h >= g->heads || s < 1 || s > g->sectors)
		return false;
	*lba = ((uint64_t)c * g->heads + h) * g->sectors + (s - 1);
	return true;
}
