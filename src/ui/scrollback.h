/* SPDX-License-Identifier: MIT */
/* scrollback.h - the guest's console text, kept the way a terminal shows it.
 *
 * Guest bytes go in; cells come out. \r, \n, \b and \t move the cursor as a
 * terminal would; every other control byte, and every byte above 0x7e, is
 * turned into visible text ("^[", "^G", "\x9b") flagged SB_ESCAPE, so nothing
 * the guest sends can ever reach the host terminal raw. The buffer keeps a
 * bounded number of lines and drops the oldest. Pure: no curses here.
 */
#ifndef KVMTUI_SCROLLBACK_H
#define KVMTUI_SCROLLBACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCROLLBACK_DEFAULT_LINES 10000
/* A guest that never sends a newline still gets its text wrapped into
 * lines, so one line cannot grow without bound. */
#define SCROLLBACK_LINE_MAX 1024
#define SCROLLBACK_TAB 8

#define SB_ESCAPE 0x01 /* cell is part of a control byte shown as text */

struct sb_cell {
	uint8_t ch;
	uint8_t flags;
};

struct sb_line {
	struct sb_cell *cells;
	uint32_t len, cap;
};

struct scrollback {
	struct sb_line *lines; /* ring of max_lines */
	size_t max_lines;
	size_t first;          /* ring index of the oldest line */
	size_t count;          /* lines in use, >= 1 once initialised */
	uint32_t col;          /* cursor column in the newest line */
	uint64_t dropped;      /* lines discarded from the top, ever */
	uint64_t bytes;        /* bytes fed, ever: cheap change detection */
};

/* One screen row of a wrapped view: cells [start, start+len) of a line. */
struct sb_row {
	size_t line; /* 0 = oldest kept line */
	uint32_t start, len;
};

int scrollback_init(struct scrollback *sb, size_t max_lines);
void scrollback_free(struct scrollback *sb);
void scrollback_clear(struct scrollback *sb);
/* Nothing since init or the last clear (bytes cannot tell: a clear bumps
 * it so that the change gets drawn). */
bool scrollback_is_empty(const struct scrollback *sb);

void scrollback_feed(struct scrollback *sb, const uint8_t *bytes, size_t len);
void scrollback_putc(struct scrollback *sb, uint8_t byte);

size_t scrollback_lines(const struct scrollback *sb);
const struct sb_line *scrollback_line(const struct scrollback *sb, size_t i);

/* Rows a line takes when wrapped at width (at least one). */
size_t scrollback_line_rows(const struct sb_line *line, unsigned width);
/* Wrapped rows of the whole buffer (walks every line: call when scrolling). */
size_t scrollback_total_rows(const struct scrollback *sb, unsigned width);
/* The height rows ending `scroll` rows above the bottom, top to bottom.
 * Returns how many rows were written (fewer when the text is short). */
size_t scrollback_view(const struct scrollback *sb, unsigned width, size_t height,
		       size_t scroll, struct sb_row *rows);

/* A line's text as plain ASCII (escape cells included), for tests and logs. */
size_t scrollback_line_text(const struct scrollback *sb, size_t i, char *buf, size_t n);

#endif
