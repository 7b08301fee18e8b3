/* SPDX-License-Identifier: MIT */
/* record_reader.c - reading a recording back, record by record.
 *
 * Blocks are read whole with pread, checked (magic, sizes, CRC), inflated
 * and decoded in order. A block cut short by the end of the file is what a
 * killed run leaves: it ends the recording quietly (truncated). Anything
 * else that does not add up is corruption: -1, and the error names the block
 * by its file offset and the record by its offset inside the block.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "record_reader_internal.h"

/* The reason only: the caller names the file. With the path in front the
 * replay's message named it twice, and a long path cut the reason off. */
static int reader_fail(struct rec_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	r->corrupt = true;
	return -1;
}

/* Bytes read (fewer only at the end of the file), or -1. */
ssize_t rec_pread_full(int fd, void *buf, size_t len, uint64_t off)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = pread(fd, (uint8_t *)buf + got, len - got, (off_t)(off + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static int grow(uint8_t **buf, size_t *cap, size_t want)
{
	if (*cap >= want)
		return 0;
	uint8_t *p = realloc(*buf, want);
	if (!p)
		return -1;
	*buf = p;
	*cap = want;
	return 0;
}

/* A cut-short block is the end of a killed run, not an error. */
static int end_here(struct rec_reader *r, bool truncated)
{
	r->at_end = true;
	r->truncated = truncated;
	return 0;
}

static int check_sizes(struct rec_reader *r, uint64_t off, const struct rec_block_hdr *h)
{
	if (h->magic != REC_BLOCK_MAGIC)
		return reader_fail(r, "no block at byte %" PRIu64 " (bad block magic 0x%08x)", off, h->magic);
	if (h->rawlen == 0 || h->count == 0 || h->zlen == 0 || h->rawlen > REC_BLOCK_RAW_LIMIT ||
	    h->count > h->rawlen || h->zlen > ZSTD_compressBound(h->rawlen))
		return reader_fail(r, "block at byte %" PRIu64 " has impossible sizes "
				   "(%u compressed, %u raw, %u records)", off, h->zlen, h->rawlen, h->count);
	if (grow(&r->zbuf, &r->zcap, h->zlen) < 0 || grow(&r->raw, &r->rawcap, h->rawlen) < 0)
		return reader_fail(r, "block at byte %" PRIu64 ": %s", off, strerror(ENOMEM));
	return 0;
}

static int inflate_block(struct rec_reader *r, uint64_t off, const uint8_t *hdr, const struct rec_block_hdr *h)
{
	if (rec_block_crc(hdr, r->zbuf, h->zlen) != h->crc)
		return reader_fail(r, "block at byte %" PRIu64 " is damaged (checksum mismatch)", off);
	size_t n = ZSTD_decompressDCtx(r->dctx, r->raw, h->rawlen, r->zbuf, h->zlen);
	if (ZSTD_isError(n))
		return reader_fail(r, "block at byte %" PRIu64 " does not decompress: %s", off, ZSTD_getErrorName(n));
	if (n != h->rawlen)
		return reader_fail(r, "block at byte %" PRIu64 " decompresses to %zu bytes, its header says %u",
				   off, n, h->rawlen);
	return 0;
}

/* 1: the block at off is loaded; 0: the recording ends there; -1: corrupt. */
static int load_block(struct rec_reader *r, uint64_t off)
{
	uint8_t hdr[REC_BLOCK_HDR_LEN];
	struct rec_block_hdr h;

	r->loaded = false;
	ssize_t n = rec_pread_full(r->fd, hdr, sizeof(hdr), off);
	if (n < 0)
		return reader_fail(r, "cannot read: %s", strerror(errno));
	if (n < (ssize_t)sizeof(hdr))
		return end_here(r, n > 0);
	rec_block_hdr_decode(hdr, &h);
	if (check_sizes(r, off, &h) < 0)
		return -1;
	n = rec_pread_full(r->fd, r->zbuf, h.zlen, off + sizeof(hdr));
	if (n < 0)
		return reader_fail(r, "cannot read: %s", strerror(errno));
	if ((size_t)n < h.zlen)
		return end_here(r, true);
	if (inflate_block(r, off, hdr, &h) < 0)
		return -1;
	r->loaded = true;
	r->block_off = off;
	r->next_off = off + sizeof(hdr) + h.zlen;
	r->rawlen = h.rawlen;
	r->count = h.count;
	r->pos = 0;
	r->index = 0;
	memset(&r->base, 0, sizeof(r->base)); /* every block starts from zeros */
	return 1;
}

static int decode_one(struct rec_reader *r, struct rec_item *item)
{
	char why[256];
	size_t at = r->pos;
	if (rec_decode(r->raw, r->rawlen, &r->pos, &r->base, item, why, sizeof(why)) < 0)
		return reader_fail(r, "block at byte %" PRIu64 ", record %u (byte %zu of the decompressed block): %s",
				   r->block_off, r->index, at, why);
	r->index++;
	return 0;
}

int rec_reader_next(struct rec_reader *r, struct rec_item *item)
{
	if (r->corrupt)
		return -1;
	while (!r->loaded || r->index == r->count) {
		if (r->loaded && r->pos != r->rawlen)
			return reader_fail(r, "block at byte %" PRIu64 " has %zu bytes after its %u records",
					   r->block_off, r->rawlen - r->pos, r->count);
		if (r->at_end)
			return 0;
		int rc = load_block(r, r->next_off);
		if (rc <= 0)
			return rc;
	}
	return decode_one(r, item) < 0 ? -1 : 1;
}

bool rec_reader_truncated(const struct rec_reader *r)
{
	return r->truncated;
}

const char *rec_reader_error(const struct rec_reader *r)
{
	return r->corrupt ? r->err : "";
}

struct rec_pos rec_reader_tell(const struct rec_reader *r)
{
	if (r->loaded && r->index < r->count)
		return (struct rec_pos){ .block_offset = r->block_off, .index = r->index };
	return (struct rec_pos){ .block_offset = r->next_off, .index = 0 };
}

/* Decodes the block from its start and skips `index` records: the register
 * delta base can only be rebuilt that way. */
int rec_reader_seek(struct rec_reader *r, struct rec_pos pos)
{
	struct rec_item scratch;

	r->loaded = r->at_end = r->truncated = r->corrupt = false;
	r->next_off = pos.block_offset;
	if (pos.block_offset < r->hdr_len)
		return reader_fail(r, "cannot seek to byte %" PRIu64 ": inside the header", pos.block_offset);
	if (pos.index == 0)
		return 0; /* loaded by the next read, which also handles the end */
	int rc = load_block(r, pos.block_offset);
	if (rc == 0)
		return reader_fail(r, "cannot seek to record %u of byte %" PRIu64 ": no block there",
				   pos.index, pos.block_offset);
	if (rc < 0)
		return -1;
	if (pos.index > r->count)
		return reader_fail(r, "cannot seek to record %u of the block at byte %" PRIu64 ": it has %u",
				   pos.index, pos.block_offset, r->count);
	while (r->index < pos.index)
		if (decode_one(r, &scratch) < 0)
			return -1;
	return 0;
}
