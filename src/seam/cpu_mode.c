/* SPDX-License-Identifier: MIT */
/* cpu_mode.c - the processor mode, decided the way the CPU decides it: long
 * mode is EFER.LMA (active, not merely enabled), and within it CS.L picks
 * 64-bit or compatibility code; outside it CR0.PE, RFLAGS.VM, CR0.PG and
 * CS.D/B in that order. */
#include "cpu_state.h"

#define CR0_PE (1ull << 0)
#define CR0_PG (1ull << 31)
#define EFER_LMA (1ull << 10)
#define RFLAGS_VM (1ull << 17)

enum cpu_mode_now cpu_mode_of(const struct cpu_state *cpu)
{
	if (!(cpu->cr0 & CR0_PE))
		return MODE_REAL;
	if (cpu->efer & EFER_LMA)
		return cpu->seg[SEG_CS].l ? MODE_LONG64 : MODE_COMPAT;
	if (cpu->rflags & RFLAGS_VM)
		return MODE_VM86;
	if (cpu->cr0 & CR0_PG)
		return MODE_PAGED32;
	return cpu->seg[SEG_CS].db ? MODE_PROT32 : MODE_PROT16;
}

const char *cpu_mode_name(enum cpu_mode_now mode)
{
	switch (mode) {
	case MODE_REAL: return "REAL";
	case MODE_PROT16: return "PROTECTED 16";
	case MODE_PROT32: return "PROTECTED 32";
	case MODE_PAGED32: return "PAGED 32";
	case MODE_COMPAT: return "COMPAT 32";
	case MODE_LONG64: return "LONG 64";
	case MODE_VM86: return "VM86";
	}
	return "UNKNOWN";
}

int cpu_mode_width(enum cpu_mode_now mode)
{
	switch (mode) {
	case MODE_LONG64:
		return 64;
	case MODE_PROT32:
	case MODE_PAGED32:
	case MODE_COMPAT:
		return 32;
	case MODE_REAL:
	case MODE_PROT16:
	case MODE_VM86:
		return 16;
	}
	return 16;
}
