/* SPDX-License-Identifier: MIT */
/* test_srcmap.c - guest addresses to source lines (src/debuginfo) on the
 * built lesson guests: hello's entry is hello.S's first instruction, the
 * DWARF rows point at the very bytes the .S lines assemble to, every
 * lesson guest maps its entry point, addresses outside the code are not
 * found, and broken inputs (no ELF beside the .bin, a truncated, random,
 * bit-flipped or debug-less ELF) give a message, never a crash. No KVM.
 * The source text side is test_srcmap_text.c. */
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>

#include "check.h"
#include "srcmap_fixture.h"

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A line of a .S that assembles to something (an instruction or a macro
 * of them), after any label ("halt:\thlt"): not blank, not a comment, not
 * a label alone, not a directive. */
static bool is_code_line(const char *s)
{
	s = skip_blanks(s);
	size_t n = strcspn(s, " \t#");
	while (n > 0 && s[n - 1] == ':') {
		s = skip_blanks(s + n);
		n = strcspn(s, " \t#");
	}
	return n > 0 && *s != '.';
}

static bool match_code(const char *line, const void *arg)
{
	(void)arg;
	return is_code_line(line);
}

static bool match_insn(const char *line, const void *insn)
{
	line = skip_blanks(line);
	return strncmp(line, insn, strlen(insn)) == 0;
}

/* The 1-based number of the first line of guests/<name>.S for which
 * match() holds, after the line "after" (NULL: from the top); 0 if none.
 * Found at test time, so editing the lesson does not break the test. */
static unsigned find_line(const char *name, const char *after,
				bool (*match)(const char *, const void *), const void *arg)
{
	char path[4096];
	size_t size;
	char *text = fx_read(fx_path(path, sizeof(path), GUEST_DIR, name), &size);
	if (!text)
		return 0;
	unsigned lineno = 0, found = 0;
	bool armed = after == NULL;
	char *line = text;
	while (*line && !found) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		if (armed && match(line, arg))
			found = lineno;
		else if (!armed && strcmp(line, after) == 0)
			armed = true;
		if (!nl)
			break;
		line = nl + 1;
	}
	free(text);
	return found;
}

static void test_hello_entry(void)
{
	char err[512] = "";
	struct srcmap *map = srcmap_open(GUEST_DIR "/hello.bin", err, sizeof(err));
	CHECK(map != NULL);
	if (!map) {
		fprintf(stderr, "srcmap_open: %s\n", err);
		return;
	}
	CHECK_STR(srcmap_elf_path(map), GUEST_DIR "/hello.elf");
	/* The first instruction after "_start:" (line 24, "cli", when written). */
	unsigned want = find_line("hello.S", "_start:", match_code, NULL);
	CHECK(want > 0);
	struct src_line sl;
	CHECK(srcmap_lookup(map, 0x7c00, &sl));
	CHECK_STR(sl.name, "hello.S");
	CHECK_EQ(sl.line, want);
	CHECK_EQ(sl.start, 0x7c00);
	CHECK(sl.end > sl.start && sl.end <= 0x7c00 + 15);
	CHECK_STR(sl.path, GUEST_DIR "/hello.S");
	CHECK_STR(sl.resolved, GUEST_DIR "/hello.S");
	CHECK_STR(srcmap_file_path(map, sl.file), sl.path);
	/* every address of the row maps back to it */
	bool same = true;
	for (uint64_t a = sl.start; a < sl.end; a++) {
		struct src_line again;
		same = same && srcmap_lookup(map, a, &again) && again.line == sl.line &&
		       again.file == sl.file;
	}
	CHECK(same);
	srcmap_close(map);
}

/* The line with insn assembles to `opcode` at the address DWARF gives it:
 * the line table agrees with the bytes that run. */
