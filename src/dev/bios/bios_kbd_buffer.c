/* SPDX-License-Identifier: MIT */
/* bios_kbd_buffer.c - the BIOS data area's type-ahead buffer, a ring of
 * (scan << 8) | ASCII words at 0x40:head .. 0x40:tail.
 *
 * Everything about it is guest memory a program may have changed: the
 * buffer's bounds (0x480/0x482, which programs move to make it larger) and
 * the head and tail. Bounds that make no sense fall back to the standard
 * 0x1E..0x3E; a head or tail outside the buffer reads as empty and the next
 * write starts the buffer afresh, so no value a guest writes can send the
 * BIOS outside the buffer (and bios_mem checks every access anyway).
 */
#include "bios_kbd.h"
#include "bios_data_area.h"

#define BDA_SEGMENT_BASE 0x400u
#define STD_START (BDA_KBD_BUFFER - BDA_SEGMENT_BASE) /* 0x1E */
#define STD_END (STD_START + BDA_KBD_BUFFER_SIZE)      /* 0x3E */

struct kbd_ring {
	uint16_t start, end; /* [start, end) in words */
	uint16_t head, tail;
};

/* Nonzero, in order, whole words and room for at least one key. */
static bool bounds_sane(uint16_t start, uint16_t end)
{
	return start && end > start && (end - start) % 2 == 0 && end - start >= 4;
}

static struct kbd_ring ring_load(const struct bios_mem *m)
{
	struct kbd_ring r = {
		.start = bios_peek16(m, BDA_KBD_BUF_START),
		.end = bios_peek16(m, BDA_KBD_BUF_END),
		.head = bios_peek16(m, BDA_KBD_HEAD),
		.tail = bios_peek16(m, BDA_KBD_TAIL),
	};
	if (!bounds_sane(r.start, r.end)) {
		r.start = STD_START;
		r.end = STD_END;
	}
	return r;
}

static bool offset_sane(const struct kbd_ring *r, uint16_t off)
{
	return off >= r->start && off < r->end && (off - r->start) % 2 == 0;
}

static bool ring_sane(const struct kbd_ring *r)
{
	return offset_sane(r, r->head) && offset_sane(r, r->tail);
}

static uint16_t ring_next(const struct kbd_ring *r, uint16_t off)
{
	off = (uint16_t)(off + 2);
	return off >= r->end ? r->start : off;
}

static uint64_t slot_addr(uint16_t off)
{
	return BDA_SEGMENT_BASE + off;
}

static void ring_reset(struct bios_mem *m, struct kbd_ring *r)
{
	r->head = r->tail = r->start;
	bios_poke16(m, BDA_KBD_HEAD, r->head);
	bios_poke16(m, BDA_KBD_TAIL, r->tail);
}

bool bios_kbd_put(struct bios_mem *m, uint16_t key)
{
	struct kbd_ring r = ring_load(m);
	if (!ring_sane(&r))
		ring_reset(m, &r);
	uint16_t next = ring_next(&r, r.tail);
	if (next == r.head)
		return false; /* full: the slot before the head stays free */
	bios_poke16(m, slot_addr(r.tail), key);
	bios_poke16(m, BDA_KBD_TAIL, next);
	return true;
}

bool bios_kbd_peek(const struct bios_mem *m, uint16_t *key)
{
	struct kbd_ring r = ring_load(m);
	if (!ring_sane(&r) || r.head == r.tail)
		return false;
	*key = bios_peek16(m, slot_addr(r.head));
	return true;
}

void bios_kbd_drop(struct bios_mem *m)
{
	struct kbd_ring r = ring_load(m);
	if (!ring_sane(&r)) {
		ring_reset(m, &r);
		return;
	}
	if (r.head != r.tail)
		bios_poke16(m, BDA_KBD_HEAD, ring_next(&r, r.head));
}

void bios_kbd_clear(struct bios_mem *m)
{
	struct kbd_ring r = ring_load(m);
	ring_reset(m, &r);
}
