/* SPDX-License-Identifier: MIT */
/* fuzz_disk_geometry.c - the geometry a disk image gets and the CHS to LBA
 * arithmetic (src/dev/disk_geometry.c), and the overlay that keeps a
 * guest's writes (src/dev/disk_overlay.c).
 *
 * The image size is the user's file; cylinder, head and sector numbers are
 * the guest's registers (int 13h CX and DH). The input is an image size and
 * a list of CHS triples and overlay operations. What must hold besides the
 * sanitizers: the geometry is within int 13h's limits (1-1024 cylinders,
 * 1-255 heads, 1-63 sectors; a floppy exactly one of the floppy formats),
 * covers every sector of an image up to what CHS can reach (504 MiB), a
 * CHS address is accepted exactly when it lies inside the geometry, its LBA
 * is below cylinders x heads x sectors, and distinct addresses give
 * distinct LBAs (the mapping is the one a BIOS uses, which is one-to-one);
 * the overlay gives back the last sector written at each LBA.
 */
#include <string.h>

#include "disk.h"
#include "disk_overlay.h"
#include "fuzz_input.h"

#define CHS_MAX_SECTORS (1024ull * 16 * 63)

static void check_geometry(uint64_t bytes, const struct disk_geometry *g)
{
	if (g->cylinders < 1 || g->cylinders > 1024 || g->heads < 1 || g->heads > 255 ||
	    g->sectors < 1 || g->sectors > 63)
		fuzz_fail("%llu bytes: geometry %u/%u/%u", (unsigned long long)bytes, g->cylinders,
			  g->heads, g->sectors);
	uint64_t covered = (uint64_t)g->cylinders * g->heads * g->sectors;
	uint64_t sectors = bytes / DISK_SECTOR;
	if (g->floppy) {
		if (covered * DISK_SECTOR != bytes || g->floppy_type == 0)
			fuzz_fail("%llu bytes: floppy %u/%u/%u type %u", (unsigned long long)bytes,
				  g->cylinders, g->heads, g->sectors, g->floppy_type);
		return;
	}
	if (g->floppy_type)
		fuzz_fail("a hard disk with floppy type %u", g->floppy_type);
	if (sectors <= CHS_MAX_SECTORS && covered < sectors)
		fuzz_fail("%llu sectors: geometry %u/%u/%u covers only %llu", (unsigned long long)sectors,
			  g->cylinders, g->heads, g->sectors, (unsigned long long)covered);
}

static void check_chs(const struct disk_geometry *g, uint32_t c, uint32_t h, uint32_t s)
{
	uint64_t lba = ~0ull;
	bool inside = c < g->cylinders && h < g->heads && s >= 1 && s <= g->sectors;
	bool ok = disk_chs_to_lba(g, c, h, s, &lba);
	if (ok != inside)
		fuzz_fail("CHS %u/%u/%u %s on %u/%u/%u", c, h, s, ok ? "accepted" : "refused",
			  g->cylinders, g->heads, g->sectors);
	if (!ok)
		return;
	uint64_t covered = (uint64_t)g->cylinders * g->heads * g->sectors;
	if (lba >= covered)
		fuzz_fail("CHS %u/%u/%u gives LBA %llu past %llu", c, h, s, (unsigned long long)lba,
			  (unsigned long long)covered);
	/* One-to-one: back from the LBA to the same address. */
	uint32_t s2 = (uint32_t)(lba % g->sectors) + 1;
	uint32_t h2 = (uint32_t)(lba / g->sectors % g->heads);
	uint32_t c2 = (uint32_t)(lba / g->sectors / g->heads);
	if (c2 != c || h2 != h || s2 != s)
		fuzz_fail("CHS %u/%u/%u -> LBA %llu -> %u/%u/%u", c, h, s, (unsigned long long)lba,
			  c2, h2, s2);
}

/* The overlay against a plain model: at most 8 LBAs, each its last data. */
static void overlay_ops(struct fuzz_in *in)
{
	struct disk_overlay *o = disk_overlay_new();
	uint64_t lbas[8];
	uint8_t fill[8];
	bool have[8] = { false };
	uint8_t sector[DISK_SECTOR];
	if (!o)
		fuzz_fail("out of memory");
	for (int i = 0; i < 8; i++)
		lbas[i] = fuzz_u64(in) >> (fuzz_u8(in) % 64);
	while (!fuzz_in_empty(in)) {
		uint8_t op = fuzz_u8(in);
		unsigned i = op & 7;
		switch (op >> 6) {
		case 0: case 1:
			fill[i] = fuzz_u8(in);
			memset(sector, fill[i], sizeof sector);
			if (disk_overlay_put(o, lbas[i], sector))
				fuzz_fail("overlay out of memory");
			for (unsigned j = 0; j < 8; j++)
				if (lbas[j] == lbas[i]) {
					have[j] = true;
					fill[j] = fill[i];
				}
			break;
		case 2:
			disk_overlay_drop(o, lbas[i]);
			for (unsigned j = 0; j < 8; j++)
				if (lbas[j] == lbas[i])
					have[j] = false;
			break;
		default: {
			const uint8_t *got = disk_overlay_get(o, lbas[i]);
			if (!got != !have[i])
				fuzz_fail("overlay: LBA %llu %s", (unsigned long long)lbas[i],
					  got ? "has data never written" : "lost its data");
			if (got && (got[0] != fill[i] || got[DISK_SECTOR - 1] != fill[i]))
				fuzz_fail("overlay: LBA %llu holds another write", (unsigned long long)lbas[i]);
			break;
		}
		}
	}
	uint64_t n = 0;
	for (unsigned i = 0; i < 8; i++) {
		bool first = true;
		for (unsigned j = 0; j < i; j++)
			first = first && lbas[j] != lbas[i];
		n += have[i] && first;
	}
	if (disk_overlay_count(o) != n)
		fuzz_fail("overlay counts %llu sectors, %llu were written", (unsigned long long)disk_overlay_count(o),
			  (unsigned long long)n);
	disk_overlay_free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	uint8_t how = fuzz_u8(&in);
	/* Image sizes as files have them: whole sectors mostly, up to 2 TiB and past. */
	uint64_t bytes = fuzz_u64(&in) >> (how % 64);
	if (how & 0x40)
		bytes &= ~(uint64_t)(DISK_SECTOR - 1);
	struct disk_geometry g;
	memset(&g, 0xa5, sizeof g);
	disk_geometry_for_size(bytes, &g);
	check_geometry(bytes, &g);
	unsigned n = fuzz_u8(&in) % 16;
	for (unsigned i = 0; i < n; i++) {
		/* int 13h's packing: cylinder in CH and CL bits 6-7, sector in CL bits 0-5. */
		uint16_t cx = fuzz_u16(&in);
		uint8_t dh = fuzz_u8(&in);
		uint32_t c = (uint32_t)(cx >> 8) | (uint32_t)(cx & 0xc0) << 2;
		check_chs(&g, c, dh, cx & 0x3f);
		check_chs(&g, fuzz_u32(&in) % 2048, fuzz_u16(&in) % 300, fuzz_u8(&in));
	}
	if (how & 0x80)
		overlay_ops(&in);
	return 0;
}
