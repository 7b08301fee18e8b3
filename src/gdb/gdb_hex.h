/* SPDX-License-Identifier: MIT */
/* gdb_hex.h - hex numbers and hex-encoded bytes, as gdb's remote protocol
 * writes them (lower case out; either case in; numbers big-endian text,
 * register and memory contents byte by byte in target order). */
#ifndef KVMTUI_GDB_HEX_H
#define KVMTUI_GDB_HEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The value of one hex digit, or -1. */
int gdb_hex_digit(char c);

/* Parses a hex number at *p (at least one digit, no more than fits in 64
 * bits) and moves *p past it, within [*p, end). false: none, or too big. */
bool gdb_hex_parse_u64(const char **p, const char *end, uint64_t *out);

/* Decodes 2*n hex digits into n bytes. false if any is not a hex digit. */
bool gdb_hex_decode(const char *hex, size_t n, uint8_t *out);

/* Writes 2*n lower-case hex digits (no terminator). */
void gdb_hex_encode(const uint8_t *bytes, size_t n, char *out);

#endif
