/* SPDX-License-Identifier: MIT */
/* fuzz_record.c - the recording reader (src/record/record_reader*.c,
 * record_header.c, record_codec.c) and the replay's index over it
 * (src/replay/replay_index.c), on any file given to --replay.
 *
 * Recordings are shared (a lecturer hands out a run for students to step
 * through), so --replay reads files nobody here wrote. A recording is a
 * CRC-checked header and CRC-checked zstd blocks, which random bytes would
 * almost never get past; so the input is mostly a recipe this target turns
 * into a file: header fields, then blocks of raw record bytes that it
 * compresses and checksums itself, then an optional corruption (a byte
 * changed, the file cut short). The first byte's low bit chooses the
 * recipe or the input as the file itself.
 *
 * The file is read to its end, then read again through seeks to positions
 * rec_reader_tell gave, which must give the same records; then indexed as
 * --replay does. Every event read goes through the exit log's and the
 * trace's writers (support/fuzz_event.c), as a replay shows it. What must
 * hold besides the sanitizers: no crash or over-read on any file, a
 * corrupt file is an error with a reason, never a wrong record.
 */
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "fuzz_event.h"
#include "fuzz_input.h"
#include "record.h"
#include "record_format.h"
#include "reg_format.h"
#include "replay_index.h"

#define FILE_MAX (1u << 20)
#define MAX_BLOCKS 8
#define MAX_ITEMS 4096
#define MARKS 8

static uint8_t *file, *raw;

static void put_text(struct fuzz_in *in, char *dst, size_t size)
{
	size_t n = fuzz_u8(in) % size;
	fuzz_bytes(in, dst, n);
	dst[n] = '\0';
}

/* The recipe: header, blocks, corruption. Returns the file's size. */
static size_t build(struct fuzz_in *in)
{
	struct rec_info info;
	memset(&info, 0, sizeof info);
	put_text(in, info.guest, 24);
	put_text(in, info.image_kind, sizeof info.image_kind);
	put_text(in, info.start_mode, sizeof info.start_mode);
	info.mem_size = fuzz_u64(in);
	info.created_unix = fuzz_u64(in);
	put_text(in, info.version, sizeof info.version);
	rec_header_encode(&info, file);
	size_t len = REC_HDR_LEN_V1;

	unsigned blocks = fuzz_u8(in) % (MAX_BLOCKS + 1);
	for (unsigned i = 0; i < blocks && !fuzz_in_empty(in); i++) {
		size_t rawlen = fuzz_bytes(in, raw, fuzz_u16(in) % 2048 + 1);
		uint32_t count = fuzz_u16(in);
		if (rawlen == 0)
			break;
		size_t bound = ZSTD_compressBound(rawlen);
		if (len + REC_BLOCK_HDR_LEN + bound > FILE_MAX)
			break;
		uint8_t *hdr = file + len, *frame = hdr + REC_BLOCK_HDR_LEN;
		size_t zlen = ZSTD_compress(frame, bound, raw, rawlen, 1);
		if (ZSTD_isError(zlen))
			fuzz_fail("ZSTD_compress: %s", ZSTD_getErrorName(zlen));
		struct rec_block_hdr h = { .magic = REC_BLOCK_MAGIC, .zlen = (uint32_t)zlen,
					   .rawlen = (uint32_t)rawlen, .count = count, .crc = 0 };
		rec_block_hdr_encode(&h, hdr);
		h.crc = rec_block_crc(hdr, frame, zlen);
		rec_block_hdr_encode(&h, hdr);
		len += REC_BLOCK_HDR_LEN + zlen;
	}
	uint8_t damage = fuzz_u8(in);
	if (damage & 1) { /* one byte changed */
		size_t at = fuzz_u32(in) % len;
		file[at] ^= (uint8_t)(fuzz_u8(in) | 1);
	}
	if (damage & 2) /* cut short: a killed run */
		len -= fuzz_u32(in) % len;
	return len;
}

