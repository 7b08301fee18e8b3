/* SPDX-License-Identifier: MIT */
/* srcmap_open.c - finding the ELF that holds a guest's line information.
 *
 * A guest is a raw image (hello.bin: bytes, no line information) or an ELF;
 * our build leaves the linked ELF of each raw guest beside it (hello.elf),
 * so the candidates are the guest itself if it is an ELF, then that
 * sibling by the two spellings people use (extension replaced, extension
 * added). The first that yields line rows wins; when none does, the
 * message names the most telling failure: a sibling that exists but is
 * broken beats one that is not there. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "srcmap_internal.h"

/* The largest ELF read: far above any guest, well below a memory scare. */
#define SRCMAP_ELF_MAX ((size_t)64 << 20)

static bool is_elf(const char *data, size_t size)
{
	return size >= 4 && memcmp(data, "\x7f" "ELF", 4) == 0;
}

/* A map from an ELF image in a writable buffer of ours. */
static struct srcmap *from_buffer(char *buf, size_t size, const char *elf_path,
				  const char *guest_path, char *err, size_t errlen)
{
	struct srcmap *map = calloc(1, sizeof(*map));
	if (!map)
		return srcmap_fail(err, errlen, "out of memory");
	map->elf_path = elf_path ? strdup(elf_path) : NULL;
	map->guest_path = guest_path ? strdup(guest_path) : NULL;
	if ((elf_path && !map->elf_path) || (guest_path && !map->guest_path)) {
		srcmap_close(map);
		return srcmap_fail(err, errlen, "out of memory");
	}
	const char *label = elf_path ? elf_path : "the ELF image";
	if (!srcmap_read_dwarf(map, buf, size, label, err, errlen)) {
		srcmap_close(map);
		return NULL;
	}
	return map;
}

struct srcmap *srcmap_open_image(const void *image, size_t size, const char *elf_path,
				 const char *guest_path, char *err, size_t errlen)
{
	/* libelf may convert the image in place: give it a copy. */
	char *copy = malloc(size ? size : 1);
	if (!copy)
		return srcmap_fail(err, errlen, "out of memory");
	if (size)
		memcpy(copy, image, size);
	struct srcmap *map = from_buffer(copy, size, elf_path, guest_path, err, errlen);
	free(copy);
	return map;
}

/* The ELF at path as a map; NULL with err set if unreadable or unusable. */
static struct srcmap *try_elf(const char *path, const char *guest_path, char *err, size_t errlen)
{
	char *data;
	size_t size;
	if (srcmap_read_file(path, SRCMAP_ELF_MAX, &data, &size, err, errlen) != 0)
		return NULL;
	struct srcmap *map = NULL;
	if (is_elf(data, size))
		map = from_buffer(data, size, path, guest_path, err, errlen);
	else
		srcmap_fail(err, errlen, "%s is not an ELF file", path);
	free(data);
	return map;
}

/* guest_path with its extension replaced by .elf (want_replace) or with
 * .elf added; NULL if that is the guest itself, or no memory. */
static char *sibling(const char *guest_path, bool want_replace)
{
	const char *base = srcmap_basename(guest_path);
	const char *dot = strrchr(base, '.');
	size_t keep = strlen(guest_path);
	if (want_replace) {
		if (!dot || dot == base)
			return NULL; /* no extension: the same as adding one */
		keep = (size_t)(dot - guest_path);
	}
	char *out = malloc(keep + sizeof(".elf"));
	if (!out)
		return NULL;
	memcpy(out, guest_path, keep);
	memcpy(out + keep, ".elf", sizeof(".elf"));
	if (strcmp(out, guest_path) == 0) {
		free(out);
		return NULL;
	}
	return out;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 || errno != ENOENT;
}

/* Tries the sibling; *why keeps the first failure of one that exists. */
static struct srcmap *try_sibling(const char *guest_path, bool want_replace, char *why,
				  size_t whylen, bool *have_why)
{
	char *path = sibling(guest_path, want_replace);
	if (!path || !exists(path)) {
		free(path);
		return NULL;
	}
	char reason[512];
	struct srcmap *map = try_elf(path, guest_path, reason, sizeof(reason));
	if (!map && !*have_why) {
		srcmap_fail(why, whylen, "%s", reason);
		*have_why = true;
	}
	free(path);
	return map;
}

/* The reason when nothing worked (own: the guest's own failure, if an ELF). */
static void no_lines(const char *guest_path, const char *own, bool guest_is_elf,
		     const char *why, bool have_why, char *err, size_t errlen)
{
	const char *base = srcmap_basename(guest_path);
	const char *dot = strrchr(base, '.');
	int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
	if (have_why)
		srcmap_fail(err, errlen, "no line information: %s", why);
	else if (guest_is_elf)
		srcmap_fail(err, errlen, "no line information: %s, and no %.*s.elf is beside it", own,
			    stem, base);
	else
		srcmap_fail(err, errlen, "no line information: %s has no %.*s.elf beside it",
			    guest_path, stem, base);
}

struct srcmap *srcmap_open(const char *guest_path, char *err, size_t errlen)
{
	char own[512] = "";
	char *data;
	size_t size;
	if (srcmap_read_file(guest_path, SRCMAP_ELF_MAX, &data, &size, err, errlen) != 0)
		return NULL; /* no guest, no lines: err says why (not found, a directory, ...) */
	bool guest_is_elf = is_elf(data, size);
	struct srcmap *map = NULL;
	if (guest_is_elf)
		map = from_buffer(data, size, guest_path, guest_path, own, sizeof(own));
	free(data);
	char why[512] = "";
	bool have_why = false;
	if (!map)
		map = try_sibling(guest_path, true, why, sizeof(why), &have_why);
	if (!map)
		map = try_sibling(guest_path, false, why, sizeof(why), &have_why);
	if (!map)
		no_lines(guest_path, own, guest_is_elf, why, have_why, err, errlen);
	return map;
}
