/* SPDX-License-Identifier: MIT */
/* scrollback.c - terminal semantics for guest console bytes (see scrollback.h).
 *
 * \n also returns the carriage, as a host tty with onlcr does: guests written
 * for QEMU's serial console print "\n" alone and expect a new line, and
 * "\r\n" gives the same result. \b moves back without erasing, as on a real
 * terminal, so the usual "\b \b" erases a character.
 */
#include "scrollback.h"

#include <stdlib.h>
#include <string.h>

int scrollback_init(struct scrollback *sb, size_t max_lines)
{
	memset(sb, 0, sizeof(*sb));
	if (max_lines < 2)
		max_lines = 2;
	sb->lines = calloc(max_lines, sizeof(*sb->lines));
	if (!sb->lines)
		return -1;
	sb->max_lines = max_lines;
	sb->count = 1; /* the line the cursor is on */
	return 0;
}

void scrollback_free(struct scrollback *sb)
{
	if (!sb->lines)
		return;
	for (size_t i = 0; i < sb->max_lines; i++)
		free(sb->lines[i].cells);
	free(sb->lines);
	memset(sb, 0, sizeof(*sb));
}

/* Keeps the allocated cells: a reset should not make the next run allocate. */
void scrollback_clear(struct scrollback *sb)
{
	for (size_t i = 0; i < sb->max_lines; i++)
		sb->lines[i].len = 0;
	sb->first = 0;
	sb->count = 1;
	sb->col = 0;
	sb->bytes++; /* counts as a change for whoever draws it */
}

bool scrollback_is_empty(const struct scrollback *sb)
{
	return sb->count == 1 && sb->lines[sb->first].len == 0 && sb->col == 0;
}

static struct sb_line *sb_last(struct scrollback *sb)
{
	return &sb->lines[(sb->first + sb->count - 1) % sb->max_lines];
}

/* Opens a new line at the bottom, recycling the oldest when full. */
static void sb_newline(struct scrollback *sb)
{
	if (sb->count < sb->max_lines) {
		sb->count++;
	} else {
		sb->first = (sb->first + 1) % sb->max_lines;
		sb->dropped++;
	}
	sb_last(sb)->len = 0;
	sb->col = 0;
}

static int sb_reserve(struct sb_line *line, uint32_t need)
{
	if (need <= line->cap)
		return 0;
	uint32_t cap = line->cap ? line->cap : 64;
	while (cap < need)
		cap *= 2;
	if (cap > SCROLLBACK_LINE_MAX)
		cap = SCROLLBACK_LINE_MAX;
	struct sb_cell *cells = realloc(line->cells, cap * sizeof(*cells));
	if (!cells)
		return -1;
	line->cells = cells;
	line->cap = cap;
	return 0;
}

static void sb_put_cell(struct scrollback *sb, uint8_t ch, uint8_t flags)
{
	/* Deferred wrap, like a terminal's last column. */
	if (sb->col >= SCROLLBACK_LINE_MAX)
		sb_newline(sb);
	struct sb_line *line = sb_last(sb);
	if (sb_reserve(line, sb->col + 1) < 0)
		return; /* out of memory: losing a glyph beats crashing the console */
	while (line->len < sb->col)
		line->cells[line->len++] = (struct sb_cell){ ' ', 0 };
	line->cells[sb->col] = (struct sb_cell){ ch, flags };
	sb->col++;
	if (line->len < sb->col)
		line->len = sb->col;
}

/* A control byte as the caret notation terminals and editors use: ESC is ^[. */
static void sb_put_caret(struct scrollback *sb, uint8_t byte)
{
	sb_put_cell(sb, '^', SB_ESCAPE);
	sb_put_cell(sb, (uint8_t)(byte ^ 0x40), SB_ESCAPE);
}

/* Bytes above ASCII as \xNN: they could be C1 controls (0x9b is a CSI on
 * some terminals) or half a UTF-8 sequence; either way, never raw. */
static void sb_put_hex(struct scrollback *sb, uint8_t byte)
{
	static const char hex[] = "0123456789abcdef";
	sb_put_cell(sb, '\\', SB_ESCAPE);
	sb_put_cell(sb, 'x', SB_ESCAPE);
	sb_put_cell(sb, (uint8_t)hex[byte >> 4], SB_ESCAPE);
	sb_put_cell(sb, (uint8_t)hex[byte & 15], SB_ESCAPE);
}

/* Past the last tab stop the cursor waits at the end of the line, wrap
 * pending, so the next character opens a new line; parking it on the last
 * cell instead would overwrite the character already there. */
static void sb_tab(struct scrollback *sb)
{
	uint32_t next = (sb->col / SCROLLBACK_TAB + 1) * SCROLLBACK_TAB;
	sb->col = next < SCROLLBACK_LINE_MAX ? next : SCROLLBACK_LINE_MAX;
}

void scrollback_putc(struct scrollback *sb, uint8_t byte)
{
	sb->bytes++;
	switch (byte) {
	case '\n':
		sb_newline(sb);
		return;
	case '\r':
		sb->col = 0;
		return;
	case '\b':
		if (sb->col > 0)
			sb->col--;
		return;
	case '\t':
		sb_tab(sb);
		return;
	}
	if (byte < 0x20 || byte == 0x7f)
		sb_put_caret(sb, byte);
	else if (byte > 0x7f)
		sb_put_hex(sb, byte);
	else
		sb_put_cell(sb, byte, 0);
}

void scrollback_feed(struct scrollback *sb, const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++)
		scrollback_putc(sb, bytes[i]);
}

size_t scrollback_lines(const struct scrollback *sb)
{
	return sb->count;
}

const struct sb_line *scrollback_line(const struct scrollback *sb, size_t i)
{
	if (i >= sb->count)
		return NULL;
	return &sb->lines[(sb->first + i) % sb->max_lines];
}

size_t scrollback_line_rows(const struct sb_line *line, unsigned width)
{
	if (width == 0 || line->len == 0)
		return 1;
	return (line->len + width - 1) / width;
}

size_t scrollback_total_rows(const struct scrollback *sb, unsigned width)
{
	size_t rows = 0;
	for (size_t i = 0; i < sb->count; i++)
		rows += scrollback_line_rows(scrollback_line(sb, i), width);
	return rows;
}

/* Walks up from the newest line, so following the bottom costs only the
 * rows on screen however long the scrollback is. */
size_t scrollback_view(const struct scrollback *sb, unsigned width, size_t height,
		       size_t scroll, struct sb_row *rows)
{
	if (width == 0 || height == 0)
		return 0;
	size_t filled = 0, skip = scroll;
	for (size_t i = sb->count; i-- > 0 && filled < height;) {
		const struct sb_line *line = scrollback_line(sb, i);
		size_t n = scrollback_line_rows(line, width);
		for (size_t r = n; r-- > 0 && filled < height;) {
			if (skip) {
				skip--;
				continue;
			}
			uint32_t start = (uint32_t)(r * width);
			uint32_t len = line->len > start ? line->len - start : 0;
			if (len > width)
				len = width;
			rows[height - 1 - filled++] = (struct sb_row){ i, start, len };
		}
	}
	memmove(rows, rows + (height - filled), filled * sizeof(*rows));
	return filled;
}

size_t scrollback_line_text(const struct scrollback *sb, size_t i, char *buf, size_t n)
{
	const struct sb_line *line = scrollback_line(sb, i);
	size_t len = 0;
	if (n == 0)
		return 0;
	for (uint32_t c = 0; line && c < line->len && len + 1 < n; c++)
		buf[len++] = (char)line->cells[c].ch;
	buf[len] = '\0';
	return len;
}
