/* SPDX-License-Identifier: MIT */
/* record_writer.c - opening a recording, appending records, flush and close.
 *
 * Appends run on the vCPU thread at every exit (and on the kstats sampler),
 * so the append path is: lock an uncontended mutex, encode into the fill
 * buffer (a 64-byte copy, a 56-word delta), unlock. No allocation, no system
 * call except a condition signal once per block (its first record starts
 * the 200 ms clock; crossing the size target makes it due).
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "record_writer_internal.h"

static int set_err(char *err, size_t errlen, const char *what, const char *path, int e)
{
	if (err && errlen)
		snprintf(err, errlen, "%s %s: %s", what, path, strerror(e));
	return -1;
}

static void writer_free(struct rec_writer *w)
{
	free(w->buf[0].data);
	free(w->buf[1].data);
	free(w->zbuf);
	ZSTD_freeCCtx(w->cctx);
	free(w);
}

static struct rec_writer *writer_alloc(const char *path)
{
	size_t plen = strlen(path) + 1;
	struct rec_writer *w = calloc(1, sizeof(*w) + plen);
	if (!w)
		return NULL;
	memcpy(w->path, path, plen);
	w->fd = -1;
	w->zcap = REC_BLOCK_HDR_LEN + ZSTD_compressBound(REC_BUF_CAP);
	w->buf[0].data = malloc(REC_BUF_CAP);
	w->buf[1].data = malloc(REC_BUF_CAP);
	w->zbuf = malloc(w->zcap);
	w->cctx = ZSTD_createCCtx();
	if (!w->buf[0].data || !w->buf[1].data || !w->zbuf || !w->cctx) {
		writer_free(w);
		return NULL;
	}
	w->fill = &w->buf[0];
	return w;
}

/* The writer thread waits with deadlines on CLOCK_MONOTONIC (a clock change
 * must not stretch or skip the 200 ms). */
static int sync_init(struct rec_writer *w)
{
	pthread_condattr_t ca;
	if (pthread_condattr_init(&ca))
		return ENOMEM;
	int rc = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (!rc)
		rc = pthread_cond_init(&w->work, &ca);
	pthread_condattr_destroy(&ca);
	if (rc)
		return rc;
	if ((rc = pthread_cond_init(&w->done, NULL)) != 0) {
		pthread_cond_destroy(&w->work);
		return rc;
	}
	if ((rc = pthread_mutex_init(&w->lock, NULL)) != 0) {
		pthread_cond_destroy(&w->work);
		pthread_cond_destroy(&w->done);
	}
	return rc;
}

static void sync_destroy(struct rec_writer *w)
{
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->work);
	pthread_cond_destroy(&w->done);
}

/* With every signal blocked, so process signals (SIGINT, SIGWINCH) go to the
 * threads that handle them, never to this one. */
static int start_thread(struct rec_writer *w)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&w->thread, NULL, rec_flusher_main, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == 0)
		pthread_setname_np(w->thread, "kvmtui-rec");
	return rc;
}

/* Creates the file and writes the header now, so a full disk or a bad path
 * is reported before the run starts rather than at its end. */
struct rec_writer *rec_writer_open(const char *path, const struct rec_info *info, char *err, size_t errlen)
{
	static const struct rec_info unnamed;
	uint8_t hdr[REC_HDR_LEN_V1];
	struct rec_writer *w = writer_alloc(path);
	if (!w) {
		set_err(err, errlen, "recording to", path, ENOMEM);
		return NULL;
	}
	w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (w->fd < 0) {
		set_err(err, errlen, "cannot create", path, errno);
		writer_free(w);
		return NULL;
	}
	rec_header_encode(info ? info : &unnamed, hdr);
	if (rec_write_all(w->fd, hdr, sizeof(hdr)) < 0) {
		set_err(err, errlen, "writing", path, errno);
		goto fail_fd;
	}
	int rc = sync_init(w);
	if (rc) {
		set_err(err, errlen, "recording to", path, rc);
		goto fail_fd;
	}
	if ((rc = start_thread(w)) != 0) {
		set_err(err, errlen, "recording to", path, rc);
		sync_destroy(w);
		goto fail_fd;
	}
	return w;
fail_fd:
	close(w->fd);
	writer_free(w);
	return NULL;
}

