/* SPDX-License-Identifier: MIT */
/* disasm_exit.c - the instruction that caused an exit, in one line for the
 * exit detail view, from the guest bytes at RIP: what it is, its bytes, or
 * why it cannot be said (no bytes, not an instruction, cut off). */
#include <stdio.h>

#include "disasm.h"

/* Undecodable bytes are shown up to this many: enough to look them up. */
#define EXIT_RAW_BYTES 8

void disasm_exit_line(const uint8_t *bytes, size_t size, uint64_t rip, enum disasm_bits bits,
		      enum disasm_syntax syntax, char *out, size_t cap)
{
	if (!cap)
		return;
	if (!bytes || size == 0) {
		snprintf(out, cap, "(no code bytes at RIP to decode)");
		return;
	}
	struct disasm *d = disasm_open(bits, syntax);
	if (!d) {
		snprintf(out, cap, "(cannot decode: no disassembler for %d-bit code)", (int)bits);
		return;
	}
	struct disasm_insn insn;
	disasm_one(d, bytes, size, rip, &insn);
	disasm_close(d);
	char hex[DISASM_HEX_MAX];
	if (insn.status != DISASM_OK) {
		/* show the bytes that were there, not just the first */
		insn.len = (uint8_t)(size < EXIT_RAW_BYTES ? size : EXIT_RAW_BYTES);
		for (size_t i = 0; i < insn.len; i++)
			insn.bytes[i] = bytes[i];
	}
	disasm_hex(&insn, hex, sizeof(hex));
	switch (insn.status) {
	case DISASM_OK:
		snprintf(out, cap, "%s  [%s]", insn.text, hex);
		break;
	case DISASM_BAD:
		snprintf(out, cap, "(bad)  [%s%s]  no valid %d-bit instruction starts here", hex,
			 size > insn.len ? " ..." : "", (int)bits);
		break;
	case DISASM_TRUNCATED:
		snprintf(out, cap, "(truncated)  [%s]  the instruction goes on past the %zu bytes read",
			 hex, size);
		break;
	}
}
