/* SPDX-License-Identifier: MIT */
/* srcmap_path.c - finding a DWARF-named source file on this disk.
 *
 * DWARF records where the source was when the guest was built: the build
 * machine's absolute path, or one relative to the compilation directory.
 * That holds for a build in place. A tree built elsewhere (CI's clone, a
 * copy in /tmp) or installed (share/kvm-tui/guests) has the file beside
 * the ELF instead, so the path's trailing components are tried under the
 * ELF's and the guest's directories, longest first ("guests/hello.S"
 * before "hello.S", so a deeper layout wins over a same-named file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "srcmap_internal.h"

/* How many trailing components are tried: a source tree is shallow. */
#define SUFFIX_DEPTH 6

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir/name (or name alone when dir is empty), malloc'd; NULL if no memory. */
static char *join(const char *dir, size_t dirlen, const char *name)
{
	size_t n = strlen(name);
	char *out = malloc(dirlen + 1 + n + 1);
	if (!out)
		return NULL;
	if (dirlen == 0) {
		memcpy(out, name, n + 1);
		return out;
	}
	memcpy(out, dir, dirlen);
	if (dir[dirlen - 1] != '/') /* "/" + "hello.S" is "/hello.S" */
		out[dirlen++] = '/';
	memcpy(out + dirlen, name, n + 1);
	return out;
}

/* dir/name if that is a file: malloc'd, else NULL. */
static char *try_join(const char *dir, size_t dirlen, const char *name)
{
	char *p = join(dir, dirlen, name);
	if (p && is_file(p))
		return p;
	free(p);
	return NULL;
}

/* The directory part of path ("" for a bare name) as a length into it. */
static size_t dir_len(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (!slash)
		return 0;
	return slash == path ? 1 : (size_t)(slash - path);
}

/* The start of path's last `depth` components (path itself if fewer). */
static const char *tail(const char *path, int depth)
{
	const char *p = path + strlen(path);
	while (p > path) {
		if (p[-1] == '/' && --depth == 0)
			return p;
		p--;
	}
	return path;
}

/* Trailing components of path under the directory of base, longest first. */
static char *under_dir_of(const char *base, const char *path)
{
	if (!base)
		return NULL;
	size_t dlen = dir_len(base);
	const char *dir = dlen ? base : ".";
	if (!dlen)
		dlen = 1;
	const char *prev = NULL;
	for (int depth = SUFFIX_DEPTH; depth > 0; depth--) {
		const char *t = tail(path, depth);
		if (t == prev || *t == '\0')
			continue;
		prev = t;
		if (t[0] == '/')
			continue; /* the absolute path itself was tried first */
		char *found = try_join(dir, dlen, t);
		if (found)
			return found;
	}
	return NULL;
}

char *srcmap_resolve(const struct srcmap *map, const struct srcmap_file *f)
{
	char *found;
	if (f->path[0] == '/' || f->comp_dir[0] == '\0')
		found = try_join("", 0, f->path);
	else
		found = try_join(f->comp_dir, strlen(f->comp_dir), f->path);
	if (!found)
		found = under_dir_of(map->elf_path, f->path);
	if (!found)
		found = under_dir_of(map->guest_path, f->path);
	return found;
}
