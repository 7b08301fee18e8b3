/* SPDX-License-Identifier: MIT */
/* disk.h - a disk image behind int 13h: its geometry and its sectors.
 *
 * Nothing the user owns changes by accident: writes go to an overlay in
 * memory, read back by later reads in the same run (a reset keeps them, as
 * a PC's disk keeps what was written before a reboot), and are dropped when
 * the disk is closed, unless the disk was opened write-through
 * (--disk-write): then they go to the file. Every sector number is checked:
 * a read or write past the end fails and touches nothing. No KVM, no
 * threads. */
#ifndef KVMTUI_DISK_H
#define KVMTUI_DISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DISK_SECTOR 512u

struct disk_geometry {
	uint32_t cylinders; /* 1..1024 for int 13h's CHS (the rest reachable by LBA) */
	uint32_t heads;     /* 1..255 */
	uint32_t sectors;   /* per track, 1..63 */
	bool floppy;        /* a standard floppy size: booted as drive 00h */
	uint8_t floppy_type; /* int 13h 08h BL: 1 360K, 2 1.2M, 3 720K, 4 1.44M, 6 2.88M; 0 none */
};

/* The geometry a BIOS gives an image of this many bytes: the floppy
 * formats by size (160K, 180K, 320K, 360K, 720K, 1.2M, 1.44M, 2.88M),
 * anything else a hard disk of 16 heads and 63 sectors a track (fewer for
 * tiny images, so a 1024-byte image has a geometry that covers it). */
void disk_geometry_for_size(uint64_t bytes, struct disk_geometry *g);
/* CHS (sector from 1) to LBA; false if outside the geometry. */
bool disk_chs_to_lba(const struct disk_geometry *g, uint32_t c, uint32_t h, uint32_t s, uint64_t *lba);

struct disk_overlay; /* written sectors, in memory (disk_overlay.c) */

struct disk {
	char *path;
	int fd;
	bool write_through;       /* --disk-write: writes reach the file */
	uint64_t sectors;
	struct disk_geometry geo;
	struct disk_overlay *overlay;
	uint64_t sectors_read, sectors_written; /* for the statistics */
};

/* Opens an image. Refused with one line in err (the caller exits with
 * status 4 before the VM starts): missing, unreadable, a directory or
 * anything but a regular file, empty, a size that is not a multiple of
 * 512, larger than 2 TiB, or read-only when write_through asks to write. */
int disk_open(struct disk *d, const char *path, bool write_through, char *err, size_t errlen);
void disk_close(struct disk *d);
/* 0; -1 if any sector is past the end (nothing done); -2 if the host file
 * failed (an I/O error): int 13h answers these as a BIOS would. */
int disk_read(struct disk *d, uint64_t lba, uint32_t count, uint8_t *buf);
int disk_write(struct disk *d, uint64_t lba, uint32_t count, const uint8_t *buf);

#endif
