/* SPDX-License-Identifier: MIT */
/* test_record.c - the recording file: round trips across blocks, the header,
 * every possible cut, damaged blocks and records, foreign and newer files,
 * tell/seek, write errors, the 200 ms flush, a writer killed with SIGKILL and
 * two threads appending at once.
 *
 * The file layout is checked against the README's description by walking
 * the blocks here independently (header length at byte 12, each block is 20
 * bytes of header plus its compressed length), not through the reader.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zstd.h>

#include "check.h"
#include "record.h"
#include "record_format.h"

static char dir[] = "/tmp/kvmtui-rec.XXXXXX";
static struct rec_info info0;

/* ---- a deterministic stream of records -------------------------------- */

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void path_of(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
}

static struct event make_event(uint64_t i)
{
	struct event ev;
	memset(&ev, 0, sizeof(ev));
	ev.kind = EVENT_EXIT;
	ev.reason = EXIT_IO;
	ev.seq = i + 1;
	ev.time_ns = 9000 * (i + 1) + (i * 7919) % 1000;
	ev.rip = 0x7c20;
	ev.u.io.port = 0x3f8;
	ev.u.io.size = 1;
	ev.u.io.dir = IO_OUT;
	ev.u.io.count = 1;
	ev.u.io.data[0] = (uint8_t)('0' + i % 64);
	return ev;
}

/* A flood's registers: AL, BX, ECX and the exit count move at every exit,
 * the flags now and then, a segment once in a while. */
static struct cpu_state make_regs(uint64_t i)
{
	struct cpu_state c;
	memset(&c, 0, sizeof(c));
	c.gpr[GPR_RAX] = '0' + i % 64;
	c.gpr[GPR_RBX] = (i + 1) % 64;
	c.gpr[GPR_RCX] = 1000000 - i;
	c.gpr[GPR_RDX] = 0x3f8;
	c.gpr[GPR_RSP] = 0x7c00;
	c.rip = 0x7c20;
	c.rflags = 0x2 | (i % 3 == 0 ? 0x4 : 0);
	c.seg[SEG_CS].limit = 0xffff;
	c.seg[SEG_CS].type = 0xb;
	c.seg[SEG_CS].present = 1;
	c.seg[SEG_DS].base = (i / 1000) * 16;
	c.cr0 = 0x10;
	c.exits = i + 1;
	c.generation = 1;
	c.valid = 1;
	return c;
}

static struct kstats make_kstats(uint64_t i)
{
	struct kstats ks;
	memset(&ks, 0, sizeof(ks));
	ks.count = (uint32_t)(3 + i % 5);
	ks.available = 1;
	ks.generation = i;
	for (uint32_t k = 0; k < ks.count; k++) {
		snprintf(ks.item[k].name, sizeof(ks.item[k].name), "stat_%u", k);
		ks.item[k].value = i * 100 + k;
	}
	return ks;
}

/* Record n of the stream: per exit an event then its registers, and a
 * kstats sample every 97 exits. */
static struct rec_item stream_item(uint64_t n)
{
	struct rec_item it;
	memset(&it, 0, sizeof(it));
	uint64_t group = n / 195, k = n % 195; /* 97 exits (194 records) + 1 kstats */
	if (k == 194) {
		it.kind = REC_KSTATS;
		it.u.kstats = make_kstats(group);
	} else {
		uint64_t exit = group * 97 + k / 2;
		it.kind = k % 2 == 0 ? REC_EVENT : REC_REGS;
		if (it.kind == REC_EVENT)
			it.u.event = make_event(exit);
		else
			it.u.regs = make_regs(exit);
	}
	return it;
}

static void append_item(struct rec_writer *w, const struct rec_item *it)
{
	if (it->kind == REC_EVENT)
		rec_writer_event(w, &it->u.event);
	else if (it->kind == REC_REGS)
		rec_writer_regs(w, &it->u.regs);
	else
		rec_writer_kstats(w, &it->u.kstats);
}

static bool item_equal(const struct rec_item *a, const struct rec_item *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case REC_EVENT:
		return memcmp(&a->u.event, &b->u.event, sizeof(a->u.event)) == 0;
	case REC_REGS:
		return memcmp(&a->u.regs, &b->u.regs, sizeof(a->u.regs)) == 0;
	case REC_KSTATS:
		return memcmp(&a->u.kstats, &b->u.kstats, sizeof(a->u.kstats)) == 0;
	}
	return false;
}

/* Writes records [0, n) of the stream, with a sync after each index in
 * cuts[] (so blocks end there), and closes. */
