/* SPDX-License-Identifier: MIT */
/* record.h - the recording file: what a run showed, to be replayed anywhere.
 *
 * A recording is a small header followed by blocks; each block is one zstd
 * frame holding a run of records (events, registers, kernel statistics). A
 * block is written whole, so a run killed at any moment leaves a file that
 * replays up to its last complete block. The format is documented in the
 * README ("Recording format"). No KVM and no curses here.
 */
#ifndef KVMTUI_RECORD_H
#define KVMTUI_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"
#include "event.h"
#include "kstats.h"

#define REC_MAGIC "KVMTUIRC" /* 8 bytes at offset 0 */
#define REC_VERSION 1u

/* What the recording says about the run it came from (shown by the replay). */
struct rec_info {
	char guest[256];       /* the guest as named on the command line */
	char image_kind[32];   /* "boot sector", "flat", "ELF32", "ELF64" */
	char start_mode[16];   /* "real", "protected", "paged", "long" */
	uint64_t mem_size;     /* bytes */
	uint64_t created_unix; /* seconds since the epoch, when recording began */
	char version[32];      /* kvm-tui's version that wrote it */
};

enum rec_kind {
	REC_EVENT = 1,  /* a struct event exactly as pushed into the ring */
	REC_REGS = 2,   /* the registers at the exit just recorded */
	REC_KSTATS = 3, /* a sample of KVM's in-kernel statistics */
};

/* One record as the reader returns it. */
struct rec_item {
	enum rec_kind kind;
	union {
		struct event event;
		struct cpu_state regs;
		struct kstats kstats;
	} u;
};

/* ---- writing (the vCPU thread appends; a writer thread compresses and writes) ---- */

struct rec_writer;

/* Creates (truncates) path and writes the header. NULL with a one-line reason in err. */
struct rec_writer *rec_writer_open(const char *path, const struct rec_info *info, char *err, size_t errlen);
/* Append one record. Thread-safe; cheap (a copy into the current block). */
void rec_writer_event(struct rec_writer *w, const struct event *ev);
void rec_writer_regs(struct rec_writer *w, const struct cpu_state *cpu);
void rec_writer_kstats(struct rec_writer *w, const struct kstats *ks);
/* rec_writer_event then rec_writer_regs, with one lock: the vCPU thread's
 * per-exit call. The two records are adjacent in the recording. */
void rec_writer_exit(struct rec_writer *w, const struct event *ev, const struct cpu_state *cpu);
/* Hand what has been appended to the writer thread now (e.g. at a change of state). */
void rec_writer_flush(struct rec_writer *w);
/* Like flush, then waits until everything appended before the call has been
 * written (write(2) returned; no fsync): it survives the process being killed.
 * 0, or -1 after a write error (rec_writer_close says which). */
int rec_writer_sync(struct rec_writer *w);
/* Writes what is left, closes the file, frees w. 0, or -1 with the first error
 * met since open (a full disk, an I/O error) in err: a short recording is reported. */
int rec_writer_close(struct rec_writer *w, char *err, size_t errlen);

/* ---- reading ---- */

struct rec_reader;

/* Opens and checks the header. NULL with one line in err when the file is
 * missing, not a recording, from a newer version, or its header is corrupt. */
struct rec_reader *rec_reader_open(const char *path, struct rec_info *info, char *err, size_t errlen);
/* The next record: 1 and *item filled, 0 at the end, -1 when the data is
 * corrupt (reason in rec_reader_error). A block cut short by the end of the
 * file (a killed run) ends the recording: 0, and rec_reader_truncated() is true. */
int rec_reader_next(struct rec_reader *r, struct rec_item *item);
bool rec_reader_truncated(const struct rec_reader *r);
/* What is wrong, without the file's name ("block at byte 372 is damaged
 * ..."): the caller says which file. "" while nothing is. */
const char *rec_reader_error(const struct rec_reader *r);

/* A place in the recording to come back to (the start of a record). */
struct rec_pos {
	uint64_t block_offset; /* file offset of the block */
	uint32_t index;        /* records into the block */
};
struct rec_pos rec_reader_tell(const struct rec_reader *r);
int rec_reader_seek(struct rec_reader *r, struct rec_pos pos); /* 0 or -1 */
void rec_reader_close(struct rec_reader *r);

#endif