static void check_insn_line(struct srcmap *map, const char *bin, size_t binsize,
			    const char *insn, uint8_t opcode)
{
	unsigned line = find_line("hello.S", "_start:", match_insn, insn);
	CHECK(line > 0);
	srcmap_file_id file;
	CHECK(srcmap_find_file(map, "hello.S", &file));
	uint64_t addr[4];
	size_t n = srcmap_line_addr(map, file, line, addr, 4);
	CHECK_EQ(n, 1);
	if (n != 1)
		return;
	CHECK(addr[0] >= 0x7c00 && addr[0] - 0x7c00 < binsize);
	if (addr[0] >= 0x7c00 && addr[0] - 0x7c00 < binsize)
		CHECK_EQ((uint8_t)bin[addr[0] - 0x7c00], opcode);
	struct src_line sl;
	CHECK(srcmap_lookup(map, addr[0], &sl) && sl.line == line && sl.start == addr[0]);
}

static void test_hello_bytes(void)
{
	char err[512];
	size_t binsize = 0;
	char *bin = fx_read(GUEST_DIR "/hello.bin", &binsize);
	struct srcmap *map = srcmap_open(GUEST_DIR "/hello.bin", err, sizeof(err));
	CHECK(bin && map);
	if (bin && map) {
		check_insn_line(map, bin, binsize, "out\t%al, (%dx)", 0xee);
		check_insn_line(map, bin, binsize, "jmp\tprint", 0xeb); /* a short jump */
		check_insn_line(map, bin, binsize, "lodsb", 0xac);
	}
	free(bin);
	srcmap_close(map);
}

/* A comment holds no code; a breakpoint there goes to the next code line. */
static void test_line_queries(void)
{
	char err[512];
	struct srcmap *map = srcmap_open(GUEST_DIR "/hello.bin", err, sizeof(err));
	CHECK(map != NULL);
	if (!map)
		return;
	srcmap_file_id file, other;
	CHECK(srcmap_find_file(map, "hello.S", &file));
	CHECK(srcmap_find_file(map, GUEST_DIR "/hello.S", &other) && other == file);
	CHECK(!srcmap_find_file(map, "nothere.S", &other));
	unsigned first = find_line("hello.S", "_start:", match_code, NULL);
	uint64_t addr[2];
	CHECK_EQ(srcmap_line_addr(map, file, 1, addr, 2), 0);   /* the SPDX comment */
	CHECK_EQ(srcmap_next_code_line(map, file, 1), first);
	CHECK_EQ(srcmap_next_code_line(map, file, 100000), 0);
	CHECK_EQ(srcmap_line_addr(map, file, first, addr, 0), 1); /* counts past max */
	CHECK_EQ(srcmap_line_addr(map, 12345, first, addr, 2), 0);
	CHECK(srcmap_file_path(map, 12345) == NULL);
	CHECK(srcmap_file_resolved(map, 12345) == NULL);
	srcmap_close(map);
}

static void test_outside(void)
{
	char err[512];
	struct srcmap *map = srcmap_open(GUEST_DIR "/hello.bin", err, sizeof(err));
	CHECK(map != NULL);
	if (!map)
		return;
	struct src_line sl;
	CHECK(!srcmap_lookup(map, 0, &sl));
	CHECK(!srcmap_lookup(map, 0x7bff, &sl));
	CHECK(!srcmap_lookup(map, 0x7c00 + 510, &sl)); /* the 55 AA signature */
	CHECK(!srcmap_lookup(map, 0x7e00, &sl));
	CHECK(!srcmap_lookup(map, UINT64_MAX, &sl));
	/* real mode: 07c0:0000 is linear 0x7c00, but IP alone is not */
	CHECK(srcmap_lookup(map, 0x07c0 * 16 + 0, &sl));
	srcmap_close(map);
}

/* The entry point in an ELF header (ELF32 or ELF64, little-endian). */
static uint64_t elf_entry(const char *elf, size_t size)
{
	uint64_t e = 0;
	size_t n = elf[4] == 2 ? 8 : 4; /* EI_CLASS: ELFCLASS64 or 32 */
	if (size < 24 + n)
		return 0;
	for (size_t i = 0; i < n; i++)
		e |= (uint64_t)(uint8_t)elf[24 + i] << (8 * i);
	return e;
}