static int write_stream(const char *path, uint64_t n, const uint64_t *cuts, size_t ncuts)
{
	char err[256];
	struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	size_t c = 0;
	for (uint64_t i = 0; i < n; i++) {
		struct rec_item it = stream_item(i);
		append_item(w, &it);
		if (c < ncuts && cuts[c] == i + 1) {
			rec_writer_sync(w);
			c++;
		}
	}
	int rc = rec_writer_close(w, err, sizeof(err));
	if (rc < 0)
		fprintf(stderr, "%s\n", err);
	return rc;
}

struct readout {
	uint64_t count;    /* records read, all equal to the stream's */
	uint64_t mismatch; /* records that differed */
	int last_rc;       /* 0 end, -1 corrupt, -2 open failed */
	bool truncated;
	char err[512];
};

/* Reads the whole file, comparing each record with the stream. */
static struct readout read_stream(const char *path)
{
	struct readout o = { 0 };
	struct rec_info info;
	struct rec_item it;
	struct rec_reader *r = rec_reader_open(path, &info, o.err, sizeof(o.err));
	if (!r) {
		o.last_rc = -2;
		return o;
	}
	while ((o.last_rc = rec_reader_next(r, &it)) == 1) {
		struct rec_item want = stream_item(o.count);
		if (!item_equal(&it, &want) && o.mismatch++ < 3)
			fprintf(stderr, "record %llu differs (kind %d)\n", (unsigned long long)o.count, it.kind);
		o.count++;
	}
	o.truncated = rec_reader_truncated(r);
	snprintf(o.err, sizeof(o.err), "%s", rec_reader_error(r));
	rec_reader_close(r);
	return o;
}

/* ---- the file's layout, walked independently ---------------------------- */

struct layout {
	uint32_t hdr_len;
	size_t nblocks;
	uint64_t off[256];   /* block start */
	uint64_t end[256];   /* block end (next block's start) */
	uint32_t count[256]; /* records in it */
};

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint8_t *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0)
		return NULL;
	uint8_t *buf = malloc((size_t)st.st_size + 1);
	ssize_t n = read(fd, buf, (size_t)st.st_size);
	close(fd);
	*len = n < 0 ? 0 : (size_t)n;
	return buf;
}

static void spit(const char *path, const uint8_t *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		fprintf(stderr, "cannot write %s\n", path);
	close(fd);
}

/* Thousands of rewrites (every cut, every flipped byte) go to a memfd: on
 * ext4 each truncating rewrite of a real file costs a flush, ~0.3 ms. */
struct memfile {
	int fd;
	char path[64];
};

static void memfile_open(struct memfile *m)
{
	m->fd = memfd_create("kvmtui-rec-test", MFD_CLOEXEC);
	snprintf(m->path, sizeof(m->path), "/proc/self/fd/%d", m->fd);
}

static void memfile_set(struct memfile *m, const uint8_t *buf, size_t len)
{
	if (ftruncate(m->fd, 0) < 0 || pwrite(m->fd, buf, len, 0) != (ssize_t)len)
		perror("memfd");
}

static bool walk(const uint8_t *buf, size_t len, struct layout *l)
{
	memset(l, 0, sizeof(*l));
	if (len < 16 || memcmp(buf, "KVMTUIRC", 8) != 0)
		return false;
	l->hdr_len = le32(buf + 12);
	uint64_t off = l->hdr_len;
	while (off + 20 <= len && l->nblocks < 256) {
		if (le32(buf + off) != REC_BLOCK_MAGIC)
			return false;
		uint64_t end = off + 20 + le32(buf + off + 4);
		if (end > len)
			break;
		l->off[l->nblocks] = off;
		l->end[l->nblocks] = end;
		l->count[l->nblocks++] = le32(buf + off + 12);
		off = end;
	}
	return off == len;
}

/* ---- the tests -------------------------------------------------------- */

