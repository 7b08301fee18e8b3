/* SPDX-License-Identifier: MIT */
/* disasm_format.c - what goes beside a decoded instruction: its bytes in
 * hex, and a real-mode address as CS:IP with the linear address it means. */
#include <inttypes.h>
#include <stdio.h>

#include "disasm.h"

void disasm_hex(const struct disasm_insn *insn, char *out, size_t cap)
{
	if (!cap)
		return;
	out[0] = '\0';
	size_t used = 0;
	for (size_t i = 0; i < insn->len && i < DISASM_MAX_LEN; i++) {
		size_t n = i ? 3 : 2;
		if (used + n >= cap)
			return; /* whole bytes only: never half of one */
		snprintf(out + used, cap - used, "%s%02x", i ? " " : "", insn->bytes[i]);
		used += n;
	}
}

void disasm_format_real(char *out, size_t cap, uint16_t cs, uint64_t cs_base, uint16_t ip)
{
	snprintf(out, cap, "%04x:%04x (%05" PRIx64 ")", cs, ip, cs_base + ip);
}