/* Guest name's entry point maps to a code line of name.S (as gives a
 * macro's code, BOOT_START's from boot.inc, the line that invokes it). */
static bool entry_maps(const char *name)
{
	char path[4096], file[256], err[512];
	size_t size;
	snprintf(file, sizeof(file), "%s.elf", name);
	char *elf = fx_read(fx_path(path, sizeof(path), GUEST_DIR, file), &size);
	uint64_t entry = elf ? elf_entry(elf, size) : 0;
	free(elf);
	snprintf(file, sizeof(file), "%s.bin", name);
	struct srcmap *map = srcmap_open(fx_path(path, sizeof(path), GUEST_DIR, file), err, sizeof(err));
	struct src_line sl;
	struct src_text text;
	bool ok = map && entry && srcmap_lookup(map, entry, &sl) &&
		  srcmap_file_lines(map, sl.file, &text, err, sizeof(err)) && sl.line <= text.count;
	snprintf(file, sizeof(file), "%s.S", name);
	if (ok)
		ok = strcmp(sl.name, file) == 0 && is_code_line(text.line[sl.line - 1]);
	if (!ok)
		fprintf(stderr, "guest %s: entry 0x%" PRIx64 " has no code line (%s)\n", name, entry,
			map ? "lookup" : err);
	srcmap_close(map);
	return ok;
}

static void test_every_guest(void)
{
	DIR *d = opendir(GUEST_DIR);
	CHECK(d != NULL);
	if (!d)
		return;
	int guests = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".bin") != 0)
			continue;
		char name[256];
		snprintf(name, sizeof(name), "%.*s", (int)(n - 4), e->d_name);
		CHECK(entry_maps(name));
		guests++;
	}
	closedir(d);
	CHECK(guests >= 20); /* guests/guests.cmake's lesson guests */
}

/* An ELF guest built with -g is its own line information. */
static void test_elf_guest(const char *name, const char *source)
{
	char path[4096], err[512];
	size_t size;
	snprintf(path, sizeof(path), "%s/tests/guests/%s", TEST_BINARY_DIR, name);
	char *elf = fx_read(path, &size);
	CHECK(elf != NULL);
	uint64_t entry = elf ? elf_entry(elf, size) : 0;
	free(elf);
	struct srcmap *map = srcmap_open(path, err, sizeof(err));
	CHECK(map != NULL);
	if (!map) {
		fprintf(stderr, "%s: %s\n", name, err);
		return;
	}
	CHECK_STR(srcmap_elf_path(map), path);
	struct src_line sl;
	CHECK(srcmap_lookup(map, entry, &sl) && strcmp(sl.name, source) == 0);
	srcmap_close(map);
}

/* The image must give a map or a message: never a crash (ASan watches). */
static bool opens_or_says_why(const char *image, size_t size)
{
	char err[512] = "";
	struct srcmap *map = srcmap_open_image(image, size, "x.elf", "x.bin", err, sizeof(err));
	if (!map)
		return err[0] != '\0';
	struct src_line sl;
	for (uint64_t a = 0x7bf0; a < 0x7e10; a++)
		srcmap_lookup(map, a, &sl);
	srcmap_close(map);
	return true;
}

static void test_corrupt_images(void)
{
	size_t size = 0, binsize = 0;
	char *elf = fx_read(GUEST_DIR "/hello.elf", &size);
	char *bin = fx_read(GUEST_DIR "/hello.bin", &binsize);
	CHECK(elf && bin && size > 64);
	if (!elf || !bin)
		return;
	char err[512] = "";
	CHECK(!srcmap_open_image(elf, 0, NULL, NULL, err, sizeof(err)) && err[0]);
	CHECK(!srcmap_open_image(bin, binsize, "hello.bin", NULL, err, sizeof(err)));
	CHECK_CONTAINS(err, "not an ELF");
	bool all = true;
	for (size_t cut = 1; cut < size; cut += cut < 128 ? 1 : 13)
		all = opens_or_says_why(elf, cut) && all;
	CHECK(all);
	/* every byte flipped, one at a time */
	char *copy = malloc(size);
	all = copy != NULL;
	for (size_t i = 0; copy && i < size; i++) {
		memcpy(copy, elf, size);
		copy[i] ^= 0xff;
		all = opens_or_says_why(copy, size) && all;
	}
	CHECK(all);
	/* random bytes, with and without an ELF header in front */
	srand(11);
	for (int round = 0; copy && round < 200; round++) {
		for (size_t i = 0; i < size; i++)
			copy[i] = (char)rand();
		if (round % 2)
			memcpy(copy, elf, 64);
		all = opens_or_says_why(copy, size) && all;
	}
	CHECK(all);
	free(copy);
	free(bin);
	free(elf);
}

