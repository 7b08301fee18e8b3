/* SPDX-License-Identifier: MIT */
/* record_writer_internal.h - the writer's state, shared by the appending side
 * (record_writer.c) and the writer thread (record_flusher.c). Private.
 *
 * Two raw block buffers: appenders fill one under the mutex while the writer
 * thread compresses and writes the other without it. Only the writer thread
 * swaps them, and only when it holds no block, so the buffer it swaps in is
 * always empty.
 */
#ifndef KVMTUI_RECORD_WRITER_INTERNAL_H
#define KVMTUI_RECORD_WRITER_INTERNAL_H

#include <limits.h>
#include <pthread.h>
#include <zstd.h>

#include "record_format.h"

/* A block is handed off once it reaches REC_BLOCK_TARGET; the slack lets the
 * record that crosses the target still fit. */
#define REC_BUF_CAP (REC_BLOCK_TARGET + REC_RECORD_MAX)
/* How long an appended record may wait in memory before it is written. */
#define REC_FLUSH_NS 200000000ull
#define REC_ZSTD_LEVEL 1
/* A message names the file, then the reason: room for the longest path. */
#define REC_ERR_LEN (PATH_MAX + 256)

struct rec_buf {
	uint8_t *data;     /* raw records, REC_BUF_CAP bytes */
	size_t len;
	uint32_t count;
	uint64_t first_ns; /* CLOCK_MONOTONIC of the first record: the 200 ms start */
};

struct rec_writer {
	pthread_mutex_t lock;
	pthread_cond_t work; /* to the writer thread: a block is due, or close */
	pthread_cond_t done; /* from it: a block was written, a buffer is free */
	struct rec_buf buf[2];
	struct rec_buf *fill;      /* where appends go */
	struct rec_regs_base base; /* delta base of fill's block */
	bool flush_asked;
	bool closing;
	uint64_t blocks_taken;     /* handed to the writer thread so far */
	uint64_t blocks_done;      /* written (or dropped after an error) */
	bool failed;               /* sticky: set once, by the writer thread, under lock */
	char err[REC_ERR_LEN];

	/* The writer thread's own: no lock needed. */
	int fd;
	ZSTD_CCtx *cctx;
	uint8_t *zbuf; /* block header then the zstd frame */
	size_t zcap;
	pthread_t thread;

	char path[]; /* as given, for messages */
};

uint64_t rec_now_ns(void);
/* write(2) until all is written, through EINTR and short writes. 0 or -1 (errno). */
int rec_write_all(int fd, const void *data, size_t len);
/* The writer thread's body. */
void *rec_flusher_main(void *arg);

#endif
