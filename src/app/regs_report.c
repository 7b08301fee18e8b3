/* SPDX-License-Identifier: MIT */
/* regs_report.c - registers as text for a headless breakpoint (regs_report.h). */
#include "regs_report.h"

#include <inttypes.h>

#include "reg_format.h"

static void where(FILE *out, const struct cpu_state *cpu, enum cpu_mode_now mode, int width)
{
	uint64_t linear = cpu->seg[SEG_CS].base + cpu->rip;
	char ip[24];
	reg_format_hex(ip, sizeof(ip), cpu->rip, width);
	if (mode == MODE_REAL || mode == MODE_VM86)
		fprintf(out, "  mode %s  CS:IP %04x:%s (linear %05" PRIx64 ")\n", cpu_mode_name(mode),
			cpu->seg[SEG_CS].selector, ip, linear);
	else
		fprintf(out, "  mode %s  %s %s (linear %" PRIx64 ")\n", cpu_mode_name(mode), reg_ip_name(width), ip,
			linear);
}

void regs_report(FILE *out, const struct cpu_state *cpu)
{
	enum cpu_mode_now mode = cpu_mode_of(cpu);
	int width = cpu_mode_width(mode);
	char v[24], bits[256];
	where(out, cpu, mode, width);
	fprintf(out, " ");
	for (int r = 0; r < reg_gpr_count(width); r++) {
		reg_format_hex(v, sizeof(v), cpu->gpr[r], width);
		fprintf(out, " %s %s", reg_gpr_name((enum gpr)r, width), v);
		if (r == 7 && reg_gpr_count(width) > 8)
			fprintf(out, "\n ");
	}
	reg_format_hex(v, sizeof(v), cpu->rflags, width < 32 ? 16 : 32);
	reg_bits_format(bits, sizeof(bits), cpu->rflags, BITS_RFLAGS, true);
	fprintf(out, "\n  %s %s (%s)\n ", reg_flags_name(width), v, bits[0] ? bits : "none set");
	for (int s = SEG_CS; s <= SEG_SS; s++)
		fprintf(out, " %s %04x", reg_seg_name((enum seg_index)s), cpu->seg[s].selector);
	fprintf(out, "\n  CR0 %08" PRIx64 "  CR3 %08" PRIx64 "  CR4 %08" PRIx64 "  EFER %08" PRIx64 "\n", cpu->cr0,
		cpu->cr3, cpu->cr4, cpu->efer);
}
