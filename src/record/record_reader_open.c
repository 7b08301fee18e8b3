/* SPDX-License-Identifier: MIT */
/* record_reader_open.c - opening a recording: one clear line for every way
 * a file can fail to be one (missing, foreign, newer, cut, corrupt). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "record_reader_internal.h"

static void say(char *err, size_t errlen, const char *fmt, const char *path, const char *detail)
{
	if (err && errlen)
		snprintf(err, errlen, fmt, path, detail);
}

static void verdict_message(enum rec_header_verdict v, const char *path, size_t got, uint32_t version,
			    const char *why, char *err, size_t errlen)
{
	if (!err || !errlen)
		return;
	switch (v) {
	case REC_HDR_FOREIGN:
		snprintf(err, errlen, got ? "%s is not a kvm-tui recording" : "%s is empty: not a kvm-tui recording",
			 path);
		break;
	case REC_HDR_NEWER:
		snprintf(err, errlen, "%s is a version %u recording; this kvm-tui reads version %u: upgrade kvm-tui",
			 path, version, REC_VERSION);
		break;
	case REC_HDR_CUT:
		snprintf(err, errlen, "%s ends inside its header: the recording is incomplete", path);
		break;
	case REC_HDR_CORRUPT:
		snprintf(err, errlen, "%s is a damaged kvm-tui recording: %s", path, why);
		break;
	case REC_HDR_OK:
		break;
	}
}

/* Reads up to the largest header any version 1 file may have and judges it. */
static int check_header(struct rec_reader *r, struct rec_info *info, char *err, size_t errlen)
{
	uint8_t *buf = malloc(REC_HDR_LEN_MAX);
	uint32_t version = 0, hdr_len = 0;
	char why[128] = "";
	if (!buf) {
		say(err, errlen, "cannot read %s: %s", r->path, strerror(ENOMEM));
		return -1;
	}
	ssize_t got = rec_pread_full(r->fd, buf, REC_HDR_LEN_MAX, 0);
	if (got < 0) {
		say(err, errlen, "cannot read %s: %s", r->path, strerror(errno));
		free(buf);
		return -1;
	}
	enum rec_header_verdict v = rec_header_decode(buf, (size_t)got, &version, &hdr_len, info, why, sizeof(why));
	free(buf);
	if (v != REC_HDR_OK) {
		verdict_message(v, r->path, (size_t)got, version, why, err, errlen);
		return -1;
	}
	r->hdr_len = hdr_len;
	r->next_off = hdr_len;
	return 0;
}

struct rec_reader *rec_reader_open(const char *path, struct rec_info *info, char *err, size_t errlen)
{
	size_t plen = strlen(path) + 1;
	struct rec_reader *r = calloc(1, sizeof(*r) + plen);
	struct rec_info scratch;
	if (!r) {
		say(err, errlen, "cannot read %s: %s", path, strerror(ENOMEM));
		return NULL;
	}
	memcpy(r->path, path, plen);
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		say(err, errlen, "cannot open %s: %s", path, strerror(errno));
		free(r);
		return NULL;
	}
	r->dctx = ZSTD_createDCtx();
	if (!r->dctx) {
		say(err, errlen, "cannot read %s: %s", path, strerror(ENOMEM));
		rec_reader_close(r);
		return NULL;
	}
	if (check_header(r, info ? info : &scratch, err, errlen) < 0) {
		rec_reader_close(r);
		return NULL;
	}
	return r;
}

void rec_reader_close(struct rec_reader *r)
{
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	ZSTD_freeDCtx(r->dctx);
	free(r->zbuf);
	free(r->raw);
	free(r);
}
