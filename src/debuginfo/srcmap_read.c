/* SPDX-License-Identifier: MIT */
/* srcmap_read.c - reading a whole file with a size cap, and error messages.
 *
 * Both the ELF and the source files come through here: a path the user or
 * DWARF names may be a directory, a FIFO (opening one for reading would
 * block until a writer came) or a huge file, and each gets a sentence, not
 * a hang or an allocation without bound. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srcmap_internal.h"

void *srcmap_fail(char *err, size_t errlen, const char *fmt, ...)
{
	if (errlen > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return NULL;
}

/* Reads exactly size bytes (the file may shrink meanwhile: then fewer). */
static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t done = 0;
	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

static int refuse(int fd, char *err, size_t errlen, const char *fmt, const char *path)
{
	srcmap_fail(err, errlen, fmt, path);
	if (fd >= 0)
		close(fd);
	return -1;
}

int srcmap_read_file(const char *path, size_t max, char **data, size_t *size, char *err,
		     size_t errlen)
{
	/* O_NONBLOCK: a FIFO opens at once (and is refused below by fstat). */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		srcmap_fail(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0)
		return refuse(fd, err, errlen, "%s: cannot stat it", path);
	if (!S_ISREG(st.st_mode))
		return refuse(fd, err, errlen, "%s: not a regular file", path);
	if ((uintmax_t)st.st_size > max) {
		srcmap_fail(err, errlen, "%s is %jd bytes, over the limit of %zu", path,
			    (intmax_t)st.st_size, max);
		close(fd);
		return -1;
	}
	size_t want = (size_t)st.st_size;
	char *buf = malloc(want + 1);
	if (!buf)
		return refuse(fd, err, errlen, "%s: out of memory", path);
	ssize_t got = read_all(fd, buf, want);
	int saved = errno;
	close(fd);
	if (got < 0) {
		free(buf);
		srcmap_fail(err, errlen, "%s: %s", path, strerror(saved));
		return -1;
	}
	buf[got] = '\0';
	*data = buf;
	*size = (size_t)got;
	return 0;
}

const char *srcmap_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
