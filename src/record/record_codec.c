/* SPDX-License-Identifier: MIT */
/* record_codec.c - one record inside a block: a kind byte, then its payload.
 *
 *   REC_EVENT   the 64-byte struct event as pushed into the ring
 *   REC_REGS    u64 bitmap of the cpu_state words that differ from the last
 *               REC_REGS of the block, then those words in order: an exit
 *               changes 2-4 of the 56 (RIP, exits, a GPR or two), so a
 *               register record is ~30 bytes instead of 448
 *   REC_KSTATS  count, available, generation, then only `count` items
 *
 * The delta base starts at zero in every block, so a block decodes without
 * the ones before it (seek, a damaged neighbour).
 */
#include <stdio.h>

#include "record_format.h"

size_t rec_encode_event(uint8_t *out, const struct event *ev)
{
	out[0] = REC_EVENT;
	memcpy(out + 1, ev, sizeof(*ev));
	return REC_EVENT_LEN;
}

/* Runs on the vCPU thread once per exit. Inside a changed group every word is
 * stored at the next free slot and kept only if it changed, with no
 * data-dependent branch (the slot written past the last kept one is inside
 * the REC_RECORD_MAX the caller guarantees). */
static inline uint64_t word_at(const unsigned char *src, size_t i)
{
	uint64_t v;
	memcpy(&v, src + 8 * i, 8); /* a word load; the struct mixes field sizes */
	return v;
}

/* Stores word i in the next free slot, kept only if it changed: no
 * data-dependent branch. */
static inline void keep_if_changed(const unsigned char *src, uint64_t *base, size_t i, uint8_t *slots,
				   size_t *n, uint64_t *bitmap)
{
	uint64_t v = word_at(src, i);
	uint64_t changed = v != base[i];
	memcpy(slots + 8 * *n, &v, 8);
	*n += changed;
	*bitmap |= changed << i;
	base[i] = v;
}

static inline uint64_t group_diff(const unsigned char *src, const uint64_t *base, size_t g)
{
	return (word_at(src, g) ^ base[g]) | (word_at(src, g + 1) ^ base[g + 1]) |
	       (word_at(src, g + 2) ^ base[g + 2]) | (word_at(src, g + 3) ^ base[g + 3]);
}

size_t rec_encode_regs(uint8_t *out, struct rec_regs_base *base, const struct cpu_state *cpu)
{
	const unsigned char *src = (const unsigned char *)cpu;
	uint64_t bitmap = 0;
	size_t n = 0, g;

	out[0] = REC_REGS;
	/* An exit changes 2-4 of the 56 words: test them four at a time and
	 * look closer only at a group that changed. */
	for (g = 0; g + 4 <= REC_REGS_WORDS; g += 4) {
		if (group_diff(src, base->w, g) == 0)
			continue;
		for (size_t i = g; i < g + 4; i++)
			keep_if_changed(src, base->w, i, out + 9, &n, &bitmap);
	}
#if REC_REGS_WORDS_TAIL /* words after the last whole group of four */
	for (; g < REC_REGS_WORDS; g++)
		keep_if_changed(src, base->w, g, out + 9, &n, &bitmap);
#endif
	memcpy(out + 1, &bitmap, 8);
	return 9 + 8 * n;
}

size_t rec_encode_kstats(uint8_t *out, const struct kstats *ks)
{
	/* A count past the array (a bug upstream) must not read past it. */
	uint32_t count = ks->count <= KSTATS_MAX ? ks->count : KSTATS_MAX;
	size_t len = REC_KSTATS_HEAD + (size_t)count * REC_KSTATS_ITEM;

	out[0] = REC_KSTATS;
	memcpy(out + 1, ks, len);
	rec_put_u32(out + 1, count);
	return 1 + len;
}

static int need(size_t len, size_t pos, size_t want, char *why, size_t whylen, const char *what)
{
	if (len - pos >= want)
		return 0;
	snprintf(why, whylen, "%s record needs %zu bytes, the block has %zu left", what, want, len - pos);
	return -1;
}

static int decode_regs(const uint8_t *p, size_t left, struct rec_regs_base *base,
		       struct cpu_state *out, size_t *used, char *why, size_t whylen)
{
	if (need(left, 0, 8, why, whylen, "a registers") < 0)
		return -1;
	uint64_t bitmap = rec_get_u64(p);
	if (REC_REGS_WORDS < 64 && (bitmap >> REC_REGS_WORDS) != 0) {
		snprintf(why, whylen, "registers record changes word %d of %zu",
			 63 - __builtin_clzll(bitmap), REC_REGS_WORDS);
		return -1;
	}
	size_t words = (size_t)__builtin_popcountll(bitmap);
	if (need(left, 0, 8 + 8 * words, why, whylen, "a registers") < 0)
		return -1;
	const uint8_t *w = p + 8;
	for (size_t i = 0; i < REC_REGS_WORDS; i++) {
		if (bitmap & (1ull << i)) {
			base->w[i] = rec_get_u64(w);
			w += 8;
		}
	}
	memcpy(out, base->w, sizeof(*out));
	*used = 8 + 8 * words;
	return 0;
}

static int decode_kstats(const uint8_t *p, size_t left, struct kstats *out, size_t *used,
			 char *why, size_t whylen)
{
	if (need(left, 0, REC_KSTATS_HEAD, why, whylen, "a kstats") < 0)
		return -1;
	uint32_t count = rec_get_u32(p);
	if (count > KSTATS_MAX) {
		snprintf(why, whylen, "kstats record has %u items, at most %d exist", count, KSTATS_MAX);
		return -1;
	}
	size_t len = REC_KSTATS_HEAD + (size_t)count * REC_KSTATS_ITEM;
	if (need(left, 0, len, why, whylen, "a kstats") < 0)
		return -1;
	memset(out, 0, sizeof(*out));
	memcpy(out, p, len);
	*used = len;
	return 0;
}

int rec_decode(const uint8_t *raw, size_t len, size_t *pos, struct rec_regs_base *base,
	       struct rec_item *item, char *why, size_t whylen)
{
	size_t at = *pos, used = 0;
	if (at >= len) {
		snprintf(why, whylen, "the block ends before its last record");
		return -1;
	}
	uint8_t kind = raw[at++];
	const uint8_t *p = raw + at;
	size_t left = len - at;

	switch (kind) {
	case REC_EVENT:
		if (need(left, 0, sizeof(struct event), why, whylen, "an event") < 0)
			return -1;
		memcpy(&item->u.event, p, sizeof(struct event));
		used = sizeof(struct event);
		break;
	case REC_REGS:
		if (decode_regs(p, left, base, &item->u.regs, &used, why, whylen) < 0)
			return -1;
		break;
	case REC_KSTATS:
		if (decode_kstats(p, left, &item->u.kstats, &used, why, whylen) < 0)
			return -1;
		break;
	default:
		snprintf(why, whylen, "unknown record kind %u", kind);
		return -1;
	}
	item->kind = (enum rec_kind)kind;
	*pos = at + used;
	return 0;
}
