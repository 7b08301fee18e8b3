/* SPDX-License-Identifier: MIT */
/* mem_format.h - guest memory as the memory pane and --dump write it.
 *
 *   00007c00  fa 31 c0 8e d8 8e c0 8e  d0 bc 00 7c fc ea 12 7c  |.1.........|...||
 *
 * hexdump -C's layout (a script can compare with it), "??" for a byte that
 * could not be read (not mapped, the PC hole, past the end of RAM), and a
 * stack layout with one word a line. Pure: no curses. */
#ifndef KVMTUI_MEM_FORMAT_H
#define KVMTUI_MEM_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mem_view.h"

#define MEM_LINE_MAX 128

/* Bytes a hex line shows for a width: 16 where they fit, else 8, else 4. */
int mem_format_per_line(int width);

/* Bytes read from guest memory: bytes[i] is real if bit i of readable is set. */
struct mem_span {
	uint64_t addr;            /* of bytes[0] */
	const uint8_t *bytes;
	const uint64_t *readable;
	uint32_t len;
};

/* One hex line of `per` bytes from s->bytes[from] (at s->addr + from).
 * cols (may be NULL): for each byte, the column its hex digits start at
 * (-1: not shown), so a caller can colour them. */
void mem_format_hex(const struct mem_span *s, uint32_t from, int per, char *out, size_t n, int *cols);
/* The same for a window. */
void mem_format_hex_line(const struct mem_window *w, uint32_t from, int per, char *out, size_t n, int *cols);

/* One stack line: the word of `size` bytes (2, 4, 8) at w->bytes[from],
 * "ss:sp+4  00007bfc  7c1e" with label "sp+4". */
void mem_format_stack_line(const struct mem_window *w, uint32_t from, int size, const char *label, char *out,
			   size_t n);

#endif