static void test_header_roundtrip(void)
{
	char path[512], err[256];
	struct rec_info in, out;
	path_of(path, sizeof(path), "header.rec");
	memset(&in, 0, sizeof(in));
	memset(in.guest, 'g', sizeof(in.guest)); /* no NUL: must come back cut to 255 */
	snprintf(in.image_kind, sizeof(in.image_kind), "boot sector");
	snprintf(in.start_mode, sizeof(in.start_mode), "real");
	in.mem_size = 16ull << 20;
	in.created_unix = 1764633600ull;
	snprintf(in.version, sizeof(in.version), "0.1.0");

	struct rec_writer *w = rec_writer_open(path, &in, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_EQ(rec_writer_close(w, err, sizeof(err)), 0);

	memset(&out, 0x55, sizeof(out));
	struct rec_reader *r = rec_reader_open(path, &out, err, sizeof(err));
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_EQ(strlen(out.guest), sizeof(in.guest) - 1);
	CHECK(memcmp(out.guest, in.guest, sizeof(in.guest) - 1) == 0);
	CHECK_STR(out.image_kind, "boot sector");
	CHECK_STR(out.start_mode, "real");
	CHECK_EQ(out.mem_size, 16ull << 20);
	CHECK_EQ(out.created_unix, 1764633600ull);
	CHECK_STR(out.version, "0.1.0");
	struct rec_item it;
	CHECK_EQ(rec_reader_next(r, &it), 0); /* no records */
	CHECK(!rec_reader_truncated(r));
	rec_reader_close(r);

	/* The header is exactly as the README lays it out. */
	size_t len;
	uint8_t *buf = slurp(path, &len);
	CHECK_EQ(len, 372);
	CHECK(memcmp(buf, "KVMTUIRC", 8) == 0);
	CHECK_EQ(le32(buf + 8), 1);
	CHECK_EQ(le32(buf + 12), 372);
	CHECK_STR((char *)buf + 272, "boot sector");
	CHECK_STR((char *)buf + 304, "real");
	CHECK_EQ(le32(buf + 320), 16u << 20);
	CHECK_STR((char *)buf + 336, "0.1.0");
	CHECK_EQ(le32(buf + 368), rec_crc32(0, buf, 368));
	free(buf);
}

static void test_crc32_known_value(void)
{
	CHECK_EQ(rec_crc32(0, "123456789", 9), 0xcbf43926u); /* the standard check value */
	CHECK_EQ(rec_crc32(rec_crc32(0, "1234", 4), "56789", 5), 0xcbf43926u);
}

/* Many records, several blocks of 128 KiB, every byte back. */
static void test_roundtrip_many_blocks(void)
{
	char path[512];
	path_of(path, sizeof(path), "many.rec");
	const uint64_t n = 60000; /* ~3 MB raw: 20+ blocks */
	CHECK_EQ(write_stream(path, n, NULL, 0), 0);
	struct readout o = read_stream(path);
	CHECK_EQ(o.last_rc, 0);
	CHECK_EQ(o.count, n);
	CHECK_EQ(o.mismatch, 0);
	CHECK(!o.truncated);

	size_t len;
	uint8_t *buf = slurp(path, &len);
	struct layout l;
	CHECK(walk(buf, len, &l));
	CHECK(l.nblocks >= 5);
	uint64_t total = 0;
	for (size_t b = 0; b < l.nblocks; b++)
		total += l.count[b];
	CHECK_EQ(total, n);
	printf("round trip: %llu records in %zu blocks, %zu bytes (%.1f bytes per exit)\n",
	       (unsigned long long)n, l.nblocks, len, (double)len / (double)(n * 97 / 195));
	free(buf);
}

/* A recording with known small blocks: 3 blocks, cut where the syncs are. */
static const uint64_t small_cuts[] = { 40, 97 };
#define SMALL_N 150

static uint8_t *small_file(const char *name, char *path, size_t pathlen, size_t *len, struct layout *l)
{
	path_of(path, pathlen, name);
	if (write_stream(path, SMALL_N, small_cuts, 2) < 0)
		return NULL;
	uint8_t *buf = slurp(path, len);
	/* 3 blocks, unless the machine stalled the test past the 200 ms flush. */
	if (!walk(buf, *len, l) || l->nblocks < 3) {
		fprintf(stderr, "%s: expected 3 blocks, found %zu\n", name, l->nblocks);
		free(buf);
		return NULL;
	}
	return buf;
}

/* Cut the file at every offset: a cut header is refused, a cut block ends
 * the recording after the complete blocks before it. */
static void test_truncation_everywhere(void)
{
	char path[512];
	size_t len;
	struct layout l;
	uint8_t *buf = small_file("trunc.rec", path, sizeof(path), &len, &l);
	CHECK(buf != NULL);
	if (!buf)
		return;
	CHECK(l.count[0] <= 40 && l.count[0] + l.count[1] <= 97); /* the syncs cut blocks */
	struct memfile cut;
	memfile_open(&cut);

	uint64_t bad = 0, cases = 0;
	for (size_t c = 0; c < len; c++) {
		memfile_set(&cut, buf, c);
		struct readout o = read_stream(cut.path);
		cases++;
		if (c < l.hdr_len) {
			const char *want = c == 0 ? "is empty: not a kvm-tui recording"
						  : "ends inside its header: the recording is incomplete";
			if (o.last_rc != -2 || !strstr(o.err, want)) {
				if (bad++ < 5)
					fprintf(stderr, "cut at %zu: %d '%s'\n", c, o.last_rc, o.err);
			}
			continue;
		}
		uint64_t whole = 0;
		bool boundary = c == l.hdr_len;
		for (size_t b = 0; b < l.nblocks; b++) {
			if (l.end[b] <= c)
				whole += l.count[b];
			boundary |= l.end[b] == c;
		}
		if (o.last_rc != 0 || o.count != whole || o.mismatch || o.truncated == boundary) {
			if (bad++ < 5)
				fprintf(stderr, "cut at %zu: rc %d, %llu records (want %llu), truncated %d: %s\n", c,
					o.last_rc, (unsigned long long)o.count, (unsigned long long)whole, o.truncated,
					o.err);
		}
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(cases, len);
	close(cut.fd);
	free(buf);
}

/* Flip every byte of the middle block: the reader returns the first block,
 * then -1 naming the middle block's offset. */
static void test_corrupt_block(void)
{
	char path[512], want[64];
	size_t len;
	struct layout l;
	uint8_t *buf = small_file("corrupt.rec", path, sizeof(path), &len, &l);
	CHECK(buf != NULL);
	if (!buf)
		return;
	struct memfile flipped;
	memfile_open(&flipped);
	snprintf(want, sizeof(want), "block at byte %llu", (unsigned long long)l.off[1]);
	uint64_t bad = 0, cases = 0;
	for (uint64_t at = l.off[1]; at < l.end[1]; at++) {
		buf[at] ^= 0xff;
		memfile_set(&flipped, buf, len);
		buf[at] ^= 0xff;
		struct readout o = read_stream(flipped.path);
		cases++;
		if (o.last_rc != -1 || o.count != l.count[0] || o.mismatch || !strstr(o.err, want)) {
			if (bad++ < 5)
				fprintf(stderr, "flip at %llu: rc %d, %llu records: %s\n", (unsigned long long)at,
					o.last_rc, (unsigned long long)o.count, o.err);
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(cases > 20);
	struct readout o;
	memfile_set(&flipped, buf, len);
	o = read_stream(flipped.path);
	CHECK_EQ(o.last_rc, 0); /* the unflipped copy is fine */
	CHECK_EQ(o.count, SMALL_N);
	close(flipped.fd);
	free(buf);
}

/* A block whose checksum is right but whose records are wrong (a writer
 * bug, not a disk): crafted here, one per kind of damage. */
static void craft(const char *path, const uint8_t *raw, size_t rawlen, uint32_t count)
{
	char err[256];
	struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
	if (w)
		rec_writer_close(w, err, sizeof(err)); /* a header and no blocks */
	size_t cap = REC_BLOCK_HDR_LEN + ZSTD_compressBound(rawlen);
	uint8_t *blk = malloc(cap);
	size_t z = ZSTD_compress(blk + REC_BLOCK_HDR_LEN, cap - REC_BLOCK_HDR_LEN, raw, rawlen, 1);
	struct rec_block_hdr h = { REC_BLOCK_MAGIC, (uint32_t)z, (uint32_t)rawlen, count, 0 };
	rec_block_hdr_encode(&h, blk);
	rec_put_u32(blk + 16, rec_block_crc(blk, blk + REC_BLOCK_HDR_LEN, z));
	int fd = open(path, O_WRONLY | O_APPEND);
	if (write(fd, blk, REC_BLOCK_HDR_LEN + z) < 0)
		perror(path);
	close(fd);
	free(blk);
}

static void expect_bad_records(const char *name, const uint8_t *raw, size_t rawlen, uint32_t count,
			       uint64_t good, const char *why)
{
	char path[512];
	path_of(path, sizeof(path), name);
	craft(path, raw, rawlen, count);
	struct rec_info info;
	struct rec_item it;
	char err[256];
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof(err));
	CHECK(r != NULL);
	if (!r)
		return;
	uint64_t n = 0;
	int rc;
	while ((rc = rec_reader_next(r, &it)) == 1)
		n++;
	CHECK_EQ(rc, -1);
	CHECK_EQ(n, good);
	CHECK_CONTAINS(rec_reader_error(r), why);
	CHECK_CONTAINS(rec_reader_error(r), "block at byte 372");
	/* the reason alone: the caller names the file (once) */
	CHECK(strstr(rec_reader_error(r), path) == NULL);
	CHECK_EQ(rec_reader_next(r, &it), -1); /* stays failed */
	rec_reader_close(r);
}

static void test_corrupt_records(void)
{
	uint8_t raw[512];
	struct event ev = make_event(1);
	struct cpu_state cpu = make_regs(1);
	struct rec_regs_base base;
	size_t n;

	raw[0] = 9;
	expect_bad_records("kind.rec", raw, 1, 1, 0, "unknown record kind 9");

	n = rec_encode_event(raw, &ev);
	raw[n] = 7;
	expect_bad_records("kind2.rec", raw, n + 1, 2, 1, "byte 65 of the decompressed block): unknown record kind 7");

	n = rec_encode_event(raw, &ev);
	expect_bad_records("overrun.rec", raw, n - 10, 1, 0, "an event record needs 64 bytes, the block has 54 left");

	memset(&base, 0, sizeof(base));
	n = rec_encode_regs(raw, &base, &cpu);
	expect_bad_records("regs_overrun.rec", raw, n - 8, 1, 0, "a registers record needs");

	memset(raw, 0, 16);
	raw[0] = REC_REGS;
	raw[8] = 0x10; /* bit 60 of the bitmap: there is no word 60 */
	expect_bad_records("regs_word.rec", raw, 9, 1, 0, "changes word 60 of 56");

	raw[0] = REC_KSTATS;
	rec_put_u32(raw + 1, 49);
	expect_bad_records("kstats_count.rec", raw, 17, 1, 0, "kstats record has 49 items");

	n = rec_encode_event(raw, &ev);
	expect_bad_records("count.rec", raw, n, 2, 1, "ends before its last record");

	n = rec_encode_event(raw, &ev);
	raw[n] = REC_EVENT;
	expect_bad_records("extra.rec", raw, n + 3, 1, 1, "has 3 bytes after its 1 records");
}

static void expect_refused(const char *path, const char *want)
{
	char err[256] = "";
	struct rec_info info;
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof(err));
	CHECK(r == NULL);
	rec_reader_close(r);
	CHECK_STR(err, want);
}

static void test_refused_files(void)
{
	char path[512], other[512], want[700];
	size_t len;
	path_of(path, sizeof(path), "header_src.rec");
	CHECK_EQ(write_stream(path, 10, NULL, 0), 0);
	uint8_t *buf = slurp(path, &len);
	path_of(other, sizeof(other), "x.rec");

	static const char script[] = "#!/bin/sh\necho this is a shell script\n";
	spit(other, (const uint8_t *)script, sizeof(script) - 1);
	snprintf(want, sizeof(want), "%s is not a kvm-tui recording", other);
	expect_refused(other, want);

	buf[8] = 2; /* version 2; the CRC no longer matches but the version speaks first */
	spit(other, buf, len);
	snprintf(want, sizeof(want), "%s is a version 2 recording; this kvm-tui reads version 1: upgrade kvm-tui", other);
	expect_refused(other, want);
	buf[8] = 1;

	buf[20] ^= 1; /* inside the guest name */
	spit(other, buf, len);
	snprintf(want, sizeof(want), "%s is a damaged kvm-tui recording: header checksum mismatch", other);
	expect_refused(other, want);
	buf[20] ^= 1;

	buf[12] = 0x10; /* header length 16 */
	buf[13] = 0;
	spit(other, buf, len);
	snprintf(want, sizeof(want), "%s is a damaged kvm-tui recording: header length 16", other);
	expect_refused(other, want);

	/* A longer version-1 header (fields a later writer added) is skipped. */
	uint8_t *longer = malloc(len + 8);
	memcpy(longer, buf, 368);
	memcpy(longer + 368, "EXTRA...", 8);
	rec_put_u32(longer + 12, 380);
	rec_put_u32(longer + 376, rec_crc32(0, longer, 376));
	memcpy(longer + 380, buf + 372, len - 372);
	spit(other, longer, len + 8);
	struct readout o = read_stream(other);
	CHECK_EQ(o.last_rc, 0);
	CHECK_EQ(o.count, 10);
	CHECK_EQ(o.mismatch, 0);
	free(longer);

	path_of(other, sizeof(other), "missing.rec");
	snprintf(want, sizeof(want), "cannot open %s: No such file or directory", other);
	expect_refused(other, want);
	free(buf);
}

/* tell before every record; seek back to each later and get the same record,
 * registers included (the delta base rebuilt from the block's start). */
static void test_tell_seek(void)
{
	char path[512], err[256];
	path_of(path, sizeof(path), "seek.rec");
	const uint64_t n = 8000; /* a few blocks */
	CHECK_EQ(write_stream(path, n, (const uint64_t[]){ 1000, 2500, 5000 }, 3), 0);
	struct rec_info info;
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof(err));
	CHECK(r != NULL);
	if (!r)
		return;
	struct rec_pos *pos = malloc(sizeof(*pos) * (n + 1));
	struct rec_item it;
	uint64_t i = 0, blocks = 0;
	pos[0] = rec_reader_tell(r);
	CHECK_EQ(pos[0].block_offset, 372);
	CHECK_EQ(pos[0].index, 0);
	while (rec_reader_next(r, &it) == 1 && i < n) {
		pos[++i] = rec_reader_tell(r);
		blocks += pos[i].index == 0;
	}
	CHECK_EQ(i, n);
	CHECK(blocks >= 4);

	/* Backwards, in strides that land mid-block, on regs and on kstats. */
	uint64_t bad = 0;
	for (uint64_t k = n; k-- > 0;) {
		if (k % 37 != 0 && k != 999 && k != 1000 && k != 194 && k != 193)
			continue;
		struct rec_item want = stream_item(k);
		if (rec_reader_seek(r, pos[k]) != 0 || rec_reader_next(r, &it) != 1 || !item_equal(&it, &want) ||
		    rec_reader_tell(r).block_offset != pos[k + 1].block_offset ||
		    rec_reader_tell(r).index != pos[k + 1].index)
			bad++;
	}
	CHECK_EQ(bad, 0);

	/* Seek then read on to the end: the rest follows in order. */
	CHECK_EQ(rec_reader_seek(r, pos[4321]), 0);
	uint64_t rest = 4321, mism = 0;
	int rc;
	while ((rc = rec_reader_next(r, &it)) == 1) {
		struct rec_item want = stream_item(rest++);
		mism += !item_equal(&it, &want);
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(rest, n);
	CHECK_EQ(mism, 0);

	/* The end is a place too; past a block's last record, inside the header: not. */
	CHECK_EQ(rec_reader_seek(r, pos[n]), 0);
	CHECK_EQ(rec_reader_next(r, &it), 0);
	CHECK(!rec_reader_truncated(r));
	struct rec_pos past = { pos[0].block_offset, 100000 };
	CHECK_EQ(rec_reader_seek(r, past), -1);
	CHECK_CONTAINS(rec_reader_error(r), "cannot seek to record 100000 of the block at byte 372");
	CHECK_EQ(rec_reader_next(r, &it), -1);
	struct rec_pos inside = { 3, 0 };
	CHECK_EQ(rec_reader_seek(r, inside), -1);
	CHECK_CONTAINS(rec_reader_error(r), "inside the header");
	struct rec_pos nowhere = { pos[n].block_offset + 5, 1 };
	CHECK_EQ(rec_reader_seek(r, nowhere), -1);
	CHECK_CONTAINS(rec_reader_error(r), "no block there");
	CHECK_EQ(rec_reader_seek(r, pos[0]), 0); /* and it recovers */
	CHECK_EQ(rec_reader_next(r, &it), 1);
	struct rec_item first = stream_item(0);
	CHECK(item_equal(&it, &first));
	free(pos);
	rec_reader_close(r);
}

/* kstats: only `count` items are written; a count past the array is cut. */
static void test_kstats_count(void)
{
	char path[512], err[256];
	path_of(path, sizeof(path), "kstats.rec");
	struct kstats ks = make_kstats(4), big;
	memset(&big, 0, sizeof(big));
	big.count = 1000;
	big.item[47].value = 47;
	struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	rec_writer_kstats(w, &ks);
	rec_writer_kstats(w, &big);
	CHECK_EQ(rec_writer_close(w, err, sizeof(err)), 0);
	size_t len;
	uint8_t *buf = slurp(path, &len);
	struct layout l;
	CHECK(walk(buf, len, &l));
	CHECK_EQ(le32(buf + l.off[0] + 8), (1 + 16 + 7 * 48) + (1 + 16 + 48 * 48)); /* raw length */
	free(buf);
	struct rec_info info;
	struct rec_item it;
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof(err));
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_EQ(rec_reader_next(r, &it), 1);
	CHECK(it.kind == REC_KSTATS && memcmp(&it.u.kstats, &ks, sizeof(ks)) == 0);
	CHECK_EQ(rec_reader_next(r, &it), 1);
	CHECK_EQ(it.u.kstats.count, 48);
	CHECK_EQ(it.u.kstats.item[47].value, 47);
	CHECK_EQ(rec_reader_next(r, &it), 0);
	rec_reader_close(r);
}

/* Records past the file size limit (EFBIG), in a child: close must say
 * "writing PATH: File too large", whole however long PATH is. */
static void expect_too_large(const char *path)
{
	int fds[2];
	CHECK(pipe(fds) == 0);
	fflush(NULL); /* the child must not print the parent's buffered output again */
	pid_t pid = fork();
	if (pid == 0) {
		char err[PATH_MAX + 256] = "";
		struct rlimit rl = { 1024, 1024 }; /* the header and part of a block */
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
		if (!w)
			_exit(3);
		for (uint64_t i = 0; i < 40000; i++) { /* ~20 blocks: all but the first fail */
			struct rec_item it = stream_item(i);
			append_item(w, &it);
		}
		int sync_rc = rec_writer_sync(w);
		int rc = rec_writer_close(w, err, sizeof(err));
		if (write(fds[1], err, strlen(err) + 1) < 0)
			_exit(4);
		_exit(rc == -1 && sync_rc == -1 ? 0 : 5);
	}
	close(fds[1]);
	static char msg[PATH_MAX + 256], want[PATH_MAX + 256];
	size_t got = 0;
	for (ssize_t n; got < sizeof(msg) - 1 && (n = read(fds[0], msg + got, sizeof(msg) - 1 - got)) > 0;)
		got += (size_t)n;
	msg[got] = '\0';
	close(fds[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(got > 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	snprintf(want, sizeof(want), "writing %s: File too large", path);
	CHECK_STR(msg, want);
	/* What did get written is a readable, shorter recording. */
	struct readout o = read_stream(path);
	CHECK(o.last_rc == 0 && o.mismatch == 0);
	CHECK(o.count < 40000);
}

/* A write error mid-run is kept and reported by close: here the file size
 * limit; /dev/full already fails at open, header write. */
static void test_write_errors(void)
{
	char err[256] = "", path[PATH_MAX];
	CHECK(rec_writer_open("/dev/full", &info0, err, sizeof(err)) == NULL);
	CHECK_STR(err, "writing /dev/full: No space left on device");
	CHECK(rec_writer_open("/nonexistent-dir/x.rec", &info0, err, sizeof(err)) == NULL);
	CHECK_STR(err, "cannot create /nonexistent-dir/x.rec: No such file or directory");

	path_of(path, sizeof(path), "big.rec");
	expect_too_large(path);
	/* A 3000-byte path: the writer's 512-byte message lost the reason. */
	path_of(path, sizeof(path), "");
	for (int i = 0; i < 15; i++) {
		size_t len = strlen(path);
		memset(path + len, 'd', 200);
		strcpy(path + len + 200, "/");
		CHECK(mkdir(path, 0700) == 0);
	}
	strcat(path, "big.rec");
	expect_too_large(path);
}

static off_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : -1;
}

/* One record and nothing else: the writer thread writes it within 200 ms
 * of its append, unasked. */
static void test_time_flush(void)
{
	char path[512], err[256];
	path_of(path, sizeof(path), "slow.rec");
	struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_EQ(file_size(path), 372);
	struct event ev = make_event(0);
	uint64_t t0 = now_ns();
	rec_writer_event(w, &ev);
	uint64_t deadline = t0 + 5000000000ull; /* a loaded machine may be slow; never this slow */
	while (file_size(path) == 372 && now_ns() < deadline) {
		struct timespec ms = { 0, 1000000 };
		nanosleep(&ms, NULL); /* polling, not synchronising: the size is the signal */
	}
	uint64_t took = now_ns() - t0;
	CHECK(file_size(path) > 372);
	CHECK(took >= 200000000ull); /* not before the 200 ms: blocks are not one record each */
	printf("one record reached the file after %.0f ms\n", (double)took / 1e6);
	struct readout o = read_stream(path); /* while the writer is still open */
	CHECK_EQ(o.count, 1);
	CHECK_EQ(o.last_rc, 0);
	CHECK(!o.truncated);
	off_t before = file_size(path);
	CHECK_EQ(rec_writer_close(w, err, sizeof(err)), 0);
	CHECK_EQ(file_size(path), before); /* nothing was left for close to write */
}

/* The child writes, syncs, says so, and writes on; killed mid-stream, its
 * file replays every record up to the last complete block. */
static void test_sigkill(void)
{
	char path[512];
	path_of(path, sizeof(path), "killed.rec");
	int fds[2];
	CHECK(pipe(fds) == 0);
	const uint64_t synced = 5000;
	fflush(NULL); /* the child must not print the parent's buffered output again */
	pid_t pid = fork();
	if (pid == 0) {
		char err[256];
		close(fds[0]);
		struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
		if (!w)
			_exit(3);
		uint64_t i = 0;
		for (; i < synced; i++) {
			struct rec_item it = stream_item(i);
			append_item(w, &it);
		}
		if (rec_writer_sync(w) < 0 || write(fds[1], "R", 1) != 1)
			_exit(4);
		for (;; i++) {
			struct rec_item it = stream_item(i);
			append_item(w, &it);
		}
	}
	close(fds[1]);
	char c = 0;
	CHECK(read(fds[0], &c, 1) == 1 && c == 'R');
	close(fds[0]);
	/* Let it write a few more blocks, so the kill lands mid-stream. */
	off_t ready = file_size(path);
	uint64_t deadline = now_ns() + 10000000000ull;
	while (file_size(path) < ready + 100000 && now_ns() < deadline) {
		struct timespec ms = { 0, 1000000 };
		nanosleep(&ms, NULL); /* polling the size, with a deadline */
	}
	kill(pid, SIGKILL);
	int status;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

	struct readout o = read_stream(path);
	CHECK_EQ(o.last_rc, 0);
	CHECK_EQ(o.mismatch, 0);
	CHECK(o.count >= synced);
	size_t len;
	uint8_t *buf = slurp(path, &len);
	struct layout l;
	walk(buf, len, &l);
	uint64_t whole = 0;
	for (size_t b = 0; b < l.nblocks; b++)
		whole += l.count[b];
	CHECK_EQ(o.count, whole);
	CHECK(l.nblocks >= 2);
	printf("killed writer: %llu records replayed (%llu synced before), %zu blocks, truncated %d\n",
	       (unsigned long long)o.count, (unsigned long long)synced, l.nblocks, o.truncated);
	free(buf);
}

/* The vCPU thread appends exits (rec_writer_exit) while a sampler appends
 * kstats and flushes now and then: every record arrives, each thread's in
 * its order, each exit's registers right after it and right. */
#define THREAD_EXITS 60000
#define THREAD_KSTATS 3000

struct appender {
	struct rec_writer *w;
	int which;
};

static void *append_thread(void *arg)
{
	struct appender *a = arg;
	if (a->which == 0) {
		for (uint64_t i = 0; i < THREAD_EXITS; i++) {
			struct event ev = make_event(i);
			struct cpu_state cpu = make_regs(i);
			rec_writer_exit(a->w, &ev, &cpu);
		}
	} else {
		for (uint64_t i = 0; i < THREAD_KSTATS; i++) {
			struct kstats ks = make_kstats(i);
			rec_writer_kstats(a->w, &ks);
			if (i % 500 == 0)
				rec_writer_flush(a->w);
		}
	}
	return NULL;
}

static void test_two_threads(void)
{
	char path[512], err[256];
	path_of(path, sizeof(path), "threads.rec");
	struct rec_writer *w = rec_writer_open(path, &info0, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	struct appender a[2] = { { w, 0 }, { w, 1 } };
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, append_thread, &a[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(rec_writer_close(w, err, sizeof(err)), 0);

	struct rec_info info;
	struct rec_reader *r = rec_reader_open(path, &info, err, sizeof(err));
	CHECK(r != NULL);
	if (!r)
		return;
	struct rec_item it;
	uint64_t events = 0, regs = 0, kstats = 0, bad = 0, apart = 0;
	enum rec_kind prev = REC_KSTATS;
	int rc;
	while ((rc = rec_reader_next(r, &it)) == 1) {
		apart += it.kind == REC_REGS && prev != REC_EVENT;
		prev = it.kind;
		if (it.kind == REC_EVENT) {
			struct event want = make_event(events++);
			bad += memcmp(&it.u.event, &want, sizeof(want)) != 0;
		} else if (it.kind == REC_REGS) {
			struct cpu_state want = make_regs(regs++);
			bad += regs != events || memcmp(&it.u.regs, &want, sizeof(want)) != 0;
		} else {
			struct kstats want = make_kstats(kstats++);
			bad += memcmp(&it.u.kstats, &want, sizeof(want)) != 0;
		}
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(events, THREAD_EXITS);
	CHECK_EQ(regs, THREAD_EXITS);
	CHECK_EQ(kstats, THREAD_KSTATS);
	CHECK_EQ(bad, 0);
	CHECK_EQ(apart, 0);
	rec_reader_close(r);
}

static void cleanup(void)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(info0.guest, sizeof(info0.guest), "guests/flood.bin");
	snprintf(info0.image_kind, sizeof(info0.image_kind), "boot sector");
	snprintf(info0.start_mode, sizeof(info0.start_mode), "real");
	info0.mem_size = 16 << 20;
	snprintf(info0.version, sizeof(info0.version), "test");

	test_crc32_known_value();
	test_header_roundtrip();
	test_roundtrip_many_blocks();
	test_kstats_count();
	test_truncation_everywhere();
	test_corrupt_block();
	test_corrupt_records();
	test_refused_files();
	test_tell_seek();
	test_write_errors();
	test_time_flush();
	test_sigkill();
	test_two_threads();
	cleanup();
	return check_done();
}
