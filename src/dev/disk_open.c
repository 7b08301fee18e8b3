/* SPDX-License-Identifier: MIT */
/* disk_open.c - opening a disk image, with every refusal explained in
 * one line that starts with the path, and closing it.
 *
 * The file is the user's: a wrong path must not hang kvm-tui (a FIFO is
 * refused before it is opened, and opened non-blocking in case one
 * appears there in between), and without --disk-write it is opened
 * read-only, so nothing can reach it. A struct disk is open exactly when
 * its path is set: disk_close is safe on a zeroed struct, after a failed
 * open, and twice. */
#include "disk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disk_overlay.h"

#define MAX_BYTES (2ull << 40) /* 2 TiB: what a 32-bit sector number reaches */

/* "path: what is wrong", always -1. */
static int refuse(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
	char what[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (errlen)
		snprintf(err, errlen, "%s: %s", path, what);
	return -1;
}

static int refuse_errno(char *err, size_t errlen, const char *path, int e)
{
	switch (e) {
	case ENOENT:
		return refuse(err, errlen, path, "no such file");
	case ENOTDIR:
		return refuse(err, errlen, path, "no such file (a part of the path is not a directory)");
	case EACCES:
	case EPERM:
		return refuse(err, errlen, path, "permission denied: kvm-tui may not read it");
	default:
		return refuse(err, errlen, path, "cannot open it: %s", strerror(e));
	}
}

/* Anything but a regular file is refused by name: reading a FIFO or a
 * terminal would wait for ever, and a device is not an image. */
static int refuse_kind(char *err, size_t errlen, const char *path, mode_t mode)
{
	if (S_ISDIR(mode))
		return refuse(err, errlen, path, "is a directory, not a disk image");
	if (S_ISFIFO(mode))
		return refuse(err, errlen, path, "is a FIFO, not a disk image file");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return refuse(err, errlen, path, "is a device, not a disk image file");
	if (S_ISSOCK(mode))
		return refuse(err, errlen, path, "is a socket, not a disk image file");
	return refuse(err, errlen, path, "is not a regular file");
}

static int check_file(const struct stat *st, const char *path, char *err, size_t errlen)
{
	if (!S_ISREG(st->st_mode))
		return refuse_kind(err, errlen, path, st->st_mode);
	uint64_t size = (uint64_t)st->st_size;
	if (size == 0)
		return refuse(err, errlen, path, "is empty (a disk image holds at least one 512-byte sector)");
	if (size % DISK_SECTOR)
		return refuse(err, errlen, path, "size %llu is not a multiple of 512 bytes "
			      "(a disk image is whole sectors)", (unsigned long long)size);
	if (size > MAX_BYTES)
		return refuse(err, errlen, path, "size %llu is larger than 2 TiB (the most int 13h can address)",
			      (unsigned long long)size);
	return 0;
}

/* A write-through open refused for want of write access, when reading
 * would have been allowed: the user's fix is different. */
static bool readable(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* O_NONBLOCK only matters if a FIFO or device took the path's place since
 * stat: a regular file's reads and writes ignore it. */
static int open_file(const char *path, bool write_through, char *err, size_t errlen)
{
	int flags = (write_through ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	int fd = open(path, flags);
	if (fd >= 0)
		return fd;
	int e = errno;
	if (write_through && (e == EACCES || e == EPERM || e == EROFS) && readable(path)) {
		refuse(err, errlen, path, "--disk-write needs write access, and the file is read-only "
		       "(make it writable, or leave out --disk-write to keep writes in memory)");
		return -1;
	}
	return refuse_errno(err, errlen, path, e);
}

/* The file checked before it is opened (no FIFO is ever opened for a
 * path that was one), and again once open: the path may have changed. */
static int open_checked(const char *path, bool write_through, struct stat *st, char *err, size_t errlen)
{
	if (stat(path, st))
		return refuse_errno(err, errlen, path, errno);
	if (check_file(st, path, err, errlen))
		return -1;
	int fd = open_file(path, write_through, err, errlen);
	if (fd < 0)
		return -1;
	if (fstat(fd, st)) {
		int e = errno;
		close(fd);
		return refuse_errno(err, errlen, path, e);
	}
	if (check_file(st, path, err, errlen)) {
		close(fd);
		return -1;
	}
	return fd;
}

int disk_open(struct disk *d, const char *path, bool write_through, char *err, size_t errlen)
{
	struct stat st;
	*d = (struct disk){ .fd = -1 };
	int fd = open_checked(path, write_through, &st, err, errlen);
	if (fd < 0)
		return -1;
	char *name = strdup(path);
	struct disk_overlay *overlay = write_through ? NULL : disk_overlay_new();
	if (!name || (!write_through && !overlay)) {
		free(name);
		disk_overlay_free(overlay);
		close(fd);
		return refuse(err, errlen, path, "out of memory");
	}
	*d = (struct disk){ .path = name, .fd = fd, .write_through = write_through, .overlay = overlay,
			    .sectors = (uint64_t)st.st_size / DISK_SECTOR };
	disk_geometry_for_size((uint64_t)st.st_size, &d->geo);
	return 0;
}

void disk_close(struct disk *d)
{
	if (d->path)
		close(d->fd);
	free(d->path);
	disk_overlay_free(d->overlay);
	*d = (struct disk){ .fd = -1 };
}
