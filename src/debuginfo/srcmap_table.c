/* SPDX-License-Identifier: MIT */
/* srcmap_table.c - the map's own tables: source files (each path once) and
 * line-table rows (sorted by address for a binary search), and freeing. */
#include <stdlib.h>
#include <string.h>

#include "srcmap_internal.h"

/* Room for one more element in an array grown by doubling. */
static bool grow(void **array, size_t *cap, size_t count, size_t elem)
{
	if (count < *cap)
		return true;
	size_t want = *cap ? *cap * 2 : 16;
	if (want > SIZE_MAX / elem)
		return false;
	void *bigger = realloc(*array, want * elem);
	if (!bigger)
		return false;
	*array = bigger;
	*cap = want;
	return true;
}

long srcmap_intern_file(struct srcmap *map, const char *path, const char *comp_dir)
{
	for (size_t i = 0; i < map->nfiles; i++) {
		const struct srcmap_file *f = &map->files[i];
		if (strcmp(f->path, path) == 0 && (path[0] == '/' || strcmp(f->comp_dir, comp_dir) == 0))
			return (long)i;
	}
	if (!grow((void **)&map->files, &map->files_cap, map->nfiles, sizeof(*map->files)))
		return -1;
	struct srcmap_file *f = &map->files[map->nfiles];
	memset(f, 0, sizeof(*f));
	f->path = strdup(path);
	f->comp_dir = strdup(comp_dir);
	if (!f->path || !f->comp_dir) {
		free(f->path);
		free(f->comp_dir);
		return -1;
	}
	return (long)map->nfiles++;
}

bool srcmap_add_row(struct srcmap *map, const struct srcmap_row *row)
{
	if (!grow((void **)&map->rows, &map->rows_cap, map->nrows, sizeof(*map->rows)))
		return false;
	map->rows[map->nrows++] = *row;
	return true;
}

static int by_start(const void *a, const void *b)
{
	const struct srcmap_row *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

void srcmap_sort_rows(struct srcmap *map)
{
	if (map->nrows > 1)
		qsort(map->rows, map->nrows, sizeof(*map->rows), by_start);
}

void srcmap_close(struct srcmap *map)
{
	if (!map)
		return;
	for (size_t i = 0; i < map->nfiles; i++) {
		struct srcmap_file *f = &map->files[i];
		free(f->path);
		free(f->comp_dir);
		free(f->resolved);
		free((void *)f->text.line);
		free((void *)f->text.len);
		free(f->text_buf);
		free(f->text_err);
	}
	free(map->files);
	free(map->rows);
	free(map->elf_path);
	free(map->guest_path);
	free(map);
}

const char *srcmap_elf_path(const struct srcmap *map)
{
	return map->elf_path ? map->elf_path : "(ELF image)";
}

size_t srcmap_file_count(const struct srcmap *map)
{
	return map->nfiles;
}

const char *srcmap_file_path(const struct srcmap *map, srcmap_file_id file)
{
	return file < map->nfiles ? map->files[file].path : NULL;
}

const char *srcmap_file_resolved(struct srcmap *map, srcmap_file_id file)
{
	if (file >= map->nfiles)
		return NULL;
	struct srcmap_file *f = &map->files[file];
	if (f->looked == LOOK_NOT_YET) {
		f->resolved = srcmap_resolve(map, f);
		f->looked = LOOK_DONE;
	}
	return f->resolved;
}
