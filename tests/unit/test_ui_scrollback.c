/* SPDX-License-Identifier: MIT */
/* test_ui_scrollback.c - terminal semantics of the serial console's buffer. */
#include "check.h"
#include "scrollback.h"

static const char *line(const struct scrollback *sb, size_t i)
{
	static char buf[SCROLLBACK_LINE_MAX + 1];
	scrollback_line_text(sb, i, buf, sizeof(buf));
	return buf;
}

static void feed(struct scrollback *sb, const char *s)
{
	scrollback_feed(sb, (const uint8_t *)s, strlen(s));
}

static void test_newlines(void)
{
	struct scrollback sb;
	CHECK_EQ(scrollback_init(&sb, 100), 0);
	feed(&sb, "Hello, KVM!\n");
	CHECK_EQ(scrollback_lines(&sb), 2);
	CHECK_STR(line(&sb, 0), "Hello, KVM!");
	CHECK_STR(line(&sb, 1), "");
	feed(&sb, "a\r\nb\n");
	CHECK_STR(line(&sb, 1), "a");
	CHECK_STR(line(&sb, 2), "b");
	CHECK_EQ(scrollback_lines(&sb), 4);
	scrollback_free(&sb);
}

static void test_cr_bs_tab(void)
{
	struct scrollback sb;
	scrollback_init(&sb, 100);
	feed(&sb, "12345\rab");
	CHECK_STR(line(&sb, 0), "ab345");
	feed(&sb, "\rxyz\b\b \b");
	CHECK_STR(line(&sb, 0), "x z45");
	CHECK(!scrollback_is_empty(&sb));
	scrollback_clear(&sb);
	/* empty again after a clear (a reset, a replay's seek), though bytes
	 * moved on so that the cleared pane gets drawn */
	CHECK(scrollback_is_empty(&sb));
	CHECK(sb.bytes > 0);
	feed(&sb, "\n");
	CHECK(!scrollback_is_empty(&sb));
	scrollback_clear(&sb);
	feed(&sb, "\b\bq");
	CHECK_STR(line(&sb, 0), "q");
	scrollback_clear(&sb);
	feed(&sb, "a\tb\tc");
	CHECK_STR(line(&sb, 0), "a       b       c");
	scrollback_clear(&sb);
	feed(&sb, "abcdefghij\r\tX");
	CHECK_STR(line(&sb, 0), "abcdefghXj");
	scrollback_free(&sb);
}

static void test_escapes_are_text(void)
{
	struct scrollback sb;
	scrollback_init(&sb, 100);
	feed(&sb, "\033[2J\033]0;pwned\a");
	CHECK_STR(line(&sb, 0), "^[[2J^[]0;pwned^G");
	const struct sb_line *l = scrollback_line(&sb, 0);
	CHECK_EQ(l->cells[0].flags & SB_ESCAPE, SB_ESCAPE);
	CHECK_EQ(l->cells[1].flags & SB_ESCAPE, SB_ESCAPE);
	CHECK_EQ(l->cells[2].flags & SB_ESCAPE, 0);
	scrollback_clear(&sb);
	uint8_t bytes[] = { 0x9b, '3', '1', 'm', 0x00, 0x7f };
	scrollback_feed(&sb, bytes, sizeof(bytes));
	CHECK_STR(line(&sb, 0), "\\x9b31m^@^?");
	/* nothing below 0x20 or above 0x7e survives anywhere */
	for (unsigned c = 0; c < 256; c++) {
		uint8_t b = (uint8_t)c;
		scrollback_feed(&sb, &b, 1);
	}
	int raw = 0;
	for (size_t i = 0; i < scrollback_lines(&sb); i++) {
		const struct sb_line *li = scrollback_line(&sb, i);
		for (uint32_t c = 0; c < li->len; c++)
			if (li->cells[c].ch < 0x20 || li->cells[c].ch > 0x7e)
				raw++;
	}
	CHECK_EQ(raw, 0);
	scrollback_free(&sb);
}

