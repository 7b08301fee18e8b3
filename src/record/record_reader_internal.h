/* SPDX-License-Identifier: MIT */
/* record_reader_internal.h - the reader's state, shared by opening
 * (record_reader_open.c) and reading (record_reader.c). Private. */
#ifndef KVMTUI_RECORD_READER_INTERNAL_H
#define KVMTUI_RECORD_READER_INTERNAL_H

#include <sys/types.h>
#include <zstd.h>

#include "record_format.h"

struct rec_reader {
	int fd;
	uint32_t hdr_len;
	ZSTD_DCtx *dctx;
	uint8_t *zbuf, *raw;
	size_t zcap, rawcap;

	bool loaded;         /* raw holds the block at block_off */
	uint64_t block_off;
	uint64_t next_off;   /* where the block after it starts */
	size_t rawlen, pos;  /* decoded bytes, and the next record's place in them */
	uint32_t count, index;
	struct rec_regs_base base;

	bool at_end, truncated, corrupt;
	char err[512];
	char path[];
};

/* pread until len bytes or the end of the file: the count read, or -1. */
ssize_t rec_pread_full(int fd, void *buf, size_t len, uint64_t off);

#endif
