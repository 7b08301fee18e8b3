/* SPDX-License-Identifier: MIT */
/* disk.c - a disk image's sectors: read from the overlay (the sectors
 * written in this run, disk_overlay.c) or else the file; written to the
 * overlay, or to the file itself with --disk-write. A transfer that
 * reaches past the end is refused whole, before anything is done. */
#include "disk.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "disk_overlay.h"

static bool in_range(const struct disk *d, uint64_t lba, uint32_t count)
{
	return lba <= d->sectors && count <= d->sectors - lba;
}

/* Whole transfers: a signal or a short count is not an error; the end of
 * the file (it shrank under us) is. */
static int pread_full(int fd, uint8_t *buf, size_t len, uint64_t off)
{
	while (len) {
		ssize_t n = pread(fd, buf, len, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n, len -= (size_t)n, off += (uint64_t)n;
	}
	return 0;
}

static int pwrite_full(int fd, const uint8_t *buf, size_t len, uint64_t off)
{
	while (len) {
		ssize_t n = pwrite(fd, buf, len, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n, len -= (size_t)n, off += (uint64_t)n;
	}
	return 0;
}

/* How many sectors from lba on come from the file, before one the
 * overlay has: read in one pread. */
static uint32_t file_run(const struct disk *d, uint64_t lba, uint32_t max)
{
	uint32_t n = 0;
	while (n < max && !disk_overlay_get(d->overlay, lba + n))
		n++;
	return n;
}

int disk_read(struct disk *d, uint64_t lba, uint32_t count, uint8_t *buf)
{
	if (!in_range(d, lba, count))
		return -1;
	if (!d->path)
		return -2;
	for (uint32_t i = 0; i < count;) {
		uint8_t *dst = buf + (size_t)i * DISK_SECTOR;
		uint32_t run = file_run(d, lba + i, count - i);
		if (run == 0) {
			memcpy(dst, disk_overlay_get(d->overlay, lba + i), DISK_SECTOR);
			i++;
			continue;
		}
		if (pread_full(d->fd, dst, (size_t)run * DISK_SECTOR, (lba + i) * DISK_SECTOR))
			return -2;
		i += run;
	}
	d->sectors_read += count;
	return 0;
}

static int write_file(struct disk *d, uint64_t lba, uint32_t count, const uint8_t *buf)
{
	if (pwrite_full(d->fd, buf, (size_t)count * DISK_SECTOR, lba * DISK_SECTOR))
		return -2;
	/* The file is now newer than any copy in memory. */
	if (d->overlay)
		for (uint32_t i = 0; i < count; i++)
			disk_overlay_drop(d->overlay, lba + i);
	return 0;
}

static int write_overlay(struct disk *d, uint64_t lba, uint32_t count, const uint8_t *buf)
{
	for (uint32_t i = 0; i < count; i++)
		if (disk_overlay_put(d->overlay, lba + i, buf + (size_t)i * DISK_SECTOR))
			return -2;
	return 0;
}

int disk_write(struct disk *d, uint64_t lba, uint32_t count, const uint8_t *buf)
{
	if (!in_range(d, lba, count))
		return -1;
	if (!d->path)
		return -2;
	int rc = d->write_through ? write_file(d, lba, count, buf) : write_overlay(d, lba, count, buf);
	if (rc == 0)
		d->sectors_written += count;
	return rc;
}
