/* SPDX-License-Identifier: MIT */
/* elf_loader.c - placing ELF32/ELF64 x86 executables in guest memory.
 *
 * The file is untrusted: every offset, count and size is checked against the
 * file and the guest memory, with arithmetic that cannot wrap, and all of it
 * before the first byte is copied, so a bad image leaves memory as it was.
 * Fields are read byte by byte as little-endian at the offsets <elf.h> gives,
 * which needs no alignment and treats both classes the same way.
 */
#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "loader_internal.h"

/* Far more than any guest has; bounds the pairwise overlap check. */
#define ELF_MAX_LOADS LOAD_MAX_RANGES
/* Beyond this an address is a linking mistake, not a --mem to suggest. */
#define ELF_HINT_MAX (64ull << 30)

struct elf_header {
	bool is64;
	uint16_t type, machine, phentsize, phnum;
	uint64_t entry, phoff;
};

struct elf_segment {
	uint32_t type;
	uint64_t offset, vaddr, paddr, filesz, memsz;
};

struct elf_ctx {
	const struct guest_image *img;
	uint64_t mem_size;
	struct elf_header h;
	char *err;
	size_t errlen;
};

static uint64_t read_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

#define FIELD(base, type, field) \
	read_le((base) + offsetof(type, field), sizeof(((type *)0)->field))

#define FAIL(c, ...) loader_fail((c)->err, (c)->errlen, (c)->img->path, __VA_ARGS__)

static size_t ehdr_size(bool is64)
{
	return is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
}

static size_t phdr_size(bool is64)
{
	return is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
}

/* e_ident: what kind of ELF this is, before any multi-byte field is read. */
static int check_ident(struct elf_ctx *c)
{
	const uint8_t *d = c->img->data;

	if (c->img->size < EI_NIDENT || memcmp(d, ELFMAG, SELFMAG) != 0)
		return FAIL(c, "truncated ELF header (%zu bytes)", c->img->size);
	if (d[EI_CLASS] != ELFCLASS32 && d[EI_CLASS] != ELFCLASS64)
		return FAIL(c, "unknown ELF class %u (neither 32- nor 64-bit)", d[EI_CLASS]);
	c->h.is64 = d[EI_CLASS] == ELFCLASS64;
	if (c->h.is64 != (c->img->kind == IMAGE_ELF64))
		return FAIL(c, "ELF class byte does not match the image kind %s",
			    image_kind_name(c->img->kind));
	if (d[EI_DATA] == ELFDATA2MSB)
		return FAIL(c, "big-endian ELF; x86 guests are little-endian "
			    "(was it built for another CPU?)");
	if (d[EI_DATA] != ELFDATA2LSB)
		return FAIL(c, "unknown ELF data encoding %u", d[EI_DATA]);
	if (d[EI_VERSION] != EV_CURRENT)
		return FAIL(c, "unknown ELF version %u", d[EI_VERSION]);
	if (c->img->size < ehdr_size(c->h.is64))
		return FAIL(c, "truncated ELF header (%zu of %zu bytes)",
			    c->img->size, ehdr_size(c->h.is64));
	return 0;
}

static void read_header(struct elf_ctx *c)
{
	const uint8_t *d = c->img->data;
	struct elf_header *h = &c->h;

	if (h->is64) {
		h->type = FIELD(d, Elf64_Ehdr, e_type);
		h->machine = FIELD(d, Elf64_Ehdr, e_machine);
		h->entry = FIELD(d, Elf64_Ehdr, e_entry);
		h->phoff = FIELD(d, Elf64_Ehdr, e_phoff);
		h->phentsize = FIELD(d, Elf64_Ehdr, e_phentsize);
		h->phnum = FIELD(d, Elf64_Ehdr, e_phnum);
	} else {
		h->type = FIELD(d, Elf32_Ehdr, e_type);
		h->machine = FIELD(d, Elf32_Ehdr, e_machine);
		h->entry = FIELD(d, Elf32_Ehdr, e_entry);
		h->phoff = FIELD(d, Elf32_Ehdr, e_phoff);
		h->phentsize = FIELD(d, Elf32_Ehdr, e_phentsize);
		h->phnum = FIELD(d, Elf32_Ehdr, e_phnum);
	}
}

static int check_type(struct elf_ctx *c)
{
	switch (c->h.type) {
	case ET_EXEC:
		break;
	case ET_DYN:
		/* Loading it needs relocation at a chosen base, which a guest
		 * without a dynamic loader cannot do for itself. */
		return FAIL(c, "position-independent ELF (ET_DYN) is not supported; "
			    "link at a fixed address (-static -no-pie, or ld -Ttext)");
	case ET_REL:
		return FAIL(c, "an object file (ET_REL), not an executable; link it first");
	default:
		return FAIL(c, "ELF type %u is not an executable (ET_EXEC)", c->h.type);
	}
	if (c->h.machine != EM_386 && c->h.machine != EM_X86_64)
		return FAIL(c, "ELF for machine %u, not x86 (EM_386 or EM_X86_64)",
			    c->h.machine);
	return 0;
}

