/* SPDX-License-Identifier: MIT */
/* mem_format.c - hex, ASCII and stack lines (mem_format.h). */
#include "mem_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* "00007c00  " + 16 x "xx " + a gap + " |" + 16 + "|" = 78 columns. */
int mem_format_per_line(int width)
{
	if (width >= 78)
		return 16;
	if (width >= 44)
		return 8;
	return 4;
}

static int addr_digits(uint64_t addr)
{
	return addr > 0xffffffffull ? 16 : 8;
}

static bool span_readable(const struct mem_span *s, uint32_t i)
{
	return i < s->len && (s->readable[i / 64] >> (i % 64) & 1);
}

void mem_format_hex_line(const struct mem_window *w, uint32_t from, int per, char *out, size_t n, int *cols)
{
	struct mem_span s = { w->addr, w->bytes, w->readable, w->len };
	mem_format_hex(&s, from, per, out, n, cols);
}

void mem_format_hex(const struct mem_span *w, uint32_t from, int per, char *out, size_t n, int *cols)
{
	size_t len = 0;
	uint64_t addr = w->addr + from;
#define PUT(...) (len += (size_t)snprintf(out + len, len < n ? n - len : 0, __VA_ARGS__))
	PUT("%0*" PRIx64 "  ", addr_digits(addr), addr);
	for (int i = 0; i < per; i++) {
		uint32_t at = from + (uint32_t)i;
		if (i == 8)
			PUT(" ");
		if (cols)
			cols[i] = at < w->len ? (int)len : -1;
		if (at >= w->len)
			PUT("   ");
		else if (span_readable(w, at))
			PUT("%02x ", w->bytes[at]);
		else
			PUT("?? ");
	}
	PUT(" |");
	for (int i = 0; i < per; i++) {
		uint32_t at = from + (uint32_t)i;
		if (at >= w->len)
			break;
		uint8_t b = w->bytes[at];
		PUT("%c", !span_readable(w, at) ? ' ' : (b >= 0x20 && b < 0x7f) ? (char)b : '.');
	}
	PUT("|");
#undef PUT
	if (len >= n && n)
		out[n - 1] = 0;
}

void mem_format_stack_line(const struct mem_window *w, uint32_t from, int size, const char *label, char *out,
			   size_t n)
{
	uint64_t addr = w->addr + from, value = 0;
	bool whole = from + (uint32_t)size <= w->len;
	for (int i = 0; whole && i < size; i++) {
		whole = mem_window_readable(w, from + (uint32_t)i);
		value |= (uint64_t)w->bytes[from + (uint32_t)i] << (8 * i);
	}
	if (whole)
		snprintf(out, n, "%-8s %0*" PRIx64 "  %0*" PRIx64, label, addr_digits(addr), addr, size * 2, value);
	else
		snprintf(out, n, "%-8s %0*" PRIx64 "  %.*s", label, addr_digits(addr), addr, size * 2,
			 "????????????????");
}
