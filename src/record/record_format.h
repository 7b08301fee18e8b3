/* SPDX-License-Identifier: MIT */
/* record_format.h - the recording's on-disk layout, private to src/record.
 *
 * Everything the writer and the reader must agree on lives here: offsets,
 * limits, the little-endian helpers, the CRC and the record codec. The
 * README's "Recording format" section describes the same layout in prose;
 * change both together.
 */
#ifndef KVMTUI_RECORD_FORMAT_H
#define KVMTUI_RECORD_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "record.h"

/* Events, register words and the kstats prefix are copied as the host lays
 * them out; the format is little-endian, so the host must be too. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the recording format is little-endian");

/* ---- file header ---- */

#define REC_MAGIC_LEN 8
#define REC_HDR_GUEST 16            /* char[256] */
#define REC_HDR_IMAGE_KIND 272      /* char[32] */
#define REC_HDR_START_MODE 304      /* char[16] */
#define REC_HDR_MEM_SIZE 320        /* u64 */
#define REC_HDR_CREATED 328         /* u64 */
#define REC_HDR_VERSION_STR 336     /* char[32] */
#define REC_HDR_LEN_V1 372          /* 368 bytes of fields + the CRC32 */
#define REC_HDR_LEN_MAX 65536       /* a larger claim is corruption, not a future header */

_Static_assert(REC_HDR_GUEST + sizeof(((struct rec_info *)0)->guest) == REC_HDR_IMAGE_KIND, "header layout");
_Static_assert(REC_HDR_IMAGE_KIND + sizeof(((struct rec_info *)0)->image_kind) == REC_HDR_START_MODE, "header layout");
_Static_assert(REC_HDR_START_MODE + sizeof(((struct rec_info *)0)->start_mode) == REC_HDR_MEM_SIZE, "header layout");
_Static_assert(REC_HDR_VERSION_STR + sizeof(((struct rec_info *)0)->version) + 4 == REC_HDR_LEN_V1, "header layout");

/* Serializes info into out[REC_HDR_LEN_V1], CRC included. */
void rec_header_encode(const struct rec_info *info, uint8_t *out);

enum rec_header_verdict {
	REC_HDR_OK,
	REC_HDR_FOREIGN,   /* no magic: some other file */
	REC_HDR_NEWER,     /* *version is larger than REC_VERSION */
	REC_HDR_CUT,       /* the file ends inside the header */
	REC_HDR_CORRUPT,   /* bad length, bad version 0, checksum mismatch */
};

/* Checks the header in buf[0..len) (len: what the file held, up to the
 * claimed header length). *hdr_len and *version are set as soon as they are
 * known; *info is filled when REC_HDR_OK. why gets the corrupt detail. */
enum rec_header_verdict rec_header_decode(const uint8_t *buf, size_t len, uint32_t *version,
					  uint32_t *hdr_len, struct rec_info *info,
					  char *why, size_t whylen);

/* ---- blocks ---- */

#define REC_BLOCK_MAGIC 0x4b4c4252u  /* "RBLK" as it reads in a hex dump */
#define REC_BLOCK_HDR_LEN 20         /* magic, compressed len, raw len, count, checksum */
#define REC_BLOCK_TARGET (128u * 1024) /* the writer hands a block off at this raw size */
#define REC_BLOCK_RAW_LIMIT (16u * 1024 * 1024) /* readers refuse larger blocks */

struct rec_block_hdr {
	uint32_t magic;
	uint32_t zlen;   /* bytes of the zstd frame that follows */
	uint32_t rawlen; /* bytes of records once decompressed */
	uint32_t count;  /* records in the block */
	uint32_t crc;    /* CRC32 of the header's first 16 bytes, then the frame */
};

void rec_block_hdr_encode(const struct rec_block_hdr *h, uint8_t out[REC_BLOCK_HDR_LEN]);
void rec_block_hdr_decode(const uint8_t in[REC_BLOCK_HDR_LEN], struct rec_block_hdr *h);
/* The block checksum: covers the header's fields (a flipped length must not
 * pass) and the compressed bytes. */
uint32_t rec_block_crc(const uint8_t hdr[REC_BLOCK_HDR_LEN], const uint8_t *frame, size_t zlen);

/* ---- records ---- */

#define REC_REGS_WORDS (sizeof(struct cpu_state) / sizeof(uint64_t))
_Static_assert(sizeof(struct cpu_state) % sizeof(uint64_t) == 0, "registers are whole words");
_Static_assert(REC_REGS_WORDS <= 64, "one u64 bitmap covers every register word");
/* Whether the encoder needs its word-by-word tail after the groups of four
 * (a preprocessor switch: a loop that can never run draws a GCC warning). */
#define REC_REGS_WORDS_TAIL 0
_Static_assert((REC_REGS_WORDS % 4 != 0) == REC_REGS_WORDS_TAIL, "set REC_REGS_WORDS_TAIL to whether words follow the last group of four");

/* kstats are written as their first 16 bytes (count, available, generation)
 * then `count` items of 48 bytes: pin the layout those sizes assume. */
#define REC_KSTATS_HEAD 16u
#define REC_KSTATS_ITEM 48u
_Static_assert(offsetof(struct kstats, item) == REC_KSTATS_HEAD, "kstats head layout");
_Static_assert(sizeof(((struct kstats *)0)->item[0]) == REC_KSTATS_ITEM, "kstats item layout");

/* The largest record: what a block buffer must keep free for one more. */
#define REC_EVENT_LEN (1u + sizeof(struct event))
#define REC_REGS_MAX_LEN (1u + 8u + sizeof(struct cpu_state))
#define REC_KSTATS_MAX_LEN (1u + REC_KSTATS_HEAD + KSTATS_MAX * REC_KSTATS_ITEM)
#define REC_RECORD_MAX REC_KSTATS_MAX_LEN
_Static_assert(REC_KSTATS_MAX_LEN >= REC_REGS_MAX_LEN && REC_KSTATS_MAX_LEN >= REC_EVENT_LEN, "max record");

/* The register delta base: the last REC_REGS of the block, zeros at its start. */
struct rec_regs_base {
	uint64_t w[REC_REGS_WORDS];
};

/* Encoders append one record at out and return its length; out must have
 * REC_RECORD_MAX bytes free. rec_encode_regs updates base. */
size_t rec_encode_event(uint8_t *out, const struct event *ev);
size_t rec_encode_regs(uint8_t *out, struct rec_regs_base *base, const struct cpu_state *cpu);
size_t rec_encode_kstats(uint8_t *out, const struct kstats *ks);

/* Decodes the record at raw[*pos] (raw holding len bytes), advances *pos and
 * updates base. 0, or -1 with the reason in why (no offsets: the caller knows
 * where the block is). */
int rec_decode(const uint8_t *raw, size_t len, size_t *pos, struct rec_regs_base *base,
	       struct rec_item *item, char *why, size_t whylen);

/* ---- helpers ---- */

uint32_t rec_crc32(uint32_t crc, const void *data, size_t len); /* start with 0 */

static inline void rec_put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline void rec_put_u64(uint8_t *p, uint64_t v)
{
	rec_put_u32(p, (uint32_t)v);
	rec_put_u32(p + 4, (uint32_t)(v >> 32));
}

static inline uint32_t rec_get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t rec_get_u64(const uint8_t *p)
{
	return (uint64_t)rec_get_u32(p) | (uint64_t)rec_get_u32(p + 4) << 32;
}

#endif
