/* SPDX-License-Identifier: MIT */
/* test_loader.c - guest image loading: classification, flat and boot-sector
 * placement, ELF32/ELF64 images built here byte by byte (good ones and every
 * kind of malformed one), image_read's errors, and a mutation loop that
 * damages a valid ELF thousands of times and requires a clean answer each
 * time. The ELF layouts below are written from the spec's offsets, not from
 * <elf.h>, so they cross-check the loader instead of repeating it. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "loader.h"

#define MEM_SIZE 0x10000u /* 64 KiB: small, so "outside memory" is easy */
#define FILL 0xcc

/* ---- hand-built ELF images ---------------------------------------------- */

struct layout {
	size_t ehsize, phentsize, addr;                    /* addr: width of an address */
	size_t e_entry, e_phoff, e_phentsize, e_phnum;
	size_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz;
};

static const struct layout L64 = { 64, 56, 8, 24, 32, 54, 56, 0, 8, 16, 24, 32, 40 };
static const struct layout L32 = { 52, 32, 4, 24, 28, 42, 44, 0, 4, 8, 12, 16, 20 };

struct telf {
	uint8_t d[0x200];
	size_t size;
	const struct layout *l;
};

static void put(uint8_t *p, size_t width, uint64_t v)
{
	for (size_t i = 0; i < width; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void set_eh(struct telf *t, size_t off, size_t width, uint64_t v)
{
	put(t->d + off, width, v);
}

/* Sets a field of program header i; addresses and sizes take the class's width. */
static void set_ph(struct telf *t, unsigned i, size_t field, uint64_t v)
{
	size_t width = field == t->l->p_type ? 4 : t->l->addr;
	put(t->d + t->l->ehsize + i * t->l->phentsize + field, width, v);
}

static void set_seg(struct telf *t, unsigned i, uint32_t type, uint64_t off,
		    uint64_t paddr, uint64_t filesz, uint64_t memsz)
{
	set_ph(t, i, t->l->p_type, type);
	set_ph(t, i, t->l->p_offset, off);
	set_ph(t, i, t->l->p_vaddr, paddr);
	set_ph(t, i, t->l->p_paddr, paddr);
	set_ph(t, i, t->l->p_filesz, filesz);
	set_ph(t, i, t->l->p_memsz, memsz);
}

/* Segment 0: PT_GNU_STACK (ignored); 1: code 0x20 bytes at 0x1000;
 * 2: data 0x10 bytes + bss to 0x200 at 0x3000. Entry 0x1008. */
static void build_elf(struct telf *t, bool is64)
{
	const struct layout *l = is64 ? &L64 : &L32;

	memset(t, 0, sizeof *t);
	t->l = l;
	memcpy(t->d, "\x7f" "ELF", 4);
	t->d[4] = is64 ? 2 : 1;       /* class */
	t->d[5] = 1;                  /* little-endian */
	t->d[6] = 1;                  /* version */
	set_eh(t, 16, 2, 2);          /* ET_EXEC */
	set_eh(t, 18, 2, is64 ? 62 : 3);
	set_eh(t, 20, 4, 1);
	set_eh(t, l->e_entry, l->addr, 0x1008);
	set_eh(t, l->e_phoff, l->addr, l->ehsize);
	set_eh(t, l->e_phentsize, 2, l->phentsize);
	set_eh(t, l->e_phnum, 2, 3);
	set_eh(t, is64 ? 52 : 40, 2, l->ehsize);
	set_seg(t, 0, 0x6474e551, 0, 0, 0, 0);
	set_seg(t, 1, 1, 0x100, 0x1000, 0x20, 0x20);
	set_seg(t, 2, 1, 0x120, 0x3000, 0x10, 0x200);
	for (int i = 0; i < 0x30; i++)
		t->d[0x100 + i] = (uint8_t)(0xa0 + i);
	t->size = 0x130;
}

static uint8_t *new_mem(void)
{
	uint8_t *mem = malloc(MEM_SIZE);
	memset(mem, FILL, MEM_SIZE);
	return mem;
}

static bool mem_untouched(const uint8_t *mem)
{
	for (size_t i = 0; i < MEM_SIZE; i++)
		if (mem[i] != FILL)
			return false;
	return true;
}

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static int place_bytes(const uint8_t *data, size_t size, uint8_t *mem, uint64_t mem_size,
		       const struct load_options *o, struct load_result *r,
		       char *err, size_t errlen)
{
	struct guest_image img = { .data = (uint8_t *)data, .size = size,
				   .kind = image_classify(data, size), .path = "guest.elf" };
	err[0] = 0;
	return image_place(&img, mem, mem_size, o, r, err, errlen);
}

static int place_elf(const struct telf *t, uint8_t *mem, const struct load_options *o,
		     struct load_result *r, char *err, size_t errlen)
{
	return place_bytes(t->d, t->size, mem, MEM_SIZE, o, r, err, errlen);
}

/* ---- classification ----------------------------------------------------- */

static void test_classify(void)
{
	uint8_t b[513] = { 0 };

	b[510] = 0x55, b[511] = 0xaa;
	CHECK_EQ(image_classify(b, 512), IMAGE_BOOT_SECTOR);
	CHECK_EQ(image_classify(b, 513), IMAGE_FLAT);
	b[509] = 0x55, b[510] = 0xaa;
	CHECK_EQ(image_classify(b, 511), IMAGE_FLAT);      /* 55 AA at its end, but 511 */
	b[510] = 0x55, b[511] = 0x00;
	CHECK_EQ(image_classify(b, 512), IMAGE_FLAT);
	b[510] = 0xaa, b[511] = 0x55;
	CHECK_EQ(image_classify(b, 512), IMAGE_FLAT);      /* byte order matters */
	CHECK_EQ(image_classify(b, 0), IMAGE_FLAT);

	memcpy(b, "\x7f" "ELF\x02", 5);
	CHECK_EQ(image_classify(b, 5), IMAGE_ELF64);
	b[4] = 1;
	CHECK_EQ(image_classify(b, 5), IMAGE_ELF32);
	CHECK_EQ(image_classify(b, 4), IMAGE_ELF32);       /* magic alone: ELF (damaged) */
	CHECK_EQ(image_classify(b, 3), IMAGE_FLAT);
	b[510] = 0x55, b[511] = 0xaa;
	CHECK_EQ(image_classify(b, 512), IMAGE_ELF32);     /* the magic wins over 55 AA */
	b[1] = 'e';
	CHECK_EQ(image_classify(b, 512), IMAGE_BOOT_SECTOR);

	CHECK_STR(image_kind_name(IMAGE_FLAT), "flat");
	CHECK_STR(image_kind_name(IMAGE_BOOT_SECTOR), "boot sector");
	CHECK_STR(image_kind_name(IMAGE_ELF32), "ELF32");
	CHECK_STR(image_kind_name(IMAGE_ELF64), "ELF64");
}

/* ---- flat and boot sector ----------------------------------------------- */

static void test_flat(void)
{
	uint8_t code[100], *mem = new_mem();
	struct load_result r;
	struct load_options o = { 0 };
	char err[256];

	for (int i = 0; i < 100; i++)
		code[i] = (uint8_t)(i + 1);
	CHECK_EQ(place_bytes(code, 100, mem, MEM_SIZE, NULL, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0);
	CHECK_EQ(r.lowest, 0);
	CHECK_EQ(r.highest, 100);
	CHECK(!r.boot_sector);
	CHECK(memcmp(mem, code, 100) == 0);
	CHECK_EQ(mem[100], FILL);

	memset(mem, FILL, MEM_SIZE);
	o.has_load_addr = true, o.load_addr = 0x2000;
	CHECK_EQ(place_bytes(code, 100, mem, MEM_SIZE, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x2000);
	CHECK_EQ(r.lowest, 0x2000);
	CHECK_EQ(r.highest, 0x2064);
	CHECK(memcmp(mem + 0x2000, code, 100) == 0);
	CHECK_EQ(mem[0x1fff], FILL);
	CHECK_EQ(mem[0], FILL);

	o.has_entry = true, o.entry = 0x2010;
	CHECK_EQ(place_bytes(code, 100, mem, MEM_SIZE, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x2010);
	free(mem);
}

static void test_flat_errors(void)
{
	size_t big = MEM_SIZE + 1;
	uint8_t *code = calloc(1, big), *mem = new_mem();
	struct load_result r = { .entry = 0x1234 };
	struct load_options o = { 0 };
	char err[256];

	CHECK_EQ(place_bytes(code, big, mem, MEM_SIZE, NULL, &r, err, sizeof err), -1);
	CHECK_STR(err, "guest.elf: 65537 bytes does not fit in 64 KiB of guest memory "
		       "(use --mem 1M)");
	CHECK_EQ(r.entry, 0x1234); /* untouched on error */
	CHECK_EQ(place_bytes(code, MEM_SIZE, mem, MEM_SIZE, NULL, &r, err, sizeof err), 0);
	memset(mem, FILL, MEM_SIZE);

	o.has_load_addr = true, o.load_addr = 1;
	CHECK_EQ(place_bytes(code, MEM_SIZE, mem, MEM_SIZE, &o, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "64 KiB at 0x1 does not fit in 64 KiB of guest memory");
	o.load_addr = UINT64_MAX - 10; /* address + size wraps around 2^64 */
	CHECK_EQ(place_bytes(code, 100, mem, MEM_SIZE, &o, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "lies outside 64 KiB of guest memory (check --load-addr)");
	o.load_addr = MEM_SIZE;
	CHECK_EQ(place_bytes(code, 1, mem, MEM_SIZE, &o, &r, err, sizeof err), -1);
	o.has_load_addr = false, o.has_entry = true, o.entry = MEM_SIZE;
	CHECK_EQ(place_bytes(code, 100, mem, MEM_SIZE, &o, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "entry 0x10000 lies outside");
	CHECK_EQ(place_bytes(code, 0, mem, MEM_SIZE, NULL, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "empty");
	CHECK(mem_untouched(mem));
	free(code);
	free(mem);
}

static void test_boot_sector(void)
{
	uint8_t bs[512] = { 0xfa, 0xf4 }, *mem = new_mem();
	struct load_result r;
	struct load_options o = { 0 };
	char err[256];

	bs[510] = 0x55, bs[511] = 0xaa;
	CHECK_EQ(place_bytes(bs, 512, mem, MEM_SIZE, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x7c00);
	CHECK_EQ(r.lowest, 0x7c00);
	CHECK_EQ(r.highest, 0x7e00);
	CHECK(r.boot_sector);
	CHECK(memcmp(mem + 0x7c00, bs, 512) == 0);
	CHECK_EQ(mem[0x7bff], FILL);
	CHECK_EQ(mem[0x7e00], FILL);

	o.has_entry = true, o.entry = 0x7c10;
	CHECK_EQ(place_bytes(bs, 512, mem, MEM_SIZE, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x7c10);
	o.has_entry = false, o.has_load_addr = true, o.load_addr = 0x600;
	CHECK_EQ(place_bytes(bs, 512, mem, MEM_SIZE, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x600);
	CHECK_EQ(r.lowest, 0x600);
	CHECK(r.boot_sector);
	CHECK(memcmp(mem + 0x600, bs, 512) == 0);
	/* 0x7c00 + 512 does not fit in 16 KiB of memory. */
	CHECK_EQ(place_bytes(bs, 512, mem, 0x4000, NULL, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "load address 0x7c00 lies outside 16 KiB");
	free(mem);
}

/* ---- good ELF images ---------------------------------------------------- */

static void check_good_elf(bool is64)
{
	struct telf t;
	uint8_t *mem = new_mem();
	struct load_result r;
	char err[256];

	build_elf(&t, is64);
	CHECK_EQ(image_classify(t.d, t.size), is64 ? IMAGE_ELF64 : IMAGE_ELF32);
	CHECK_EQ(place_elf(&t, mem, NULL, &r, err, sizeof err), 0);
	CHECK_STR(err, "");
	CHECK_EQ(r.entry, 0x1008);
	CHECK_EQ(r.lowest, 0x1000);
	CHECK_EQ(r.highest, 0x3200);
	CHECK(!r.boot_sector);
	CHECK(memcmp(mem + 0x1000, t.d + 0x100, 0x20) == 0);
	CHECK(memcmp(mem + 0x3000, t.d + 0x120, 0x10) == 0);
	CHECK(all_bytes(mem + 0x3010, 0x1f0, 0));           /* bss zeroed */
	CHECK_EQ(mem[0x3200], FILL);                          /* and no further */
	CHECK_EQ(mem[0x0fff], FILL);
	CHECK_EQ(mem[0x1020], FILL);
	CHECK(all_bytes(mem, 0x1000, FILL));
	free(mem);
}

static void check_elf_options(bool is64)
{
	struct telf t;
	uint8_t *mem = new_mem();
	struct load_result r;
	struct load_options o = { .has_entry = true, .entry = 0x3004 };
	char err[256];

	build_elf(&t, is64);
	CHECK_EQ(place_elf(&t, mem, &o, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x3004);
	o.entry = MEM_SIZE + 4;
	CHECK_EQ(place_elf(&t, mem, &o, &r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "check --entry");
	o = (struct load_options){ .has_load_addr = true, .load_addr = 0 };
	CHECK_EQ(place_elf(&t, mem, &o, &r, err, sizeof err), -1);
	CHECK_STR(err, "guest.elf: ELF images say where they load; drop --load-addr");

	/* Higher-half link: virtual addresses high, physical low; the entry
	 * (virtual) is translated to where the code really is. */
	uint64_t high = is64 ? 0xffffffff80000000ull : 0xc0000000ull;
	set_ph(&t, 1, t.l->p_vaddr, high + 0x1000);
	set_eh(&t, t.l->e_entry, t.l->addr, high + 0x1010);
	CHECK_EQ(place_elf(&t, mem, NULL, &r, err, sizeof err), 0);
	CHECK_EQ(r.entry, 0x1010);
	free(mem);
}

/* ---- malformed ELF images ----------------------------------------------- */

typedef void (*breaker)(struct telf *t);

static void br_short_header(struct telf *t) { t->size = t->l->ehsize - 1; }
static void br_tiny(struct telf *t) { t->size = 10; }
static void br_class(struct telf *t) { t->d[4] = 3; }
static void br_big_endian(struct telf *t) { t->d[5] = 2; }
static void br_version(struct telf *t) { t->d[6] = 0; }
static void br_machine(struct telf *t) { set_eh(t, 18, 2, 40); /* EM_ARM */ }
static void br_dyn(struct telf *t) { set_eh(t, 16, 2, 3); }
static void br_rel(struct telf *t) { set_eh(t, 16, 2, 1); }
static void br_phnum0(struct telf *t) { set_eh(t, t->l->e_phnum, 2, 0); }
static void br_phentsize(struct telf *t) { set_eh(t, t->l->e_phentsize, 2, 8); }
static void br_phoff(struct telf *t) { set_eh(t, t->l->e_phoff, t->l->addr, t->size + 8); }
static void br_phoff_wrap(struct telf *t)
{
	set_eh(t, t->l->e_phoff, t->l->addr, t->l->addr == 8 ? ~0ull - 0x3f : 0xffffffc0);
}
static void br_phtable_huge(struct telf *t)
{
	set_eh(t, t->l->e_phentsize, 2, 0xffff);
	set_eh(t, t->l->e_phnum, 2, 0xfffe);
}
static void br_seg_offset(struct telf *t) { set_ph(t, 1, t->l->p_offset, t->size + 1); }
static void br_seg_offset_wrap(struct telf *t)
{
	set_ph(t, 1, t->l->p_offset, t->l->addr == 8 ? ~0ull - 0xf : 0xfffffff0);
}
static void br_filesz(struct telf *t) { set_ph(t, 1, t->l->p_memsz, 0x10); }
static void br_outside(struct telf *t) { set_ph(t, 2, t->l->p_paddr, 0x20000); }
static void br_addr_wrap(struct telf *t)
{
	set_ph(t, 2, t->l->p_paddr, t->l->addr == 8 ? ~0ull - 0xfff : 0xfffff000);
	set_ph(t, 2, t->l->p_memsz, 0x2000);
}
static void br_no_load(struct telf *t)
{
	set_ph(t, 1, t->l->p_type, 4);
	set_ph(t, 2, t->l->p_type, 4);
}
static void br_overlap(struct telf *t) { set_ph(t, 2, t->l->p_paddr, 0x1010); }
static void br_interp(struct telf *t) { set_ph(t, 0, t->l->p_type, 3); }
static void br_entry(struct telf *t) { set_eh(t, t->l->e_entry, t->l->addr, 0x8000); }

struct bad_case {
	const char *what;
	breaker fn;
	const char *expect;
};

static const struct bad_case bad_cases[] = {
	{ "truncated header", br_short_header, "truncated ELF header" },
	{ "shorter than e_ident", br_tiny, "truncated ELF header" },
	{ "unknown class", br_class, "unknown ELF class 3" },
	{ "big-endian", br_big_endian, "big-endian" },
	{ "bad version", br_version, "unknown ELF version" },
	{ "wrong machine", br_machine, "machine 40, not x86" },
	{ "ET_DYN", br_dyn, "ET_DYN" },
	{ "ET_REL", br_rel, "ET_REL" },
	{ "no program headers", br_phnum0, "no program headers" },
	{ "phentsize too small", br_phentsize, "program header size 8" },
	{ "phoff beyond file", br_phoff, "run past the end of the file" },
	{ "phoff wraps", br_phoff_wrap, "run past the end of the file" },
	{ "phnum*phentsize huge", br_phtable_huge, "run past the end of the file" },
	{ "segment offset beyond file", br_seg_offset, "segment 1: file bytes" },
	{ "segment offset wraps", br_seg_offset_wrap, "segment 1: file bytes" },
	{ "filesz > memsz", br_filesz, "p_filesz > p_memsz" },
	{ "segment outside memory", br_outside,
	  "guest.elf: segment 2 at 0x20000+0x200 lies outside 64 KiB of guest memory "
	  "(use --mem 1M)" },
	{ "segment address wraps", br_addr_wrap, "segment 2 at 0x" },
	{ "no PT_LOAD", br_no_load, "no loadable segments" },
	{ "overlapping segments", br_overlap, "segments 1 and 2 overlap" },
	{ "dynamic (PT_INTERP)", br_interp, "PT_INTERP" },
	{ "entry outside segments", br_entry, "entry point 0x8000 is not inside" },
};

static void check_bad_elves(bool is64)
{
	uint8_t *mem = new_mem();
	struct load_result r = { .entry = 0x5a5a };
	char err[256];

	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct telf t;
		build_elf(&t, is64);
		c->fn(&t);
		int rc = place_elf(&t, mem, NULL, &r, err, sizeof err);
		if (rc != -1 || !strstr(err, c->expect) || !mem_untouched(mem))
			fprintf(stderr, "ELF%d %s: rc %d, \"%s\"\n", is64 ? 64 : 32,
				c->what, rc, err);
		CHECK_EQ(rc, -1);
		CHECK_CONTAINS(err, c->expect);
		CHECK(strncmp(err, "guest.elf: ", 11) == 0);
		CHECK(!strchr(err, '\n'));
		CHECK(mem_untouched(mem)); /* checked before a byte was copied */
		memset(mem, FILL, MEM_SIZE);
	}
	CHECK_EQ(r.entry, 0x5a5a);
	free(mem);
}

/* A segment outside 64 KiB fits when memory is bigger: the check uses mem_size. */
static void check_elf_mem_size(void)
{
	struct telf t;
	uint8_t *mem = malloc(0x40000);
	struct load_result r;
	char err[256];

	build_elf(&t, true);
	br_outside(&t);
	CHECK_EQ(place_bytes(t.d, t.size, mem, 0x40000, NULL, &r, err, sizeof err), 0);
	CHECK_EQ(r.highest, 0x20200);
	CHECK(all_bytes(mem + 0x20010, 0x1f0, 0));
	free(mem);
}

/* ---- mutation loop ------------------------------------------------------ */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static const uint64_t interesting[] = {
	0, 1, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x130, MEM_SIZE, ~0ull, ~0ull - 0xff,
};

static size_t mutate(const struct telf *good, uint8_t *buf)
{
	size_t size = good->size;

	memcpy(buf, good->d, size);
	for (unsigned n = 1 + rng() % 4; n; n--) {
		size_t at = rng() % size;
		if (rng() % 3 == 0) { /* an extreme value over a header field */
			size_t w = 1u << (rng() % 4);
			if (at + w <= 0x100)
				put(buf + at, w, interesting[rng() % (sizeof interesting / 8)]);
		} else {
			buf[at] ^= (uint8_t)(1u << (rng() % 8));
		}
	}
	if (rng() % 4 == 0)
		size = rng() % (size + 1);
	return size;
}

static void check_mutations(bool is64, int rounds)
{
	struct telf good;
	uint8_t *mem = new_mem();
	int ok = 0, refused = 0;

	build_elf(&good, is64);
	for (int i = 0; i < rounds; i++) {
		uint8_t scratch[0x200];
		size_t size = mutate(&good, scratch);
		/* An exactly-sized copy, so the sanitizer sees any read past the end. */
		uint8_t *data = malloc(size ? size : 1);
		memcpy(data, scratch, size);
		struct load_result r;
		char err[256];
		int rc = place_bytes(data, size, mem, MEM_SIZE, NULL, &r, err, sizeof err);
		if (rc == 0) {
			ok++;
			CHECK(r.entry < MEM_SIZE && r.lowest < r.highest && r.highest <= MEM_SIZE);
			memset(mem, FILL, MEM_SIZE);
		} else {
			refused++;
			if (rc != -1 || err[0] == 0 || !mem_untouched(mem))
				fprintf(stderr, "mutation %d: rc %d \"%s\"\n", i, rc, err);
			CHECK(rc == -1 && err[0] != 0 && mem_untouched(mem));
		}
		free(data);
	}
	printf("ELF%d mutations: %d loaded, %d refused\n", is64 ? 64 : 32, ok, refused);
	CHECK(ok > rounds / 20 && refused > rounds / 20); /* both paths exercised */
	free(mem);
}

/* ---- image_read --------------------------------------------------------- */

static char tmpdir[512];

static void tmp_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", tmpdir, name);
}

static void write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size)
		fprintf(stderr, "cannot write %s\n", path);
	if (f)
		fclose(f);
}

static int read_err(const char *path, uint64_t max, char *err, size_t len)
{
	struct guest_image img = { 0 };
	err[0] = 0;
	int rc = image_read(path, max, &img, err, len);
	CHECK(img.data == NULL && img.path == NULL); /* nothing leaks on error */
	return rc;
}

static void test_read_good(void)
{
	char path[600], err[256];
	uint8_t bs[512] = { 0xf4 };
	struct guest_image img;

	bs[510] = 0x55, bs[511] = 0xaa;
	tmp_path(path, sizeof path, "boot.bin");
	write_file(path, bs, sizeof bs);
	CHECK_EQ(image_read(path, 16 << 20, &img, err, sizeof err), 0);
	CHECK_EQ(img.size, 512);
	CHECK_EQ(img.kind, IMAGE_BOOT_SECTOR);
	CHECK_STR(img.path, path);
	CHECK(img.data && memcmp(img.data, bs, 512) == 0);
	image_free(&img);
	CHECK(img.data == NULL && img.size == 0 && img.path == NULL);
	image_free(&img); /* twice is harmless */

	/* Exactly max_size is allowed; a larger file needs several read()s. */
	size_t big = 3u << 20;
	uint8_t *d = malloc(big);
	for (size_t i = 0; i < big; i++)
		d[i] = (uint8_t)(i * 7);
	tmp_path(path, sizeof path, "big.bin");
	write_file(path, d, big);
	CHECK_EQ(image_read(path, big, &img, err, sizeof err), 0);
	CHECK_EQ(img.kind, IMAGE_FLAT);
	CHECK(img.size == big && memcmp(img.data, d, big) == 0);
	image_free(&img);
	free(d);
}

static void test_read_errors(void)
{
	char path[600], want[800], err[256];

	tmp_path(path, sizeof path, "missing.bin");
	CHECK_EQ(read_err(path, 1 << 20, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: no such file", path);
	CHECK_CONTAINS(err, want);

	CHECK_EQ(read_err(tmpdir, 1 << 20, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: is a directory", tmpdir);
	CHECK_CONTAINS(err, want);

	tmp_path(path, sizeof path, "empty.bin");
	write_file(path, "", 0);
	CHECK_EQ(read_err(path, 1 << 20, err, sizeof err), -1);
	CHECK_CONTAINS(err, "empty file");

	CHECK_EQ(read_err("/dev/null", 1 << 20, err, sizeof err), -1);
	CHECK_CONTAINS(err, "/dev/null: not a regular file");

	tmp_path(path, sizeof path, "fifo");
	if (mkfifo(path, 0600) == 0) { /* must be refused, not block in open() */
		CHECK_EQ(read_err(path, 1 << 20, err, sizeof err), -1);
		CHECK_CONTAINS(err, "not a regular file");
	}

	/* 40 MiB, sparse: refused from its size before any byte is read. */
	tmp_path(path, sizeof path, "huge.bin");
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && ftruncate(fd, 40 << 20) == 0);
	close(fd);
	CHECK_EQ(read_err(path, 16 << 20, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: 40 MiB does not fit in 16 MiB of guest memory "
		 "(use --mem 64M)", path);
	CHECK_STR(err, want);
	/* One byte over must not read as "40 MiB does not fit in 40 MiB". */
	CHECK(truncate(path, (40 << 20) + 1) == 0);
	CHECK_EQ(read_err(path, 40 << 20, err, sizeof err), -1);
	CHECK_CONTAINS(err, ": 41943041 bytes does not fit in 40 MiB of guest memory "
			    "(use --mem 64M)");
	CHECK(truncate(path, (40 << 20) + (1 << 19)) == 0);
	CHECK_EQ(read_err(path, 16 << 20, err, sizeof err), -1);
	CHECK_CONTAINS(err, ": 40.5 MiB does not fit in 16 MiB");
}

/* Root reads anything, so the permission check is only provable as a user. */
static void test_read_unreadable(void)
{
	char path[600], err[256];

	tmp_path(path, sizeof path, "secret.bin");
	write_file(path, "\xf4", 1);
	chmod(path, 0);
	int fd = open(path, O_RDONLY);
	if (fd >= 0) {
		close(fd);
		printf("note: running with permission override (root?); "
		       "unreadable-file check skipped\n");
		return;
	}
	CHECK_EQ(read_err(path, 1 << 20, err, sizeof err), -1);
	CHECK_CONTAINS(err, ": permission denied (make it readable: chmod a+r ");
}

static void remove_tmpdir(void)
{
	static const char *names[] = { "boot.bin", "big.bin", "empty.bin", "fifo",
				       "huge.bin", "secret.bin" };
	char path[600];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		tmp_path(path, sizeof path, names[i]);
		unlink(path);
	}
	rmdir(tmpdir);
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/loader_test_XXXXXX", TEST_BINARY_DIR);
	if (!mkdtemp(tmpdir)) {
		perror(tmpdir);
		return 1;
	}
	test_classify();
	test_flat();
	test_flat_errors();
	test_boot_sector();
	for (int is64 = 0; is64 <= 1; is64++) {
		check_good_elf(is64);
		check_elf_options(is64);
		check_bad_elves(is64);
		check_mutations(is64, 4000);
	}
	check_elf_mem_size();
	test_read_good();
	test_read_errors();
	test_read_unreadable();
	remove_tmpdir();
	return check_done();
}