/* The program header table must lie inside the file. phnum * phentsize is
 * at most 0xffff * 0xffff, so it fits in 64 bits; the comparison with the
 * room after phoff is written so that a huge phoff cannot wrap it. */
static int check_phdrs(struct elf_ctx *c)
{
	const struct elf_header *h = &c->h;
	uint64_t table = (uint64_t)h->phnum * h->phentsize;

	if (h->phnum == 0)
		return FAIL(c, "no program headers, nothing to load (is it linked?)");
	if (h->phnum == PN_XNUM)
		return FAIL(c, "too many program headers (extended numbering)");
	if (h->phentsize < phdr_size(h->is64))
		return FAIL(c, "program header size %u is smaller than ELF's %zu",
			    h->phentsize, phdr_size(h->is64));
	if (h->phoff > c->img->size || table > c->img->size - h->phoff)
		return FAIL(c, "program headers at 0x%llx (%u x %u bytes) run past the end "
			    "of the file (%zu bytes): truncated or corrupt",
			    (unsigned long long)h->phoff, h->phnum, h->phentsize,
			    c->img->size);
	return 0;
}

static struct elf_segment read_segment(const struct elf_ctx *c, unsigned i)
{
	const uint8_t *p = c->img->data + c->h.phoff + (uint64_t)i * c->h.phentsize;
	struct elf_segment s;

	if (c->h.is64) {
		s.type = FIELD(p, Elf64_Phdr, p_type);
		s.offset = FIELD(p, Elf64_Phdr, p_offset);
		s.vaddr = FIELD(p, Elf64_Phdr, p_vaddr);
		s.paddr = FIELD(p, Elf64_Phdr, p_paddr);
		s.filesz = FIELD(p, Elf64_Phdr, p_filesz);
		s.memsz = FIELD(p, Elf64_Phdr, p_memsz);
	} else {
		s.type = FIELD(p, Elf32_Phdr, p_type);
		s.offset = FIELD(p, Elf32_Phdr, p_offset);
		s.vaddr = FIELD(p, Elf32_Phdr, p_vaddr);
		s.paddr = FIELD(p, Elf32_Phdr, p_paddr);
		s.filesz = FIELD(p, Elf32_Phdr, p_filesz);
		s.memsz = FIELD(p, Elf32_Phdr, p_memsz);
	}
	return s;
}

/* A segment we will copy: its loadable part exists, nothing more. */
static bool is_load(const struct elf_segment *s)
{
	return s->type == PT_LOAD && s->memsz > 0;
}

static int segment_outside(struct elf_ctx *c, unsigned i, const struct elf_segment *s)
{
	char room[32], hint[16];
	uint64_t end = s->paddr + s->memsz;

	loader_size_str(c->mem_size, room, sizeof room);
	if (end < s->paddr || end > ELF_HINT_MAX)
		return FAIL(c, "segment %u at 0x%llx+0x%llx lies outside %s of guest memory "
			    "(check the load addresses in the linker script)", i,
			    (unsigned long long)s->paddr, (unsigned long long)s->memsz, room);
	loader_mem_hint(end, hint, sizeof hint);
	return FAIL(c, "segment %u at 0x%llx+0x%llx lies outside %s of guest memory "
		    "(use --mem %s)", i, (unsigned long long)s->paddr,
		    (unsigned long long)s->memsz, room, hint);
}

/* Segment numbers are program header indexes, as readelf's segment map
 * numbers them, so a message leads straight to the right line there. */
static int check_segment(struct elf_ctx *c, unsigned i, const struct elf_segment *s)
{
	uint64_t size = c->img->size;

	if (s->type == PT_INTERP)
		return FAIL(c, "needs a dynamic loader (PT_INTERP); link it statically");
	if (s->type != PT_LOAD)
		return 0;
	if (s->offset > size || s->filesz > size - s->offset)
		return FAIL(c, "segment %u: file bytes 0x%llx+0x%llx run past the end of the "
			    "file (%llu bytes): truncated or corrupt", i,
			    (unsigned long long)s->offset, (unsigned long long)s->filesz,
			    (unsigned long long)size);
	if (s->filesz > s->memsz)
		return FAIL(c, "segment %u: 0x%llx bytes in the file but only 0x%llx in memory "
			    "(p_filesz > p_memsz)", i, (unsigned long long)s->filesz,
			    (unsigned long long)s->memsz);
	if (s->memsz > 0 && (s->paddr >= c->mem_size || s->memsz > c->mem_size - s->paddr))
		return segment_outside(c, i, s);
	return 0;
}

