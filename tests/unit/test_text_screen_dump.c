/* SPDX-License-Identifier: MIT */
/* test_text_screen_dump.c - a text screen as UTF-8 lines (--screen-dump):
 * box drawing, trailing blanks trimmed (spaces and NUL cells alike),
 * attributes ignored, 40-column mode, and the errors a path can give. */
#include "check.h"
#include "text_screen_dump.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static struct text_screen page;

static void blank(uint16_t cols, uint16_t rows)
{
	memset(&page, 0, sizeof(page));
	page.cols = cols;
	page.rows = rows;
	page.mode = cols == 40 ? 1 : 3;
	for (unsigned i = 0; i < (unsigned)cols * rows; i++) {
		page.cells[i * 2] = ' ';
		page.cells[i * 2 + 1] = 0x07;
	}
}

/* Bytes (code page 437) at a row and column, in a colour to be ignored. */
static void put(unsigned row, unsigned col, const char *bytes, uint8_t attr)
{
	for (unsigned i = 0; bytes[i]; i++) {
		uint8_t *cell = &page.cells[(row * page.cols + col + i) * 2];
		cell[0] = (uint8_t)bytes[i];
		cell[1] = attr;
	}
}

/* The dump as a string (open_memstream: no file). */
static char *dump(int *rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	*rc = text_screen_dump(&page, f);
	fclose(f);
	return text;
}

static char *lines(const char *first, unsigned blank_after)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s", first);
	for (unsigned i = 0; i < blank_after; i++)
		strcat(buf, "\n");
	return buf;
}

static void test_box(void)
{
	blank(80, 25);
	put(0, 0, "\xc9\xcd\xcd\xcd\xbb", 0x1f);        /* ╔═══╗ */
	put(1, 0, "\xba" "DOS" "\xba", 0x1f);         /* ║DOS║ */
	put(2, 0, "\xc8\xcd\xcd\xcd\xbc", 0x1f);        /* ╚═══╝ */
	put(3, 2, "trailing   ", 0x4e);                 /* spaces after it go */
	put(4, 0, "\x01 \x03 \xb0\xb1\xb2\xdb", 0x8c);  /* glyphs below 0x20 and blocks */
	put(5, 70, "right edge", 0x07);                 /* the last column is kept */
	put(6, 0, "a?b", 0x07);
	page.cells[(6 * 80 + 1) * 2] = 0x00;            /* a NUL inside a row: a space */
	page.cells[(6 * 80 + 3) * 2] = 0x00;            /* ... and NULs at its end: trimmed */
	page.cells[(6 * 80 + 4) * 2] = 0x00;
	put(7, 0, "nbsp\xff", 0x07);                    /* 0xFF is a character: kept */
	int rc;
	char *text = dump(&rc);
	CHECK_EQ(rc, 0);
	const char *want = lines("╔═══╗\n"
				 "║DOS║\n"
				 "╚═══╝\n"
				 "  trailing\n"
				 "☺ ♥ ░▒▓█\n"
				 "                                                                      right edge\n"
				 "a b\n"
				 "nbsp\u00a0\n",
				 25 - 8);
	CHECK_STR(text, want);
	free(text);
}

static void test_forty_columns(void)
{
	blank(40, 25);
	put(0, 0, "mode 1: forty columns", 0x1e);
	put(1, 39, "|", 0x1e);  /* row 1's last column: 40, not 80, cells a row */
	put(24, 0, "last row", 0x07);
	int rc;
	char *text = dump(&rc);
	CHECK_EQ(rc, 0);
	char want[512];
	snprintf(want, sizeof(want), "mode 1: forty columns\n%39s|\n%slast row\n", "",
		 lines("", 22));
	CHECK_STR(text, want);
	free(text);
}

static void test_empty_and_odd(void)
{
	int rc;
	memset(&page, 0, sizeof(page)); /* never published: no rows */
	char *text = dump(&rc);
	CHECK_EQ(rc, 0);
	CHECK_STR(text, "");
	free(text);
	blank(80, 25); /* an all-blank page: 25 empty lines */
	text = dump(&rc);
	CHECK_STR(text, lines("", 25));
	free(text);
	page.cols = 1000; /* a bad header reads no further than the page */
	page.rows = 1000;
	text = dump(&rc);
	CHECK_EQ(rc, 0);
	CHECK_EQ(strlen(text), 25);
	free(text);
}

static void test_path(void)
{
	char dir[] = "/tmp/kvmtui-dump-XXXXXX", path[64], err[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/screen.txt", dir);
	blank(80, 25);
	put(0, 0, "\xc9\xcd\xbb", 0x07);
	CHECK_EQ(text_screen_dump_path(&page, path, err, sizeof(err)), 0);
	FILE *f = fopen(path, "r");
	char line[64] = "";
	CHECK(f && fgets(line, sizeof(line), f));
	CHECK_STR(line, "╔═╗\n");
	if (f)
		fclose(f);
	unlink(path);

	snprintf(path, sizeof(path), "%s/no/such/dir", dir);
	errno = 0;
	CHECK_EQ(text_screen_dump_path(&page, path, err, sizeof(err)), -1);
	CHECK_EQ(errno, ENOENT);
	CHECK_CONTAINS(err, path);
	CHECK_CONTAINS(err, "No such file or directory");
	CHECK_EQ(text_screen_dump_path(&page, path, NULL, 0), -1); /* no message wanted */
	rmdir(dir);

	/* A full disk says so, even when only the final flush finds out. */
	if (access("/dev/full", W_OK) == 0) {
		errno = 0;
		CHECK_EQ(text_screen_dump_path(&page, "/dev/full", err, sizeof(err)), -1);
		CHECK_EQ(errno, ENOSPC);
		CHECK_CONTAINS(err, "/dev/full: ");
	}
}

int main(void)
{
	test_box();
	test_forty_columns();
	test_empty_and_odd();
	test_path();
	return check_done();
}
