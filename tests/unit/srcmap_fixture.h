/* SPDX-License-Identifier: MIT */
/* srcmap_fixture.h - what the srcmap tests share: the built lesson guests'
 * files, scratch directories, and an ELF "built elsewhere" (its DWARF
 * paths pointed at a directory that does not exist). */
#ifndef KVMTUI_SRCMAP_FIXTURE_H
#define KVMTUI_SRCMAP_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "srcmap.h"

#define GUEST_DIR TEST_SOURCE_DIR "/guests"

/* A whole file, malloc'd and NUL-terminated; NULL if unreadable. */
static inline char *fx_read(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			char *bigger = realloc(buf, cap);
			if (!bigger)
				break;
			buf = bigger;
		}
		size_t got = fread(buf + n, 1, 4096, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*size = n;
	return buf;
}

static inline int fx_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	int rc = fwrite(data, 1, size, f) == size ? 0 : -1;
	return fclose(f) == 0 ? rc : -1;
}

static inline int fx_copy(const char *from, const char *to)
{
	size_t size;
	char *data = fx_read(from, &size);
	int rc = data ? fx_write(to, data, size) : -1;
	free(data);
	return rc;
}

/* dir/name into buf ("" if it does not fit: the test then fails to find it). */
static inline const char *fx_path(char *buf, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= cap)
		buf[0] = '\0';
	return buf;
}

/* A scratch directory under the build tree (callers check for NULL). */
static inline char *fx_tmpdir(char *buf, size_t cap, const char *what)
{
	snprintf(buf, cap, "%s/%s_XXXXXX", TEST_BINARY_DIR, what);
	return mkdtemp(buf);
}

/* Removes dir and the files in it (scratch directories are flat). */
static inline void fx_rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			unlink(fx_path(path, sizeof(path), dir, e->d_name));
		}
	}
	closedir(d);
	rmdir(dir);
}

/* The image with every occurrence of `from` overwritten, byte for byte, by
 * the same length of a path that does not exist ("/work/x" -> "/qqqq/q"):
 * the DWARF's directories then point nowhere, as in a tree built on
 * another machine, and every offset in the ELF stays right. Returns how
 * many it replaced. */
static inline int fx_move_paths(char *image, size_t size, const char *from)
{
	size_t n = strlen(from);
	int count = 0;
	for (size_t i = 0; n > 0 && i + n <= size; i++) {
		if (memcmp(image + i, from, n) != 0)
			continue;
		for (size_t k = 0; k < n; k++)
			if (image[i + k] != '/')
				image[i + k] = 'q';
		count++;
		i += n - 1;
	}
	return count;
}

/* A copy of guest name's .elf "built elsewhere" into dir/name.elf, with its
 * .bin beside it: 0, or -1. */
static inline int fx_relocated_guest(const char *dir, const char *name)
{
	char from[4096], to[4096];
	size_t size;
	snprintf(from, sizeof(from), "%s/%s.elf", GUEST_DIR, name);
	char *elf = fx_read(from, &size);
	if (!elf)
		return -1;
	int moved = fx_move_paths(elf, size, TEST_SOURCE_DIR);
	snprintf(to, sizeof(to), "%s/%s.elf", dir, name);
	int rc = moved > 0 ? fx_write(to, elf, size) : -1;
	free(elf);
	snprintf(from, sizeof(from), "%s/%s.bin", GUEST_DIR, name);
	snprintf(to, sizeof(to), "%s/%s.bin", dir, name);
	return rc == 0 ? fx_copy(from, to) : -1;
}

#endif
