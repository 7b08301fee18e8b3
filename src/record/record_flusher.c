/* SPDX-License-Identifier: MIT */
/* record_flusher.c - the writer thread: takes the block being filled when it
 * is due, compresses it into one zstd frame and writes it with its header.
 *
 * A block is due when it reached REC_BLOCK_TARGET bytes, when a flush or
 * close asked for it, or 200 ms after its first record: a slow guest's
 * recording is then on disk within 0.2 s, and a run killed with SIGKILL
 * loses at most that much. After the first write error the thread keeps
 * taking blocks and drops them, so appenders never wait on a dead disk;
 * rec_writer_close reports the error.
 */
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "record_writer_internal.h"
#include "sandbox.h"

uint64_t rec_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

int rec_write_all(int fd, const void *data, size_t len)
{
	const uint8_t *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) { /* no progress and no reason: do not spin */
			errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Under lock. Only the first error is kept: it is the cause, later ones
 * are consequences. */
static void fail_locked(struct rec_writer *w, const char *msg)
{
	if (w->failed)
		return;
	w->failed = true;
	snprintf(w->err, sizeof(w->err), "%s", msg);
}

static void fail(struct rec_writer *w, const char *msg)
{
	pthread_mutex_lock(&w->lock);
	fail_locked(w, msg);
	pthread_mutex_unlock(&w->lock);
}

/* Without the lock: appenders fill the other buffer meanwhile. */
static void write_block(struct rec_writer *w, const struct rec_buf *b)
{
	char msg[REC_ERR_LEN];
	if (w->failed) /* only this thread sets it: reading it here is no race */
		return;
	uint8_t *hdr = w->zbuf;
	size_t z = ZSTD_compressCCtx(w->cctx, w->zbuf + REC_BLOCK_HDR_LEN, w->zcap - REC_BLOCK_HDR_LEN,
				     b->data, b->len, REC_ZSTD_LEVEL);
	if (ZSTD_isError(z)) {
		snprintf(msg, sizeof(msg), "compressing a block of %s: %s", w->path, ZSTD_getErrorName(z));
		fail(w, msg);
		return;
	}
	struct rec_block_hdr h = {
		.magic = REC_BLOCK_MAGIC, .zlen = (uint32_t)z,
		.rawlen = (uint32_t)b->len, .count = b->count,
	};
	rec_block_hdr_encode(&h, hdr);
	rec_put_u32(hdr + 16, rec_block_crc(hdr, hdr + REC_BLOCK_HDR_LEN, z));
	/* One write(2) for header and frame: a kill leaves at most one partial block. */
	if (rec_write_all(w->fd, w->zbuf, REC_BLOCK_HDR_LEN + z) < 0) {
		snprintf(msg, sizeof(msg), "writing %s: %s", w->path, strerror(errno));
		fail(w, msg);
	}
}

static bool due_locked(struct rec_writer *w, uint64_t now)
{
	const struct rec_buf *f = w->fill;
	return f->len >= REC_BLOCK_TARGET || w->flush_asked || w->closing ||
	       now >= f->first_ns + REC_FLUSH_NS;
}

/* Under lock: swaps in the empty buffer and starts a fresh delta base, so
 * the next block decodes on its own. */
static struct rec_buf *take_locked(struct rec_writer *w)
{
	struct rec_buf *b = w->fill;
	w->fill = b == &w->buf[0] ? &w->buf[1] : &w->buf[0];
	memset(&w->base, 0, sizeof(w->base));
	w->flush_asked = false;
	w->blocks_taken++;
	return b;
}

static void wait_until_ns(struct rec_writer *w, uint64_t deadline)
{
	struct timespec ts = {
		.tv_sec = (time_t)(deadline / 1000000000u),
		.tv_nsec = (long)(deadline % 1000000000u),
	};
	pthread_cond_timedwait(&w->work, &w->lock, &ts); /* the condattr clock is MONOTONIC */
}

void *rec_flusher_main(void *arg)
{
	struct rec_writer *w = arg;

	sandbox_enter(SANDBOX_RECORDER); /* guest bytes go through zstd here */
	pthread_mutex_lock(&w->lock);
	for (;;) {
		if (w->fill->count == 0) {
			w->flush_asked = false; /* nothing to flush */
			if (w->closing)
				break;
			pthread_cond_wait(&w->work, &w->lock);
			continue;
		}
		if (!due_locked(w, rec_now_ns())) {
			wait_until_ns(w, w->fill->first_ns + REC_FLUSH_NS);
			continue;
		}
		struct rec_buf *b = take_locked(w);
		pthread_mutex_unlock(&w->lock);
		write_block(w, b);
		pthread_mutex_lock(&w->lock);
		b->len = 0;
		b->count = 0;
		w->blocks_done++;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}
