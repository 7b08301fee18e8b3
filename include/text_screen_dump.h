/* SPDX-License-Identifier: MIT */
/* text_screen_dump.h - the guest's text screen as plain UTF-8 text.
 *
 * What --screen-dump FILE writes at the end of a run, and what a test
 * compares: one line per screen row, each cell's code page 437 glyph in
 * UTF-8 (cp437.h), trailing blanks trimmed so a mostly empty screen is a
 * short file, colours and the cursor left out. */
#ifndef KVMTUI_TEXT_SCREEN_DUMP_H
#define KVMTUI_TEXT_SCREEN_DUMP_H

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

#endif
