/* SPDX-License-Identifier: MIT */
/* test_srcmap_text.c - the source side of src/debuginfo: a lesson's lines
 * come back byte for byte and are read once; a tree built elsewhere finds
 * its sources beside the ELF or the guest; text that is not text (ESC,
 * NUL, C1 controls, broken UTF-8) comes back safe; files over the size
 * limit, FIFOs and missing files are refused with a reason. No KVM. */
#include <sys/stat.h>

#include "check.h"
#include "srcmap_fixture.h"

/* The file's lines as srcmap_file_lines must give them, for text files
 * with "\n" endings: compares each line byte for byte. */
static bool same_lines(const struct src_text *t, const char *path)
{
	size_t size;
	char *text = fx_read(path, &size);
	if (!text)
		return false;
	size_t n = 0;
	bool same = true;
	for (char *p = text; *p; n++) {
		char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		same = same && n < t->count && t->len[n] == len && memcmp(t->line[n], p, len) == 0 &&
		       t->line[n][len] == '\0';
		p += len + (nl != NULL);
	}
	free(text);
	return same && n == t->count;
}

static void test_byte_exact(void)
{
	char err[512] = "";
	struct srcmap *map = srcmap_open(GUEST_DIR "/hello.bin", err, sizeof(err));
	CHECK(map != NULL);
	if (!map)
		return;
	srcmap_file_id hello, other;
	struct src_text t, again;
	CHECK(srcmap_find_file(map, "hello.S", &hello));
	CHECK(srcmap_file_lines(map, hello, &t, err, sizeof(err)));
	CHECK(t.count > 40);
	CHECK(same_lines(&t, GUEST_DIR "/hello.S"));
	/* read once: the same storage the second time */
	CHECK(srcmap_file_lines(map, hello, &again, err, sizeof(err)) && again.line == t.line);
	CHECK(!srcmap_file_lines(map, 999, &again, err, sizeof(err)));
	srcmap_close(map);

	/* another lesson: 16-, 32- and 64-bit code in one file */
	map = srcmap_open(GUEST_DIR "/long.bin", err, sizeof(err));
	CHECK(map && srcmap_find_file(map, "long.S", &other));
	if (map && srcmap_find_file(map, "long.S", &other)) {
		CHECK(srcmap_file_lines(map, other, &t, err, sizeof(err)));
		CHECK(same_lines(&t, GUEST_DIR "/long.S"));
	}
	srcmap_close(map);
}

/* hello's ELF "built elsewhere", in a scratch dir with (or without) its .S. */
static struct srcmap *relocated(const char *dir, const char *source_text, size_t size)
{
	char p[4096], err[512];
	if (fx_relocated_guest(dir, "hello") != 0)
		return NULL;
	if (source_text && fx_write(fx_path(p, sizeof(p), dir, "hello.S"), source_text, size) != 0)
		return NULL;
	struct srcmap *map = srcmap_open(fx_path(p, sizeof(p), dir, "hello.bin"), err, sizeof(err));
	if (!map)
		fprintf(stderr, "relocated: %s\n", err);
	return map;
}

static void test_relocated_tree(void)
{
	char dir[4096], p[4096], err[512];
	size_t size;
	char *source = fx_read(GUEST_DIR "/hello.S", &size);
	CHECK(source && fx_tmpdir(dir, sizeof(dir), "srcmap_moved"));
	struct srcmap *map = source ? relocated(dir, NULL, 0) : NULL;
	CHECK(map != NULL);
	if (!map) {
		free(source);
		return;
	}
	struct src_line sl;
	struct src_text t;
	/* no source beside it: found nowhere, and said so */
	CHECK(srcmap_lookup(map, 0x7c00, &sl) && sl.resolved == NULL);
	CHECK(sl.path && strstr(sl.path, TEST_SOURCE_DIR) == NULL); /* the DWARF path was moved */
	CHECK(!srcmap_file_lines(map, sl.file, &t, err, sizeof(err)));
	CHECK_CONTAINS(err, "hello.S: not found");
	srcmap_close(map);

	/* with hello.S beside the ELF: found there, byte for byte */
	map = relocated(dir, source, size);
	CHECK(map && srcmap_lookup(map, 0x7c00, &sl));
	if (map && srcmap_lookup(map, 0x7c00, &sl)) {
		CHECK_STR(sl.resolved, fx_path(p, sizeof(p), dir, "hello.S"));
		CHECK(srcmap_file_lines(map, sl.file, &t, err, sizeof(err)) && same_lines(&t, p));
	}
	srcmap_close(map);

	/* an ELF from somewhere else: the guest's directory is searched too */
	size_t esize;
	char *elf = fx_read(fx_path(p, sizeof(p), dir, "hello.elf"), &esize);
	map = elf ? srcmap_open_image(elf, esize, "/nonexistent/x/hello.elf",
				      fx_path(p, sizeof(p), dir, "hello.bin"), err, sizeof(err))
		  : NULL;
	CHECK(map && srcmap_lookup(map, 0x7c00, &sl));
	if (map && srcmap_lookup(map, 0x7c00, &sl))
		CHECK_STR(sl.resolved, fx_path(p, sizeof(p), dir, "hello.S"));
	srcmap_close(map);
	free(elf);
	free(source);
	fx_rm_tree(dir);
}

