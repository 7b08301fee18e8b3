/* SPDX-License-Identifier: MIT */
/* srcmap_dwarf.c - the line tables of an ELF image, read with libdw.
 *
 * Every unit's line table (dwarf_getsrclines) becomes rows of our own:
 * each row of a sequence covers the addresses up to the next row's, the
 * end-of-sequence row closes it. Rows that cover nothing (two lines at one
 * address: the earlier had no code) or name line 0 (no source line) are
 * left out, so a lookup answers with the line that holds the instruction.
 * libdw is used only here and only during srcmap_open(): the map keeps
 * copies, so a lookup never touches DWARF again. */
#include <stdlib.h>
#include <string.h>

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <gelf.h>
#include <libelf.h>

#include "srcmap_internal.h"

/* The unit's compilation directory, which relative DWARF paths are under. */
static const char *comp_dir_of(Dwarf_Die *cudie)
{
	Dwarf_Attribute attr;
	const char *dir = dwarf_formstring(dwarf_attr(cudie, DW_AT_comp_dir, &attr));
	return dir ? dir : "";
}

/* Remembers the last file interned: consecutive rows nearly always share
 * one, and libdw hands out the same string for the same file entry. */
struct file_memo {
	const char *src;
	srcmap_file_id id;
};

static bool row_file(struct srcmap *map, Dwarf_Line *dl, const char *comp_dir,
		     struct file_memo *memo, srcmap_file_id *id)
{
	const char *src = dwarf_linesrc(dl, NULL, NULL);
	if (!src)
		return false;
	if (src != memo->src) {
		long got = srcmap_intern_file(map, src, comp_dir);
		if (got < 0)
			return false;
		memo->src = src;
		memo->id = (srcmap_file_id)got;
	}
	*id = memo->id;
	return true;
}

/* Row i of lines as one of ours, if it covers any code: true and *row set. */
static bool take_row(struct srcmap *map, Dwarf_Lines *lines, size_t i, size_t n,
		     const char *comp_dir, struct file_memo *memo, struct srcmap_row *row)
{
	Dwarf_Line *dl = dwarf_onesrcline(lines, i);
	Dwarf_Line *next = i + 1 < n ? dwarf_onesrcline(lines, i + 1) : NULL;
	bool end_seq = true;
	Dwarf_Addr start, end;
	int line;
	if (!dl || !next || dwarf_lineendsequence(dl, &end_seq) != 0 || end_seq)
		return false;
	if (dwarf_lineaddr(dl, &start) != 0 || dwarf_lineaddr(next, &end) != 0 || end <= start)
		return false;
	if (dwarf_lineno(dl, &line) != 0 || line <= 0)
		return false;
	row->start = start;
	row->end = end;
	row->line = (unsigned)line;
	return row_file(map, dl, comp_dir, memo, &row->file);
}

/* One unit's rows into map: false only when out of memory (a unit without
 * a line table, or with a broken one, just adds nothing). */
static bool read_unit(struct srcmap *map, Dwarf_Die *cudie)
{
	Dwarf_Lines *lines;
	size_t n;
	if (dwarf_getsrclines(cudie, &lines, &n) != 0)
		return true;
	const char *comp_dir = comp_dir_of(cudie);
	struct file_memo memo = { NULL, 0 };
	for (size_t i = 0; i < n; i++) {
		struct srcmap_row row;
		if (take_row(map, lines, i, n, comp_dir, &memo, &row) && !srcmap_add_row(map, &row))
			return false;
	}
	return true;
}

/* Every unit of dbg; false when out of memory. *last_err: libdw's last
 * complaint, for the message when no rows came of it. */
static bool read_units(struct srcmap *map, Dwarf *dbg, const char **last_err)
{
	Dwarf_CU *cu = NULL, *next;
	Dwarf_Half version;
	uint8_t type;
	Dwarf_Die cudie;
	int rc;
	while ((rc = dwarf_get_units(dbg, cu, &next, &version, &type, &cudie, NULL)) == 0) {
		cu = next;
		int tag = dwarf_tag(&cudie);
		if (tag != DW_TAG_compile_unit && tag != DW_TAG_partial_unit)
			continue;
		if (!read_unit(map, &cudie))
			return false;
	}
	if (rc < 0)
		*last_err = dwarf_errmsg(-1);
	return true;
}

/* Whether elf has a section of that name (libdw's own "no DWARF" error
 * code is not public, and the section is what a user can check). */
static bool has_section(Elf *elf, const char *name)
{
	size_t strndx;
	if (elf_getshdrstrndx(elf, &strndx) != 0)
		return false;
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr shdr;
		const char *sname;
		if (gelf_getshdr(scn, &shdr) && (sname = elf_strptr(elf, strndx, shdr.sh_name)) &&
		    strcmp(sname, name) == 0)
			return true;
	}
	return false;
}

static bool from_dwarf(struct srcmap *map, Elf *elf, const char *label, char *err,
		       size_t errlen)
{
	if (!has_section(elf, ".debug_line"))
		return srcmap_fail(err, errlen, "%s has no line information (no .debug_line: not built with -g)",
				   label);
	Dwarf *dbg = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
	if (!dbg)
		return srcmap_fail(err, errlen, "%s: bad DWARF: %s", label, dwarf_errmsg(-1));
	const char *last_err = NULL;
	bool ok = read_units(map, dbg, &last_err);
	dwarf_end(dbg);
	if (!ok)
		return srcmap_fail(err, errlen, "%s: out of memory reading its line tables", label);
	if (map->nrows == 0) {
		if (last_err)
			return srcmap_fail(err, errlen, "%s: bad DWARF: %s", label, last_err);
		return srcmap_fail(err, errlen, "%s has no line information (.debug_line)", label);
	}
	srcmap_sort_rows(map);
	return true;
}

bool srcmap_read_dwarf(struct srcmap *map, char *image, size_t size, const char *label,
		       char *err, size_t errlen)
{
	elf_version(EV_CURRENT);
	Elf *elf = elf_memory(image, size);
	if (!elf)
		return srcmap_fail(err, errlen, "%s: %s", label, elf_errmsg(-1));
	bool ok;
	if (elf_kind(elf) != ELF_K_ELF)
		ok = srcmap_fail(err, errlen, "%s is not an ELF file", label);
	else
		ok = from_dwarf(map, elf, label, err, errlen);
	elf_end(elf);
	return ok;
}