static bool same_item(const struct rec_item *a, const struct rec_item *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case REC_EVENT:
		return memcmp(&a->u.event, &b->u.event, sizeof a->u.event) == 0;
	case REC_REGS:
		return memcmp(&a->u.regs, &b->u.regs, sizeof a->u.regs) == 0;
	case REC_KSTATS:
		return a->u.kstats.count == b->u.kstats.count &&
		       memcmp(&a->u.kstats, &b->u.kstats,
			      offsetof(struct kstats, item) + a->u.kstats.count * sizeof a->u.kstats.item[0]) == 0;
	}
	return false;
}

static void check_item(const struct rec_item *item, struct port_decoder *d)
{
	switch (item->kind) {
	case REC_EVENT:
		fuzz_event_feed(d, &item->u.event, true);
		break;
	case REC_REGS: { /* as the register pane shows them */
		enum cpu_mode_now mode = cpu_mode_of(&item->u.regs);
		char hex[24];
		fuzz_text_check("CPU mode", cpu_mode_name(mode), false, false);
		reg_format_hex(hex, sizeof hex, item->u.regs.rip, cpu_mode_width(mode));
		fuzz_text_check("RIP", hex, false, false);
		break;
	}
	case REC_KSTATS:
		if (item->u.kstats.count > KSTATS_MAX)
			fuzz_fail("kstats record with %u items", item->u.kstats.count);
		break;
	default:
		fuzz_fail("record of kind %d", (int)item->kind);
	}
}

/* Read through; remember where some records were and what they held. */
static void read_all(const char *path)
{
	char err[512] = "";
	struct rec_info info;
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof err);
	if (!r) {
		if (!err[0])
			fuzz_fail("rec_reader_open failed without a reason");
		return;
	}
	static struct rec_item item, marked[MARKS];
	struct rec_pos marks[MARKS];
	unsigned nmarks = 0, n = 0;
	struct port_decoder d;
	memset(&d, 0, sizeof d); /* reset keeps started and generation: zero them first */
	port_decoder_reset(&d);
	int got;
	for (;;) {
		struct rec_pos at = rec_reader_tell(r);
		got = rec_reader_next(r, &item);
		if (got <= 0 || n++ >= MAX_ITEMS)
			break;
		check_item(&item, &d);
		if (nmarks < MARKS && (n % 5 == 1)) {
			marks[nmarks] = at;
			marked[nmarks++] = item;
		}
	}
	if (got < 0 && !rec_reader_error(r)[0])
		fuzz_fail("a corrupt recording with no reason");
	(void)rec_reader_truncated(r);
	/* Back to each remembered place: the same record again. */
	for (unsigned i = 0; i < nmarks; i++) {
		if (rec_reader_seek(r, marks[i]) != 0)
			fuzz_fail("cannot seek back to a place tell gave: %s", rec_reader_error(r));
		if (rec_reader_next(r, &item) != 1 || !same_item(&item, &marked[i]))
			fuzz_fail("a seek to record %u of the block at %llu read another record", marks[i].index,
				  (unsigned long long)marks[i].block_offset);
	}
	rec_reader_close(r);

	/* What --replay does at open. */
	r = rec_reader_open(path, &info, err, sizeof err);
	if (!r)
		fuzz_fail("the recording opened once, not twice: %s", err);
	struct replay_index idx;
	struct replay_summary sum;
	memset(&sum, 0, sizeof sum);
	if (replay_index_build(&idx, r, path, &sum, err, sizeof err) == 0) {
		for (size_t g = 0; g < idx.count; g++)
			(void)replay_index_exits_until(&idx, g, idx.gen[g].exits ? idx.gen[g].exit_times[0] : 0);
		replay_index_free(&idx);
	} else if (!err[0]) {
		fuzz_fail("the index refused the recording without a reason");
	}
	rec_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	if (!file && (!(file = malloc(FILE_MAX)) || !(raw = malloc(2048))))
		fuzz_fail("out of memory");
	uint8_t mode = fuzz_u8(&in);
	const char *path;
	if (mode & 1)
		path = fuzz_file_set(in.p, in.n);
	else
		path = fuzz_file_set(file, build(&in));
	read_all(path);
	return 0;
}
