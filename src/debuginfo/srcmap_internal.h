/* SPDX-License-Identifier: MIT */
/* srcmap_internal.h - what the srcmap files share: the map's layout and the
 * helpers between them. Not for callers (srcmap.h is the interface). */
#ifndef KVMTUI_SRCMAP_INTERNAL_H
#define KVMTUI_SRCMAP_INTERNAL_H

#include <stdarg.h>

#include "srcmap.h"

/* One row of a line table, turned into the range of addresses it covers:
 * [start, end) up to the next row of its sequence. */
struct srcmap_row {
	uint64_t start, end;
	srcmap_file_id file;
	unsigned line;
};

enum srcmap_look { LOOK_NOT_YET, LOOK_DONE };

struct srcmap_file {
	char *path;     /* as DWARF gives it (dwarf_linesrc) */
	char *comp_dir; /* its unit's DW_AT_comp_dir, "" if none */
	enum srcmap_look looked;
	char *resolved; /* once looked: the file found, or NULL */
	enum srcmap_look read;
	struct src_text text; /* once read, if it could be */
	char *text_buf;       /* the lines' storage */
	char *text_err;       /* once read, if it could not be */
};

struct srcmap {
	char *elf_path;   /* NULL when opened from an image with none */
	char *guest_path; /* ditto */
	struct srcmap_row *rows; /* sorted by start */
	size_t nrows, rows_cap;
	struct srcmap_file *files;
	size_t nfiles, files_cap;
};

/* printf into err[errlen] (nothing when errlen is 0); returns NULL, for
 * "return srcmap_fail(...)" in functions returning a pointer. */
void *srcmap_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The whole of a regular file, at most max bytes, into a malloc'd buffer
 * (NUL-terminated, *size without the NUL): 0, or -1 with err set. A FIFO or
 * a device is refused without opening it for a blocking read. */
int srcmap_read_file(const char *path, size_t max, char **data, size_t *size, char *err,
		     size_t errlen);

/* Fills map's rows and files from the DWARF in the ELF image (writable: libelf
 * may convert it in place). label names the image in messages. */
bool srcmap_read_dwarf(struct srcmap *map, char *image, size_t size, const char *label,
		       char *err, size_t errlen);

/* The file index for path in comp_dir, added if new; -1 if out of memory. */
long srcmap_intern_file(struct srcmap *map, const char *path, const char *comp_dir);

/* A new row; false if out of memory. */
bool srcmap_add_row(struct srcmap *map, const struct srcmap_row *row);

/* Sorts the rows by address once they are all in. */
void srcmap_sort_rows(struct srcmap *map);

/* Looks file up on disk (srcmap_file_resolved's search). */
char *srcmap_resolve(const struct srcmap *map, const struct srcmap_file *f);

/* Splits text (size bytes, NUL-terminated) into safe lines (srcmap.h's
 * rules) in f: false if out of memory. */
bool srcmap_split_text(struct srcmap_file *f, const char *text, size_t size);

/* The last component of a path ("hello.S" of "/a/b/hello.S"). */
const char *srcmap_basename(const char *path);

#endif
