/* SPDX-License-Identifier: MIT */
/* test_screen_dump.c - --screen-dump's file: opened before the run (so a
 * bad path is refused before KVM), truncated and written only at the end,
 * removed again when the run never started and the open had made it, an
 * earlier dump left alone then; a FIFO nobody reads never blocks. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "text_screen_dump.h"

static char dir[] = "/tmp/kvmtui-dump.XXXXXX";
static char err[512];

static void path_of(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const char *file_text(const char *path)
{
	static char buf[4096];
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A 2x2 screen: "AB" over "C" (a trailing blank cut). */
static void small_screen(struct text_screen *s)
{
	memset(s, 0, sizeof *s);
	s->cols = 2;
	s->rows = 2;
	const char cells[] = "AB C";
	for (int i = 0; i < 4; i++)
		s->cells[i * 2] = (uint8_t)cells[i];
}

static void test_written_at_the_end(void)
{
	char path[256];
	struct text_screen s;
	struct text_screen_dump_file d;
	small_screen(&s);
	path_of(path, sizeof path, "old.txt");
	put_file(path, "an earlier dump, longer than this one\n");
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), 0);
	CHECK(!d.created);
	CHECK_STR(file_text(path), "an earlier dump, longer than this one\n"); /* not yet truncated */
	CHECK_EQ(text_screen_dump_write(&d, &s, err, sizeof err), 0);
	CHECK_STR(file_text(path), "AB\n C\n");

	path_of(path, sizeof path, "new.txt");
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), 0);
	CHECK(d.created);
	CHECK_EQ(text_screen_dump_write(&d, &s, err, sizeof err), 0);
	CHECK_STR(file_text(path), "AB\n C\n");
}

/* The run never started: a file the open made goes; an earlier one stays. */
static void test_discarded(void)
{
	char path[256];
	struct text_screen_dump_file d;
	path_of(path, sizeof path, "never.txt");
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), 0);
	CHECK_EQ(access(path, F_OK), 0);
	text_screen_dump_discard(&d);
	CHECK(access(path, F_OK) != 0);

	path_of(path, sizeof path, "kept.txt");
	put_file(path, "keep me\n");
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), 0);
	text_screen_dump_discard(&d);
	CHECK_STR(file_text(path), "keep me\n");
	text_screen_dump_discard(&d); /* twice: nothing more */
}

static void test_refused(void)
{
	char path[256], want[400];
	struct text_screen_dump_file d;
	path_of(path, sizeof path, "no-such-dir/s.txt");
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), -1);
	snprintf(want, sizeof want, "cannot write screen dump file %s: No such file or directory", path);
	CHECK_STR(err, want);
	CHECK(d.f == NULL);
	CHECK_EQ(text_screen_dump_open(&d, dir, err, sizeof err), -1);
	CHECK_CONTAINS(err, ": Is a directory");
	/* A FIFO with no reader: refused at once, where a blocking open would
	 * wait forever before the run (ctest's timeout would say so). */
	path_of(path, sizeof path, "fifo");
	CHECK_EQ(mkfifo(path, 0600), 0);
	CHECK_EQ(text_screen_dump_open(&d, path, err, sizeof err), -1);
	CHECK_CONTAINS(err, "fifo: a FIFO that nothing reads");
	CHECK_EQ(access(path, F_OK), 0); /* not ours to remove */
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_written_at_the_end();
	test_discarded();
	test_refused();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
