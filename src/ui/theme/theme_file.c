/* SPDX-License-Identifier: MIT */
/* theme_file.c - reading a theme file into memory, safely.
 *
 * The file is whatever the user named: /dev/zero, a FIFO, a directory, a
 * multi-gigabyte log. Like the guest loader (src/vmm/image.c) it opens
 * without blocking, takes regular files only, reads at most THEME_FILE_MAX
 * bytes (however the file grows meanwhile) and reports a read error as an
 * error, never as the end of the file.
 */
#include "theme.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *path, char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "%s: %s", path, why);
	return -1;
}

static int check_kind(int fd, const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return fail(path, err, errlen, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return fail(path, err, errlen, "cannot read: a directory, not a theme file");
	if (!S_ISREG(st.st_mode))
		return fail(path, err, errlen, "cannot read: not a regular file (a device, pipe or "
			    "socket); give a theme file");
	return 0;
}

/* Up to THEME_FILE_MAX + 1 bytes: one more than allowed tells "too big". */
static int read_capped(int fd, const char *path, char *buf, size_t *len, char *err, size_t errlen)
{
	size_t got = 0;
	for (;;) {
		ssize_t n = read(fd, buf + got, THEME_FILE_MAX + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			char why[160];
			snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
			return fail(path, err, errlen, why);
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > THEME_FILE_MAX)
			return fail(path, err, errlen, "too big for a theme file (more than 64 KiB)");
	}
	*len = got;
	return 0;
}

int theme_file_read(const char *path, char **text, size_t *len, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		char why[160];
		snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
		return fail(path, err, errlen, why);
	}
	char *buf = malloc(THEME_FILE_MAX + 2);
	int rc = buf ? check_kind(fd, path, err, errlen) : fail(path, err, errlen, "out of memory");
	if (rc == 0)
		rc = read_capped(fd, path, buf, len, err, errlen);
	close(fd);
	if (rc != 0) {
		free(buf);
		return -1;
	}
	buf[*len] = '\0';
	*text = buf;
	return 0;
}
