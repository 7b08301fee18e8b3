/* SPDX-License-Identifier: MIT */
/* image.c - reading a guest file into memory and telling what it is.
 *
 * Every way a path can be wrong for a guest (missing, unreadable, a
 * directory, a device, empty, too big for guest memory) gets its own
 * message, because the user's next step differs for each.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader_internal.h"

static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

#define BOOT_SECTOR_SIZE 512
#define ELF_CLASS_BYTE 4    /* e_ident[EI_CLASS] */
#define ELF_CLASS_64 2      /* ELFCLASS64 */

const char *image_kind_name(enum image_kind kind)
{
	switch (kind) {
	case IMAGE_FLAT: return "flat";
	case IMAGE_BOOT_SECTOR: return "boot sector";
	case IMAGE_ELF32: return "ELF32";
	case IMAGE_ELF64: return "ELF64";
	case IMAGE_DISK: return "disk image";
	}
	return "unknown";
}

/* Anything with the ELF magic counts as ELF, even if damaged: running a
 * broken ELF as flat bytes would only confuse; the ELF loader explains
 * what is wrong instead. Only an explicit 64-bit class byte means ELF64. */
enum image_kind image_classify(const uint8_t *data, size_t size)
{
	if (size >= sizeof elf_magic && memcmp(data, elf_magic, sizeof elf_magic) == 0)
		return size > ELF_CLASS_BYTE && data[ELF_CLASS_BYTE] == ELF_CLASS_64
			       ? IMAGE_ELF64 : IMAGE_ELF32;
	if (size == BOOT_SECTOR_SIZE && data[510] == 0x55 && data[511] == 0xaa)
		return IMAGE_BOOT_SECTOR;
	return IMAGE_FLAT;
}

void image_free(struct guest_image *img)
{
	if (!img)
		return;
	free(img->data);
	free(img->path);
	memset(img, 0, sizeof *img);
}

static int open_fail(const char *path, int e, char *err, size_t errlen)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		return loader_fail(err, errlen, path, "no such file (check the path; "
				   "built guests are in guests/*.bin)");
	case EACCES:
	case EPERM:
		return loader_fail(err, errlen, path, "permission denied "
				   "(make it readable: chmod a+r %s)", path);
	case EISDIR:
		return loader_fail(err, errlen, path, "is a directory, not a guest image "
				   "(give a file such as guests/hello.bin)");
	default:
		return loader_fail(err, errlen, path, "cannot open: %s", strerror(e));
	}
}

static int too_big(const char *path, uint64_t size, uint64_t max_size,
		   char *err, size_t errlen)
{
	char have[32], room[32], hint[16];

	loader_size_str(size, have, sizeof have);
	loader_size_str(max_size, room, sizeof room);
	loader_mem_hint(size, hint, sizeof hint);
	return loader_fail(err, errlen, path, "%s does not fit in %s of guest memory "
			   "(use --mem %s)", have, room, hint);
}

/* Checks what fstat says before reading a byte. */
static int check_stat(int fd, const char *path, uint64_t max_size, size_t *size,
		      char *err, size_t errlen)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return loader_fail(err, errlen, path, "cannot stat: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return open_fail(path, EISDIR, err, errlen);
	if (!S_ISREG(st.st_mode))
		return loader_fail(err, errlen, path, "not a regular file (a device, pipe "
				   "or socket); give a guest image file");
	if (st.st_size == 0)
		return loader_fail(err, errlen, path, "empty file, nothing to run "
				   "(was the guest built?)");
	if ((uint64_t)st.st_size > max_size || (uint64_t)st.st_size > SIZE_MAX)
		return too_big(path, (uint64_t)st.st_size, max_size, err, errlen);
	*size = (size_t)st.st_size;
	return 0;
}

/* read() may return less than asked or be interrupted; keep going until
 * all `size` bytes are in. A file that shrinks meanwhile is an error. */
static int read_all(int fd, const char *path, uint8_t *buf, size_t size,
		    char *err, size_t errlen)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return loader_fail(err, errlen, path, "read failed: %s", strerror(errno));
		if (n == 0)
			return loader_fail(err, errlen, path, "file shrank while being read "
					   "(is it being rebuilt? try again)");
		got += (size_t)n;
	}
	return 0;
}

static int read_fd(int fd, const char *path, uint64_t max_size,
		   struct guest_image *img, char *err, size_t errlen)
{
	size_t size = 0;

	if (check_stat(fd, path, max_size, &size, err, errlen) != 0)
		return -1;
	img->data = malloc(size);
	img->path = strdup(path);
	if (!img->data || !img->path)
		return loader_fail(err, errlen, path, "out of memory reading %zu bytes", size);
	img->size = size;
	if (read_all(fd, path, img->data, size, err, errlen) != 0)
		return -1;
	img->kind = image_classify(img->data, size);
	return 0;
}

int image_read(const char *path, uint64_t max_size, struct guest_image *img,
	       char *err, size_t errlen)
{
	memset(img, 0, sizeof *img);
	/* O_NONBLOCK: opening a FIFO must not hang before fstat can refuse it. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return open_fail(path, errno, err, errlen);
	int rc = read_fd(fd, path, max_size, img, err, errlen);
	close(fd);
	if (rc != 0)
		image_free(img);
	return rc;
}
