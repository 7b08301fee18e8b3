/* SPDX-License-Identifier: MIT */
/* srcmap.h - guest addresses to source lines, and the text of those lines,
 * for the code pane ("hello.S:23" beside RIP) and its source view.
 *
 * The line information comes from DWARF (.debug_line), read with libdw
 * (elfutils): from the guest itself when it is an ELF built with -g, or
 * from the NAME.elf the build leaves beside each lesson guest's NAME.bin
 * (the linked ELF before objcopy turned it into raw bytes; its addresses
 * are the image's). srcmap_open() reads every line table once and keeps
 * its own sorted copy, so nothing here calls libdw after it returns and a
 * map is read-only apart from its source-text cache.
 *
 * Addresses are LINEAR addresses: what the guest was linked at, which for
 * our boot sectors is 0x7c00 and up. In real mode the caller has CS:IP and
 * passes CS base + IP (0000:7c12 -> 0x7c12; 07c0:0012 -> 0x7c12 too); in
 * protected and long mode with flat segments that is RIP itself.
 *
 * Nothing here knows of curses or KVM. Whatever the files hold (a
 * truncated or corrupt ELF, bad DWARF, a binary "source" file), the answer
 * is an error message or "not found", never a crash. Not thread-safe: one
 * map per thread, or a lock around it (the text cache is filled lazily).
 */
#ifndef KVMTUI_SRCMAP_H
#define KVMTUI_SRCMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct srcmap; /* the line tables of one guest and its source-text cache */

/* A source file is named by its index in the map (0 .. srcmap_file_count-1). */
typedef unsigned srcmap_file_id;

/* Where an address comes from. The strings belong to the map. */
struct src_line {
	srcmap_file_id file;
	const char *path;     /* as DWARF has it: "/src/guests/hello.S" */
	const char *name;     /* its last component, for short labels: "hello.S" */
	const char *resolved; /* an existing file with that text, or NULL (see srcmap_file_resolved) */
	unsigned line;        /* 1-based */
	uint64_t start, end;  /* the line-table row: the addresses [start, end) of this line */
};

/* The size of source file srcmap_file_lines() accepts. */
#define SRCMAP_TEXT_MAX ((size_t)4 << 20)

/* Line information for the guest at guest_path, or NULL with the reason in
 * err (always NUL-terminated when errlen > 0). Looks at, in order: the
 * guest itself if it is an ELF with .debug_line; the guest's path with its
 * extension replaced by .elf (guests/hello.bin -> guests/hello.elf); the
 * path with .elf appended (guests/hello -> guests/hello.elf). The reason
 * says what was missing, e.g. "no line information: guests/foo.bin has no
 * foo.elf beside it", or what was wrong with the ELF that was found. */
struct srcmap *srcmap_open(const char *guest_path, char *err, size_t errlen);

/* The same from an ELF image in memory (the fuzz target, tests): elf_path
 * and guest_path only serve to find source files (their directories) and
 * name them in messages; either may be NULL. */
struct srcmap *srcmap_open_image(const void *image, size_t size, const char *elf_path,
				 const char *guest_path, char *err, size_t errlen);

/* Frees the map, its strings and its cached texts; NULL does nothing. */
void srcmap_close(struct srcmap *map);

/* The ELF the lines were read from ("guests/hello.elf"). */
const char *srcmap_elf_path(const struct srcmap *map);

/* The row of the line table holding addr: true and *out filled, or false
 * when addr is in no line table (data, padding, another program). Not
 * const: it looks the file up on disk the first time (see below). */
bool srcmap_lookup(struct srcmap *map, uint64_t addr, struct src_line *out);

/* The source files the line tables name (included files too: boot.inc). */
size_t srcmap_file_count(const struct srcmap *map);
const char *srcmap_file_path(const struct srcmap *map, srcmap_file_id file);
/* The file on disk holding file's text, or NULL when none was found: the
 * DWARF path itself (joined to the compilation directory if relative);
 * failing that, the path's trailing components ("guests/hello.S", then
 * "hello.S") under the ELF's directory, then under the guest's, so a tree
 * built or installed elsewhere (CI's clone, share/kvm-tui/guests) still
 * finds its sources. Looked up once, then remembered. */
const char *srcmap_file_resolved(struct srcmap *map, srcmap_file_id file);

/* The file whose DWARF path, resolved path or last component is name
 * ("hello.S", for "break at hello.S:23"): true and *file set, or false. */
bool srcmap_find_file(struct srcmap *map, const char *name, srcmap_file_id *file);

/* Where line `line` of file starts: the first addresses of the rows for
 * that line, in address order, up to max of them into addrs; returns how
 * many there are in all (may exceed max; 0: the line holds no code, e.g. a
 * comment or a label, or the file/line is unknown). */
size_t srcmap_line_addr(const struct srcmap *map, srcmap_file_id file, unsigned line,
			uint64_t *addrs, size_t max);

/* The first line at or after `line` in file that has code, or 0 if none
 * (a breakpoint asked for on a comment goes to the next instruction). */
unsigned srcmap_next_code_line(const struct srcmap *map, srcmap_file_id file, unsigned line);

/* A source file's text, split into lines. The file is read once (on the
 * first call) and kept; files over SRCMAP_TEXT_MAX, non-regular files and
 * unreadable ones are refused, and the refusal is remembered too.
 *
 * Each line is NUL-terminated without its line ending ("\n", or "\r\n").
 * A valid UTF-8, printable line comes back byte for byte as in the file;
 * TABS ARE KEPT (the pane expands them to its own tab stops). Anything a
 * terminal could take as a command or could not show is replaced by
 * U+FFFD (3 bytes: EF BF BD): each C0 control other than tab (a lone CR,
 * ESC, NUL, ...), DEL and each C1 control (U+0080..U+009F, 0x9b is CSI),
 * and each byte of an invalid, overlong or truncated UTF-8 sequence. So a line
 * is always safe to hand to waddstr(), and its length may differ from the
 * file's only where it was not text. A last line without a newline counts. */
struct src_text {
	size_t count;              /* lines; line n (1-based) is line[n - 1] */
	const char *const *line;   /* line[i] is NUL-terminated */
	const size_t *len;         /* strlen(line[i]) */
};

/* The text of file into *out (valid until srcmap_close): true, or false
 * with the reason in err ("hello.S: not found (DWARF says /x/hello.S)",
 * "big.S is 5242880 bytes, over the limit of 4194304"). */
bool srcmap_file_lines(struct srcmap *map, srcmap_file_id file, struct src_text *out,
		       char *err, size_t errlen);

#endif
