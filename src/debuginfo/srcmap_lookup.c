/* SPDX-License-Identifier: MIT */
/* srcmap_lookup.c - the questions a code pane and a debugger ask: which
 * line holds this address, which addresses does this line start at, and
 * which file is "hello.S". */
#include <string.h>

#include "srcmap_internal.h"

/* Rows may overlap only in odd DWARF (two units claiming one range); a
 * lookup looks back this far for a row that holds the address. */
#define OVERLAP_LOOKBACK 16

/* The number of rows whose start is <= addr (rows are sorted by start). */
static size_t rows_upto(const struct srcmap *map, uint64_t addr)
{
	size_t lo = 0, hi = map->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (map->rows[mid].start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool srcmap_lookup(struct srcmap *map, uint64_t addr, struct src_line *out)
{
	size_t upto = rows_upto(map, addr);
	for (size_t k = 0; k < upto && k < OVERLAP_LOOKBACK; k++) {
		const struct srcmap_row *r = &map->rows[upto - 1 - k];
		if (addr >= r->end)
			continue;
		const char *path = map->files[r->file].path;
		*out = (struct src_line){
			.file = r->file,
			.path = path,
			.name = srcmap_basename(path),
			.resolved = srcmap_file_resolved(map, r->file),
			.line = r->line,
			.start = r->start,
			.end = r->end,
		};
		return true;
	}
	return false;
}

size_t srcmap_line_addr(const struct srcmap *map, srcmap_file_id file, unsigned line,
			uint64_t *addrs, size_t max)
{
	size_t count = 0;
	for (size_t i = 0; i < map->nrows; i++) {
		const struct srcmap_row *r = &map->rows[i];
		if (r->file != file || r->line != line)
			continue;
		if (count < max)
			addrs[count] = r->start;
		count++;
	}
	return count;
}

unsigned srcmap_next_code_line(const struct srcmap *map, srcmap_file_id file, unsigned line)
{
	unsigned best = 0;
	for (size_t i = 0; i < map->nrows; i++) {
		const struct srcmap_row *r = &map->rows[i];
		if (r->file == file && r->line >= line && (best == 0 || r->line < best))
			best = r->line;
	}
	return best;
}

bool srcmap_find_file(struct srcmap *map, const char *name, srcmap_file_id *file)
{
	/* Exact paths first, so "a/x.S" and "b/x.S" stay apart when named fully. */
	for (size_t i = 0; i < map->nfiles; i++) {
		const char *resolved = srcmap_file_resolved(map, (srcmap_file_id)i);
		if (strcmp(map->files[i].path, name) == 0 || (resolved && strcmp(resolved, name) == 0)) {
			*file = (srcmap_file_id)i;
			return true;
		}
	}
	for (size_t i = 0; i < map->nfiles; i++) {
		if (strcmp(srcmap_basename(map->files[i].path), name) == 0) {
			*file = (srcmap_file_id)i;
			return true;
		}
	}
	return false;
}
