/* SPDX-License-Identifier: MIT */
/* text_screen_dump.c - a text screen written out as UTF-8 lines (see
 * text_screen_dump.h). */
#include "text_screen_dump.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp437.h"

/* 0x00 and the space both show blank; trimming them keeps diffs and
 * greps of a dump about what the guest wrote. 0xFF (no-break space) is a
 * character a guest chose and stays. */
static int blank(uint8_t ch)
{
	return ch == 0x00 || ch == ' ';
}

static int dump_row(const uint8_t *cells, unsigned cols, FILE *f)
{
	unsigned end = cols;
	while (end > 0 && blank(cells[(end - 1) * 2]))
		end--;
	char line[TEXT_SCREEN_COLS * 3 + 2], *p = line;
	for (unsigned c = 0; c < end; c++)
		p += cp437_to_utf8(cells[c * 2], p);
	*p++ = '\n';
	return fwrite(line, 1, (size_t)(p - line), f) == (size_t)(p - line) ? 0 : -1;
}

int text_screen_dump(const struct text_screen *s, FILE *f)
{
	/* The page is a fixed array: a bad size in the header must not read
	 * past it. */
	unsigned cols = s->cols <= TEXT_SCREEN_COLS ? s->cols : TEXT_SCREEN_COLS;
	unsigned rows = s->rows <= TEXT_SCREEN_ROWS ? s->rows : TEXT_SCREEN_ROWS;
	for (unsigned r = 0; r < rows; r++)
		if (dump_row(&s->cells[r * cols * 2], cols, f) < 0)
			return -1;
	if (fflush(f) == EOF || ferror(f)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

static int fail(const char *path, char *err, size_t errlen)
{
	int saved = errno;
	if (err && errlen)
		snprintf(err, errlen, "%s: %s", path, strerror(saved));
	errno = saved;
	return -1;
}

int text_screen_dump_path(const struct text_screen *s, const char *path, char *err, size_t errlen)
{
	if (strcmp(path, "-") == 0)
		return text_screen_dump(s, stdout) < 0 ? fail("standard output", err, errlen) : 0;
	FILE *f = fopen(path, "w");
	if (!f)
		return fail(path, err, errlen);
	int rc = text_screen_dump(s, f);
	int saved = errno;
	/* A full disk may only tell at close. */
	if (fclose(f) == EOF && rc == 0) {
		rc = -1;
		saved = errno;
	}
	errno = saved;
	return rc < 0 ? fail(path, err, errlen) : 0;
}

static int open_fail(struct text_screen_dump_file *d, const char *path, int e, char *err, size_t errlen)
{
	const char *why = e == ENXIO ? "a FIFO that nothing reads" : strerror(e);
	if (err && errlen)
		snprintf(err, errlen, "cannot write screen dump file %s: %s", path, why);
	*d = (struct text_screen_dump_file){ 0 };
	errno = e;
	return -1;
}

/* O_EXCL first, to know whether the file is ours to remove again. */
static int open_fd(const char *path, bool *created)
{
	const int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	int fd = open(path, flags | O_CREAT | O_EXCL, 0666);
	*created = fd >= 0;
	if (fd < 0 && errno == EEXIST)
		fd = open(path, flags);
	return fd;
}

int text_screen_dump_open(struct text_screen_dump_file *d, const char *path, char *err, size_t errlen)
{
	*d = (struct text_screen_dump_file){ .path = path };
	if (strcmp(path, "-") == 0) {
		d->f = stdout;
		return 0;
	}
	bool created;
	int fd = open_fd(path, &created);
	if (fd < 0)
		return open_fail(d, path, errno, err, errlen);
	/* O_NONBLOCK was for the open (a FIFO without a reader); the dump
	 * itself is written whole, waiting as a file write does. */
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || !(d->f = fdopen(fd, "w"))) {
		int e = errno;
		close(fd);
		if (created)
			unlink(path);
		return open_fail(d, path, e, err, errlen);
	}
	d->created = created;
	return 0;
}

int text_screen_dump_write(struct text_screen_dump_file *d, const struct text_screen *s, char *err, size_t errlen)
{
	if (!d->f)
		return 0;
	FILE *f = d->f;
	const char *path = f == stdout ? "standard output" : d->path;
	d->f = NULL;
	int rc = 0;
	struct stat st;
	/* Truncated only now: the run did happen, and this is its screen. */
	if (f != stdout && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && ftruncate(fileno(f), 0) < 0)
		rc = -1;
	if (rc == 0)
		rc = text_screen_dump(s, f);
	int saved = errno;
	/* A full disk may only tell at close. */
	if (f != stdout && fclose(f) == EOF && rc == 0) {
		rc = -1;
		saved = errno;
	}
	errno = saved;
	return rc < 0 ? fail(path, err, errlen) : 0;
}

void text_screen_dump_discard(struct text_screen_dump_file *d)
{
	if (d->f && d->f != stdout) {
		fclose(d->f);
		if (d->created)
			unlink(d->path);
	}
	d->f = NULL;
}