/* An ELF whose .debug_line is renamed away: "no line information". */
static void test_no_debug_info(void)
{
	size_t size = 0;
	char *elf = fx_read(GUEST_DIR "/hello.elf", &size);
	CHECK(elf != NULL);
	if (!elf)
		return;
	int renamed = 0;
	for (size_t i = 0; i + 12 <= size; i++) {
		if (memcmp(elf + i, ".debug_line", 12) == 0) { /* with its NUL: not .debug_line_str */
			elf[i + 1] = 'x';
			renamed++;
		}
	}
	CHECK_EQ(renamed, 1);
	char err[512] = "";
	CHECK(!srcmap_open_image(elf, size, "stripped.elf", NULL, err, sizeof(err)));
	CHECK_CONTAINS(err, "stripped.elf has no line information");
	free(elf);
}

/* What srcmap_open says for each way a guest can lack line information. */
static void test_open_messages(void)
{
	char dir[4096], p[4096], q[4096], err[512];
	if (!fx_tmpdir(dir, sizeof(dir), "srcmap_open")) {
		CHECK(!"mkdtemp");
		return;
	}
	CHECK(!srcmap_open(fx_path(p, sizeof(p), dir, "none.bin"), err, sizeof(err)));
	CHECK_CONTAINS(err, "No such file");
	CHECK(!srcmap_open(dir, err, sizeof(err)));
	CHECK_CONTAINS(err, "not a regular file");

	CHECK(fx_copy(GUEST_DIR "/hello.bin", fx_path(p, sizeof(p), dir, "foo.bin")) == 0);
	CHECK(!srcmap_open(p, err, sizeof(err)));
	CHECK_CONTAINS(err, "no line information: ");
	CHECK_CONTAINS(err, "foo.bin has no foo.elf beside it");

	size_t size;
	char *elf = fx_read(GUEST_DIR "/hello.elf", &size);
	CHECK(elf && fx_write(fx_path(q, sizeof(q), dir, "foo.elf"), elf, size / 3) == 0);
	CHECK(!srcmap_open(p, err, sizeof(err)));
	CHECK_CONTAINS(err, "foo.elf");
	CHECK(fx_write(q, "garbage, not an ELF\n", 20) == 0);
	CHECK(!srcmap_open(p, err, sizeof(err)));
	CHECK_CONTAINS(err, "foo.elf is not an ELF file");
	/* the whole ELF: found by either spelling (foo.bin -> foo.elf, foo -> foo.elf) */
	CHECK(elf && fx_write(q, elf, size) == 0);
	struct srcmap *map = srcmap_open(p, err, sizeof(err));
	CHECK(map != NULL);
	srcmap_close(map);
	CHECK(fx_copy(GUEST_DIR "/hello.bin", fx_path(p, sizeof(p), dir, "foo")) == 0);
	map = srcmap_open(p, err, sizeof(err));
	CHECK(map != NULL && strcmp(srcmap_elf_path(map), q) == 0);
	srcmap_close(map);
	free(elf);
	fx_rm_tree(dir);
}

int main(void)
{
	test_hello_entry();
	test_hello_bytes();
	test_line_queries();
	test_outside();
	test_every_guest();
	test_elf_guest("elf64_hello", "elf64_hello.S");
	test_elf_guest("elf32_hello", "elf32_hello.S");
	test_corrupt_images();
	test_no_debug_info();
	test_open_messages();
	return check_done();
}