_Static_assert(REC_EVENT_LEN + REC_REGS_MAX_LEN <= REC_RECORD_MAX, "room for an exit is room for one record");

/* Under lock: room for the largest record, waiting for the writer thread if
 * both buffers are full (nothing is dropped: the guest waits instead). */
static struct rec_buf *room_locked(struct rec_writer *w)
{
	while (w->fill->len + REC_RECORD_MAX > REC_BUF_CAP) {
		pthread_cond_signal(&w->work);
		pthread_cond_wait(&w->done, &w->lock);
	}
	struct rec_buf *b = w->fill;
	if (b->count == 0) {
		b->first_ns = rec_now_ns();
		pthread_cond_signal(&w->work); /* start the 200 ms clock */
	}
	return b;
}

/* Under lock, after an append of len bytes. */
static void appended_locked(struct rec_writer *w, struct rec_buf *b, size_t len)
{
	size_t before = b->len;
	b->len += len;
	b->count++;
	if (before < REC_BLOCK_TARGET && b->len >= REC_BLOCK_TARGET)
		pthread_cond_signal(&w->work);
}

void rec_writer_event(struct rec_writer *w, const struct event *ev)
{
	pthread_mutex_lock(&w->lock);
	struct rec_buf *b = room_locked(w);
	appended_locked(w, b, rec_encode_event(b->data + b->len, ev));
	pthread_mutex_unlock(&w->lock);
}

void rec_writer_regs(struct rec_writer *w, const struct cpu_state *cpu)
{
	pthread_mutex_lock(&w->lock);
	struct rec_buf *b = room_locked(w);
	appended_locked(w, b, rec_encode_regs(b->data + b->len, &w->base, cpu));
	pthread_mutex_unlock(&w->lock);
}

/* Both under one lock: half the locking of two appends, and the registers
 * always follow their exit, whatever the sampler appends meanwhile. */
void rec_writer_exit(struct rec_writer *w, const struct event *ev, const struct cpu_state *cpu)
{
	pthread_mutex_lock(&w->lock);
	struct rec_buf *b = room_locked(w); /* room for both: no wait between them */
	appended_locked(w, b, rec_encode_event(b->data + b->len, ev));
	appended_locked(w, b, rec_encode_regs(b->data + b->len, &w->base, cpu));
	pthread_mutex_unlock(&w->lock);
}

void rec_writer_kstats(struct rec_writer *w, const struct kstats *ks)
{
	pthread_mutex_lock(&w->lock);
	struct rec_buf *b = room_locked(w);
	appended_locked(w, b, rec_encode_kstats(b->data + b->len, ks));
	pthread_mutex_unlock(&w->lock);
}

void rec_writer_flush(struct rec_writer *w)
{
	pthread_mutex_lock(&w->lock);
	if (w->fill->count > 0) {
		w->flush_asked = true;
		pthread_cond_signal(&w->work);
	}
	pthread_mutex_unlock(&w->lock);
}

int rec_writer_sync(struct rec_writer *w)
{
	pthread_mutex_lock(&w->lock);
	uint64_t want = w->blocks_taken;
	if (w->fill->count > 0) {
		w->flush_asked = true;
		want++; /* fill is the next block the writer thread takes */
		pthread_cond_signal(&w->work);
	}
	while (w->blocks_done < want)
		pthread_cond_wait(&w->done, &w->lock);
	int rc = w->failed ? -1 : 0;
	pthread_mutex_unlock(&w->lock);
	return rc;
}

int rec_writer_close(struct rec_writer *w, char *err, size_t errlen)
{
	if (!w)
		return 0;
	pthread_mutex_lock(&w->lock);
	w->closing = true;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL); /* it writes what is left, then returns */

	/* close(2) can report a write-back error (NFS, quotas): it counts. */
	if (close(w->fd) < 0 && !w->failed) {
		w->failed = true;
		set_err(w->err, sizeof(w->err), "closing", w->path, errno);
	}
	int rc = w->failed ? -1 : 0;
	if (rc < 0 && err && errlen)
		snprintf(err, errlen, "%s", w->err);
	sync_destroy(w);
	writer_free(w);
	return rc;
}