/* Overlapping segments would silently overwrite each other (one's bss
 * zeroing another's code); only a broken linker script makes them. Both
 * ranges are inside memory already, so the ends cannot wrap. */
static int check_overlap(struct elf_ctx *c, unsigned i, const struct elf_segment *s)
{
	for (unsigned j = 0; j < i; j++) {
		struct elf_segment o = read_segment(c, j);
		if (!is_load(&o))
			continue;
		if (s->paddr < o.paddr + o.memsz && o.paddr < s->paddr + s->memsz)
			return FAIL(c, "segments %u and %u overlap in guest memory "
				    "(0x%llx+0x%llx and 0x%llx+0x%llx)", j, i,
				    (unsigned long long)o.paddr, (unsigned long long)o.memsz,
				    (unsigned long long)s->paddr, (unsigned long long)s->memsz);
	}
	return 0;
}

static int check_segments(struct elf_ctx *c, struct load_result *r)
{
	unsigned loads = 0;

	r->lowest = UINT64_MAX;
	r->highest = 0;
	for (unsigned i = 0; i < c->h.phnum; i++) {
		struct elf_segment s = read_segment(c, i);
		if (check_segment(c, i, &s) != 0)
			return -1;
		if (!is_load(&s))
			continue;
		if (++loads > ELF_MAX_LOADS)
			return FAIL(c, "more than %d loadable segments", ELF_MAX_LOADS);
		if (check_overlap(c, i, &s) != 0)
			return -1;
		r->ranges[r->nranges++] = (struct load_range){ s.paddr, s.paddr + s.memsz, i };
		if (s.paddr < r->lowest)
			r->lowest = s.paddr;
		if (s.paddr + s.memsz > r->highest)
			r->highest = s.paddr + s.memsz;
	}
	if (loads == 0)
		return FAIL(c, "no loadable segments (PT_LOAD), nothing to run");
	return 0;
}

/* e_entry is a virtual address. Where a segment's physical and virtual
 * addresses differ (a higher-half kernel), translate it, as a boot loader
 * would: the vCPU starts with paging off or identity-mapped. */
static int find_entry(struct elf_ctx *c, uint64_t *entry)
{
	uint64_t e = c->h.entry;

	for (unsigned i = 0; i < c->h.phnum; i++) {
		struct elf_segment s = read_segment(c, i);
		if (is_load(&s) && e >= s.paddr && e - s.paddr < s.memsz) {
			*entry = e;
			return 0;
		}
	}
	for (unsigned i = 0; i < c->h.phnum; i++) {
		struct elf_segment s = read_segment(c, i);
		if (is_load(&s) && e >= s.vaddr && e - s.vaddr < s.memsz) {
			*entry = e - s.vaddr + s.paddr;
			return 0;
		}
	}
	return FAIL(c, "entry point 0x%llx is not inside any loaded segment "
		    "(check ENTRY in the linker script, or give --entry)",
		    (unsigned long long)e);
}

static void copy_segments(const struct elf_ctx *c, uint8_t *mem)
{
	for (unsigned i = 0; i < c->h.phnum; i++) {
		struct elf_segment s = read_segment(c, i);
		if (!is_load(&s))
			continue;
		memcpy(mem + s.paddr, c->img->data + s.offset, s.filesz);
		memset(mem + s.paddr + s.filesz, 0, s.memsz - s.filesz);
	}
}

static int pick_entry(struct elf_ctx *c, const struct load_options *opts, uint64_t *entry)
{
	if (!opts->has_entry)
		return find_entry(c, entry);
	if (opts->entry >= c->mem_size)
		return FAIL(c, "entry 0x%llx lies outside the guest memory (0x0..0x%llx); "
			    "check --entry", (unsigned long long)opts->entry,
			    (unsigned long long)c->mem_size - 1);
	*entry = opts->entry;
	return 0;
}

int elf_loader_place(const struct guest_image *img, uint8_t *mem, uint64_t mem_size,
		     const struct load_options *opts, struct load_result *out,
		     char *err, size_t errlen)
{
	struct elf_ctx c = { .img = img, .mem_size = mem_size, .err = err, .errlen = errlen };
	struct load_result r = { .boot_sector = false };

	if (check_ident(&c) != 0)
		return -1;
	read_header(&c);
	if (check_type(&c) != 0 || check_phdrs(&c) != 0 || check_segments(&c, &r) != 0 ||
	    pick_entry(&c, opts, &r.entry) != 0)
		return -1;
	if (mem)
		copy_segments(&c, mem);
	*out = r;
	return 0;
}
