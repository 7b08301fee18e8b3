/* SPDX-License-Identifier: MIT */
/* fuzz_srcmap.c - guest line information (src/debuginfo) from any file a
 * user might hand kvm-tui as a guest, or leave beside one as NAME.elf.
 *
 * The input is the file's bytes, written to a memfd and opened by path as
 * the code view does (srcmap_open: an ELF guest is its own line
 * information). libdw parses the DWARF; what is ours is everything around
 * it: the ELF checks, the row table built from libdw's answers, lookups,
 * line-to-address queries, and the text cleaner, which gets the same bytes
 * as if they were a source file. What must hold besides the sanitizers:
 * a failed open says why; a map's rows are sorted, non-empty and name a
 * file it has; every row's start looks up to a row holding it, and its
 * line's addresses include it; cleaned text is valid UTF-8 with no control
 * byte but tab, and never longer than three bytes per input byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "srcmap_internal.h"

static void check_row(struct srcmap *map, size_t i)
{
	const struct srcmap_row *r = &map->rows[i];
	if (r->start >= r->end || r->file >= map->nfiles || r->line == 0)
		fuzz_fail("row %zu: [%#llx, %#llx) file %u line %u", i, (unsigned long long)r->start,
			  (unsigned long long)r->end, r->file, r->line);
	if (i > 0 && map->rows[i - 1].start > r->start)
		fuzz_fail("rows out of order at %zu", i);
	struct src_line sl;
	if (!srcmap_lookup(map, r->start, &sl))
		fuzz_fail("row %zu's start %#llx not found", i, (unsigned long long)r->start);
	if (r->start < sl.start || r->start >= sl.end || !sl.path || !sl.name)
		fuzz_fail("lookup of %#llx gave [%#llx, %#llx)", (unsigned long long)r->start,
			  (unsigned long long)sl.start, (unsigned long long)sl.end);
	uint64_t addrs[4];
	size_t n = srcmap_line_addr(map, r->file, r->line, addrs, 4);
	if (n == 0 || srcmap_next_code_line(map, r->file, r->line) != r->line)
		fuzz_fail("line %u of file %u has a row but no address", r->line, r->file);
	for (size_t k = 1; k < n && k < 4; k++)
		if (addrs[k] < addrs[k - 1])
			fuzz_fail("line addresses out of order");
}

static void check_map(struct srcmap *map)
{
	if (map->nrows == 0 || map->nfiles == 0)
		fuzz_fail("a map with %zu rows and %zu files", map->nrows, map->nfiles);
	/* every row is cheap to check; bound the work on huge tables */
	for (size_t i = 0; i < map->nrows && i < 4096; i++)
		check_row(map, i);
	struct src_line sl;
	srcmap_lookup(map, 0, &sl);
	srcmap_lookup(map, UINT64_MAX, &sl);
	srcmap_file_id id;
	srcmap_find_file(map, "hello.S", &id);
}

/* Valid UTF-8 (srcmap_text.c's rules), no C0/C1 control but tab, no DEL. */
static void check_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned char b = *p;
		size_t n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
		if (b < 0x80 && ((b < 0x20 && b != '\t') || b == 0x7f))
			fuzz_fail("control byte %#x in a cleaned line", b);
		if ((b >= 0x80 && b < 0xc2) || b > 0xf4 || (size_t)(end - p) < n)
			fuzz_fail("bad UTF-8 lead byte %#x in a cleaned line", b);
		for (size_t k = 1; k < n; k++)
			if ((p[k] & 0xc0) != 0x80)
				fuzz_fail("bad UTF-8 continuation in a cleaned line");
		if (n == 2 && b == 0xc2 && p[1] <= 0x9f)
			fuzz_fail("C1 control in a cleaned line");
		p += n;
	}
	if (strlen(s) != len)
		fuzz_fail("a NUL inside a cleaned line");
}

static void check_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return;
	memcpy(text, data, size);
	text[size] = '\0';
	struct srcmap_file f;
	memset(&f, 0, sizeof(f));
	if (srcmap_split_text(&f, text, size)) {
		size_t total = 0;
		for (size_t i = 0; i < f.text.count; i++) {
			check_clean(f.text.line[i], f.text.len[i]);
			total += f.text.len[i];
		}
		if (total > 3 * size)
			fuzz_fail("%zu bytes of text from %zu", total, size);
		free((void *)f.text.line);
		free((void *)f.text.len);
		free(f.text_buf);
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file_set(data, size);
	char err[512] = "";
	struct srcmap *map = srcmap_open(path, err, sizeof(err));
	if (map)
		check_map(map);
	else if (!err[0] || !memchr(err, '\0', sizeof(err)))
		fuzz_fail("a failed open with no message");
	srcmap_close(map);
	check_text(data, size);
	return 0;
}
