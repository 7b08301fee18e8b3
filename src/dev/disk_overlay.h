/* SPDX-License-Identifier: MIT */
/* disk_overlay.h - the sectors a guest wrote, kept in memory instead of
 * the image file (disk.c's internal part; nothing else includes it).
 *
 * A sparse map from LBA to a 512-byte copy: a guest usually writes a few
 * sectors of a large image, so only those are kept. It grows with what is
 * written, never beyond the disk's own size (plus the table's overhead). */
#ifndef KVMTUI_DISK_OVERLAY_H
#define KVMTUI_DISK_OVERLAY_H

#include <stdint.h>

#include "disk.h"

/* NULL when out of memory. */
struct disk_overlay *disk_overlay_new(void);
void disk_overlay_free(struct disk_overlay *o);
/* The sector's copy (DISK_SECTOR bytes), or NULL if it was never written. */
const uint8_t *disk_overlay_get(const struct disk_overlay *o, uint64_t lba);
/* Stores (or replaces) a sector's copy: 0, or -1 when out of memory (the
 * overlay is then unchanged). */
int disk_overlay_put(struct disk_overlay *o, uint64_t lba, const uint8_t *data);
/* Forgets a sector's copy, if any (a write-through made the file newer). */
void disk_overlay_drop(struct disk_overlay *o, uint64_t lba);
/* How many sectors it holds. */
uint64_t disk_overlay_count(const struct disk_overlay *o);

#endif
