/* SPDX-License-Identifier: MIT */
/* text_screen_dump.h - the guest's text screen as plain UTF-8 text.
 *
 * What --screen-dump FILE writes at the end of a run, and what a test
 * compares: one line per screen row, each cell's code page 437 glyph in
 * UTF-8 (cp437.h), trailing blanks trimmed so a mostly empty screen is a
 * short file, colours and the cursor left out. */
#ifndef KVMTUI_TEXT_SCREEN_DUMP_H
#define KVMTUI_TEXT_SCREEN_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "text_screen.h"

/* s->rows lines of s->cols cells (at most TEXT_SCREEN_ROWS x
 * TEXT_SCREEN_COLS), each ended by '\n'; a screen never published (rows
 * 0) writes nothing. 0, or -1 with errno set when writing failed. */
int text_screen_dump(const struct text_screen *s, FILE *f);

/* The same into a file, created or truncated ("-": standard output).
 * 0, or -1 with errno set and, when err is not NULL, "PATH: why" in err. */
int text_screen_dump_path(const struct text_screen *s, const char *path, char *err, size_t errlen);

/* --screen-dump's file, opened before the run so that a path that cannot be
 * written is refused at the start (before KVM), not after the whole run. */
struct text_screen_dump_file {
	FILE *f;          /* NULL when not open; stdout for "-" */
	const char *path;
	bool created;     /* the open made it: a run that never starts removes it */
};

/* Opens (or creates) path for writing without truncating it yet, so a run
 * that fails to start leaves an earlier dump as it was; "-" is standard
 * output. Never blocks: a FIFO nobody reads is refused. 0, or -1 with
 * "cannot write screen dump file PATH: why" in err and d closed. */
int text_screen_dump_open(struct text_screen_dump_file *d, const char *path, char *err, size_t errlen);
/* Truncates a regular file, writes the screen, closes. 0, or -1 with
 * "PATH: why" in err. */
int text_screen_dump_write(struct text_screen_dump_file *d, const struct text_screen *s, char *err, size_t errlen);
/* The run never started: closes d, and removes the file if the open made it. */
void text_screen_dump_discard(struct text_screen_dump_file *d);

#endif
