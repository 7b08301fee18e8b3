/* SPDX-License-Identifier: MIT */
/* disasm_mode.c - which code size to decode the vCPU's instructions in: the
 * one the CPU itself uses, from the mode and the code segment's L and D
 * bits (a 16-bit code segment in protected mode decodes as 16-bit code). */
#include "disasm.h"

enum disasm_bits disasm_bits_of(const struct cpu_state *cpu)
{
	switch (cpu_mode_of(cpu)) {
	case MODE_LONG64:
		return DISASM_64;
	case MODE_REAL:
	case MODE_VM86:
		return DISASM_16;
	case MODE_PROT16:
	case MODE_PROT32:
	case MODE_PAGED32:
	case MODE_COMPAT:
		break;
	}
	return cpu->seg[SEG_CS].db ? DISASM_32 : DISASM_16;
}
