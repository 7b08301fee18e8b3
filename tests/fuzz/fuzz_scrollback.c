/* SPDX-License-Identifier: MIT */
/* fuzz_scrollback.c - the serial pane's scrollback and its escape handling
 * (src/ui/scrollback.c): every byte COM1 and the debug console send.
 *
 * A guest's console output is the one stream of guest bytes that is drawn
 * on the host's terminal, so the scrollback must turn every control byte
 * and every byte above ASCII into visible text, and wrap and drop lines
 * without losing or inventing any. The input: a byte choosing the number
 * of lines kept (small, so the ring wraps) and a view width, then the
 * guest's bytes, fed in chunks. What must hold besides the sanitizers:
 * every cell is printable ASCII; lines stay within SCROLLBACK_LINE_MAX and
 * the ring within its lines; a wrapped view of any size names only cells
 * that exist; and when nothing moved the cursor back (no CR, BS) and no
 * line was dropped, every byte is in the buffer: one cell for a printable
 * byte, two (^X) for a control, four (\xNN) for a byte above 0x7e.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "scrollback.h"

static void check_view(const struct scrollback *sb, unsigned width, size_t height, size_t scroll)
{
	struct sb_row rows[64];
	if (height > 64)
		height = 64;
	size_t n = scrollback_view(sb, width, height, scroll, rows);
	if (n > height)
		fuzz_fail("view of %zu rows in %zu", n, height);
	for (size_t i = 0; i < n; i++) {
		const struct sb_line *line = scrollback_line(sb, rows[i].line);
		if (!line)
			fuzz_fail("view row %zu names line %zu of %zu", i, rows[i].line, scrollback_lines(sb));
		if (rows[i].len > width || (rows[i].len && rows[i].start + rows[i].len > line->len))
			fuzz_fail("view row %zu: cells %u+%u of a %u-cell line, width %u", i,
				  rows[i].start, rows[i].len, line->len, width);
		if (i && rows[i].line < rows[i - 1].line)
			fuzz_fail("view rows out of order");
	}
}

static uint64_t check_lines(const struct scrollback *sb)
{
	uint64_t visible = 0;
	size_t lines = scrollback_lines(sb);
	if (lines == 0 || lines > sb->max_lines || sb->col > SCROLLBACK_LINE_MAX)
		fuzz_fail("%zu lines of %zu, column %u", lines, sb->max_lines, sb->col);
	for (size_t i = 0; i < lines; i++) {
		const struct sb_line *line = scrollback_line(sb, i);
		if (line->len > line->cap || line->len > SCROLLBACK_LINE_MAX)
			fuzz_fail("line %zu: %u cells, room for %u", i, line->len, line->cap);
		for (uint32_t c = 0; c < line->len; c++) {
			uint8_t ch = line->cells[c].ch;
			if (ch < 0x20 || ch > 0x7e)
				fuzz_fail("line %zu cell %u holds byte 0x%02x", i, c, ch);
			visible += ch != ' ';
		}
	}
	char text[SCROLLBACK_LINE_MAX + 1];
	if (scrollback_line_text(sb, lines - 1, text, sizeof text) != scrollback_line(sb, lines - 1)->len)
		fuzz_fail("line text length");
	return visible;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	uint8_t how = fuzz_u8(&in);
	size_t max_lines = (how & 0x80) ? 2 + (how & 0x0f) : 64 + (how & 0x7f) * 64;
	unsigned width = 1 + fuzz_u8(&in);
	struct scrollback sb;
	uint64_t expect = 0;
	bool exact = true;

	if (scrollback_init(&sb, max_lines))
		fuzz_fail("out of memory");
	while (!fuzz_in_empty(&in)) {
		size_t got;
		const uint8_t *bytes = fuzz_take(&in, 1 + fuzz_u8(&in) % 97, &got);
		for (size_t i = 0; i < got; i++) {
			uint8_t b = bytes[i];
			if (b == '\r' || b == '\b')
				exact = false;
			else if (b == 0x7f || (b < 0x20 && b != '\n' && b != '\t'))
				expect += 2;
			else if (b > 0x7e)
				expect += 4;
			else if (b > 0x20)
				expect++;
		}
		if (got && bytes[0] == 0xff && got > 1 && bytes[1] == 0xff)
			scrollback_clear(&sb), expect = 0, exact = true; /* a reset of the guest */
		else
			scrollback_feed(&sb, bytes, got);
		check_view(&sb, width, 1 + got % 40, got % 7 == 0 ? got * 3 : 0);
	}
	uint64_t visible = check_lines(&sb);
	/* "\\x", "^" and the hex digits are not spaces, nor is any printable byte but ' '. */
	if (exact && sb.dropped == 0 && visible != expect)
		fuzz_fail("%llu visible cells for %llu expected: bytes lost or made up",
			  (unsigned long long)visible, (unsigned long long)expect);
	(void)scrollback_total_rows(&sb, width);
	scrollback_free(&sb);
	return 0;
}
