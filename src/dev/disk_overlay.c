/* SPDX-License-Identifier: MIT */
/* disk_overlay.c - written sectors in memory: an open-addressing hash
 * table from LBA to a malloc'd 512-byte copy.
 *
 * Linear probing keeps it short; the table doubles before it is half full,
 * so a probe stays a step or two. Dropping an entry shifts the entries of
 * its run back into the hole (no tombstones), so lookups never slow down
 * after drops. */
#include "disk_overlay.h"

#include <stdlib.h>
#include <string.h>

#define INITIAL_SLOTS 64u /* a power of two */

struct slot {
	uint64_t lba;
	uint8_t *data; /* NULL: the slot is free */
};

struct disk_overlay {
	struct slot *slots;
	uint64_t mask; /* slots - 1 */
	uint64_t used;
};

/* Fibonacci hashing: neighbouring LBAs (the usual case) spread apart. */
static uint64_t home_of(const struct disk_overlay *o, uint64_t lba)
{
	return (lba * 0x9e3779b97f4a7c15ull) >> 20 & o->mask;
}

struct disk_overlay *disk_overlay_new(void)
{
	struct disk_overlay *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->slots = calloc(INITIAL_SLOTS, sizeof *o->slots);
	if (!o->slots) {
		free(o);
		return NULL;
	}
	o->mask = INITIAL_SLOTS - 1;
	return o;
}

void disk_overlay_free(struct disk_overlay *o)
{
	if (!o)
		return;
	for (uint64_t i = 0; i <= o->mask; i++)
		free(o->slots[i].data);
	free(o->slots);
	free(o);
}

/* The slot holding lba, or the free slot where it would go. */
static struct slot *find(const struct disk_overlay *o, uint64_t lba)
{
	uint64_t i = home_of(o, lba);
	while (o->slots[i].data && o->slots[i].lba != lba)
		i = (i + 1) & o->mask;
	return &o->slots[i];
}

const uint8_t *disk_overlay_get(const struct disk_overlay *o, uint64_t lba)
{
	return o ? find(o, lba)->data : NULL;
}

static int grow(struct disk_overlay *o)
{
	struct disk_overlay bigger = { .mask = o->mask * 2 + 1, .used = o->used };
	bigger.slots = calloc(bigger.mask + 1, sizeof *bigger.slots);
	if (!bigger.slots)
		return -1;
	for (uint64_t i = 0; i <= o->mask; i++)
		if (o->slots[i].data)
			*find(&bigger, o->slots[i].lba) = o->slots[i];
	free(o->slots);
	*o = bigger;
	return 0;
}

int disk_overlay_put(struct disk_overlay *o, uint64_t lba, const uint8_t *data)
{
	struct slot *s = find(o, lba);
	if (!s->data) {
		if ((o->used + 1) * 2 > o->mask + 1) {
			if (grow(o))
				return -1;
			s = find(o, lba);
		}
		s->data = malloc(DISK_SECTOR);
		if (!s->data)
			return -1;
		s->lba = lba;
		o->used++;
	}
	memcpy(s->data, data, DISK_SECTOR);
	return 0;
}

/* May the entry at slot j, whose home is h, move back into the hole at i?
 * Not if h is cyclically in (i, j]: a lookup starts at h, so it would
 * never look at i. Otherwise it must move, or lookups would stop at the
 * hole before reaching it. */
static bool may_fill(uint64_t h, uint64_t i, uint64_t j)
{
	return i <= j ? (h <= i || h > j) : (h <= i && h > j);
}

void disk_overlay_drop(struct disk_overlay *o, uint64_t lba)
{
	struct slot *s = o ? find(o, lba) : NULL;
	if (!s || !s->data)
		return;
	free(s->data);
	uint64_t i = (uint64_t)(s - o->slots);
	o->slots[i].data = NULL;
	o->used--;
	for (uint64_t j = (i + 1) & o->mask; o->slots[j].data; j = (j + 1) & o->mask) {
		if (!may_fill(home_of(o, o->slots[j].lba), i, j))
			continue;
		o->slots[i] = o->slots[j];
		o->slots[j].data = NULL;
		i = j;
	}
}

uint64_t disk_overlay_count(const struct disk_overlay *o)
{
	return o ? o->used : 0;
}