/* The lines a map reads from a hello.S holding `text`. */
static bool lines_of(const char *dir, const char *text, size_t size, struct srcmap **map,
		     struct src_text *t, char *err, size_t errlen)
{
	struct src_line sl;
	*map = relocated(dir, text, size);
	return *map && srcmap_lookup(*map, 0x7c00, &sl) &&
	       srcmap_file_lines(*map, sl.file, t, err, errlen);
}

#define FFFD "\xef\xbf\xbd"

static void test_unsafe_text(void)
{
	static const char text[] = "plain\ttab\n"
				   "esc\x1b[31mred\n"
				   "nul\0x\n"
				   "crlf\r\n"
				   "lone\rcr\n"
				   "bad \xff\xfe!\n"
				   "overlong \xc0\xaf \xe0\x80\xaf\n"
				   "surrogate \xed\xa0\x80\n"
				   "c1 \xc2\x9b" "2J \xc2\x85\n"
				   "ok \xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xc2\xa0\n"
				   "del \x7f\n"
				   "cut \xe2\x82";
	static const char *const want[] = {
		"plain\ttab",
		"esc" FFFD "[31mred",
		"nul" FFFD "x",
		"crlf",
		"lone" FFFD "cr",
		"bad " FFFD FFFD "!",
		"overlong " FFFD FFFD " " FFFD FFFD FFFD,
		"surrogate " FFFD FFFD FFFD,
		"c1 " FFFD "2J " FFFD,
		"ok \xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xc2\xa0",
		"del " FFFD,
		"cut " FFFD FFFD,
	};
	char dir[4096], err[512];
	struct srcmap *map = NULL;
	struct src_text t;
	CHECK(fx_tmpdir(dir, sizeof(dir), "srcmap_text") != NULL);
	CHECK(lines_of(dir, text, sizeof(text) - 1, &map, &t, err, sizeof(err)));
	if (map) {
		size_t n = sizeof(want) / sizeof(want[0]);
		CHECK_EQ(t.count, n);
		for (size_t i = 0; i < n && i < t.count; i++) {
			CHECK_STR(t.line[i], want[i]);
			CHECK_EQ(t.len[i], strlen(want[i]));
		}
	}
	srcmap_close(map);
	/* an empty file has no lines, and that is fine */
	CHECK(lines_of(dir, "", 0, &map, &t, err, sizeof(err)) && t.count == 0);
	srcmap_close(map);
	fx_rm_tree(dir);
}

static void test_refusals(void)
{
	char dir[4096], p[4096], err[512] = "";
	struct srcmap *map = NULL;
	struct src_text t;
	CHECK(fx_tmpdir(dir, sizeof(dir), "srcmap_big") != NULL);
	char *big = malloc(SRCMAP_TEXT_MAX + 1);
	CHECK(big != NULL);
	if (big) {
		for (size_t i = 0; i <= SRCMAP_TEXT_MAX; i++)
			big[i] = (i % 64 == 63) ? '\n' : 'a';
		CHECK(!lines_of(dir, big, SRCMAP_TEXT_MAX + 1, &map, &t, err, sizeof(err)));
		CHECK_CONTAINS(err, "over the limit");
		srcmap_close(map);
		CHECK(lines_of(dir, big, SRCMAP_TEXT_MAX, &map, &t, err, sizeof(err)));
		CHECK_EQ(t.count, SRCMAP_TEXT_MAX / 64);
		srcmap_close(map);
		free(big);
	}
	/* a FIFO as the source: no file to read; as the guest: refused at
	 * once, not read (which would wait for a writer) */
	map = relocated(dir, NULL, 0);
	unlink(fx_path(p, sizeof(p), dir, "hello.S"));
	CHECK(mkfifo(p, 0600) == 0);
	struct src_line sl;
	CHECK(map && srcmap_lookup(map, 0x7c00, &sl) && sl.resolved == NULL);
	srcmap_close(map);
	CHECK(mkfifo(fx_path(p, sizeof(p), dir, "pipe.bin"), 0600) == 0);
	CHECK(!srcmap_open(p, err, sizeof(err)));
	CHECK_CONTAINS(err, "not a regular file");
	fx_rm_tree(dir);
}

int main(void)
{
	test_byte_exact();
	test_relocated_tree();
	test_unsafe_text();
	test_refusals();
	return check_done();
}