static void test_bounded(void)
{
	struct scrollback sb;
	scrollback_init(&sb, SCROLLBACK_DEFAULT_LINES);
	char buf[32];
	for (int i = 0; i < 25000; i++) {
		snprintf(buf, sizeof(buf), "line %d\n", i);
		feed(&sb, buf);
	}
	CHECK_EQ(scrollback_lines(&sb), SCROLLBACK_DEFAULT_LINES);
	CHECK_STR(line(&sb, SCROLLBACK_DEFAULT_LINES - 2), "line 24999");
	CHECK_STR(line(&sb, 0), "line 15001");
	CHECK_EQ(sb.dropped, 15001);
	/* a guest that never sends a newline still wraps into bounded lines */
	scrollback_clear(&sb);
	for (int i = 0; i < SCROLLBACK_LINE_MAX * 3 + 5; i++)
		scrollback_putc(&sb, 'z');
	CHECK_EQ(scrollback_lines(&sb), 4);
	CHECK_EQ(scrollback_line(&sb, 0)->len, SCROLLBACK_LINE_MAX);
	CHECK_EQ(scrollback_line(&sb, 3)->len, 5);
	scrollback_free(&sb);
}

/* A tab with the line full (a wrap pending) must not pull the cursor back
 * onto the last cell: the next character would overwrite it. */
static void test_tab_at_line_end(void)
{
	struct scrollback sb;
	scrollback_init(&sb, 100);
	for (int i = 0; i < SCROLLBACK_LINE_MAX - 1; i++)
		scrollback_putc(&sb, 'a');
	feed(&sb, "Z\tX");
	CHECK_EQ(scrollback_lines(&sb), 2);
	CHECK_EQ(scrollback_line(&sb, 0)->len, SCROLLBACK_LINE_MAX);
	CHECK_EQ(scrollback_line(&sb, 0)->cells[SCROLLBACK_LINE_MAX - 1].ch, 'Z');
	CHECK_STR(line(&sb, 1), "X");
	/* a tab that reaches the end from inside the line: the same */
	scrollback_clear(&sb);
	for (int i = 0; i < SCROLLBACK_LINE_MAX - 3; i++)
		scrollback_putc(&sb, 'b');
	feed(&sb, "\tY");
	CHECK_EQ(scrollback_line(&sb, 0)->len, SCROLLBACK_LINE_MAX - 3);
	CHECK_STR(line(&sb, 1), "Y");
	scrollback_free(&sb);
}

static void test_view(void)
{
	struct scrollback sb;
	scrollback_init(&sb, 100);
	feed(&sb, "one\n0123456789abc\nthree");
	struct sb_row rows[10];
	/* width 5: "one"=1 row, 13 chars=3 rows, "three"=1 row */
	CHECK_EQ(scrollback_total_rows(&sb, 5), 5);
	size_t n = scrollback_view(&sb, 5, 10, 0, rows);
	CHECK_EQ(n, 5);
	CHECK_EQ(rows[0].line, 0);
	CHECK_EQ(rows[1].line, 1);
	CHECK_EQ(rows[1].start, 0);
	CHECK_EQ(rows[3].start, 10);
	CHECK_EQ(rows[3].len, 3);
	CHECK_EQ(rows[4].line, 2);
	n = scrollback_view(&sb, 5, 2, 0, rows);
	CHECK_EQ(n, 2);
	CHECK_EQ(rows[0].line, 1);
	CHECK_EQ(rows[0].start, 10);
	CHECK_EQ(rows[1].line, 2);
	n = scrollback_view(&sb, 5, 2, 3, rows); /* scrolled back three rows */
	CHECK_EQ(n, 2);
	CHECK_EQ(rows[0].line, 0);
	CHECK_EQ(rows[1].line, 1);
	CHECK_EQ(rows[1].start, 0);
	scrollback_free(&sb);
}

int main(void)
{
	test_newlines();
	test_cr_bs_tab();
	test_escapes_are_text();
	test_bounded();
	test_tab_at_line_end();
	test_view();
	return check_done();
}
