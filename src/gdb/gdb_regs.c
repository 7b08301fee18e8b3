/* SPDX-License-Identifier: MIT */
/* gdb_regs.c - the register tables behind both target descriptions
 * (gdb_regs.h has the numbering). */
#include "gdb_regs.h"

#include "cpu_state.h"

#define CORE "org.gnu.gdb.i386.core"
#define SEGMENTS "org.gnu.gdb.i386.segments"
#define SYS "org.kvm-tui.x86.sys"

#define EFER_LMA (1ull << 10)
#define CR0_PE 1ull
#define RFLAGS_VM (1ull << 17)

#define GPR(n, r, t) { n, 64, t, NULL, CORE, GDB_REG_GPR, r }
#define GPR32(n, r, t) { n, 32, t, NULL, CORE, GDB_REG_GPR, r }
#define SEL(n, s) { n, 32, "int32", NULL, CORE, GDB_REG_SELECTOR, s }
#define ST(n) { n, 80, "i387_ext", NULL, CORE, GDB_REG_ABSENT, 0 }
#define FPU(n) { n, 32, "int", "float", CORE, GDB_REG_ABSENT, 0 }
#define BASE(n, bits, s, feat) { n, bits, "uint" #bits, NULL, feat, GDB_REG_BASE, s }
#define CTRL(n, bits, home) { n, bits, "uint" #bits, "system", SYS, home, 0 }

#define X87_REGS                                                                         \
	ST("st0"), ST("st1"), ST("st2"), ST("st3"), ST("st4"), ST("st5"), ST("st6"),     \
	ST("st7"), FPU("fctrl"), FPU("fstat"), FPU("ftag"), FPU("fiseg"), FPU("fioff"),  \
	FPU("foseg"), FPU("fooff"), FPU("fop")

#define SELECTORS                                                                        \
	SEL("cs", SEG_CS), SEL("ss", SEG_SS), SEL("ds", SEG_DS), SEL("es", SEG_ES),      \
	SEL("fs", SEG_FS), SEL("gs", SEG_GS)

#define CONTROL(bits)                                                                    \
	CTRL("cr0", bits, GDB_REG_CR0), CTRL("cr2", bits, GDB_REG_CR2),                  \
	CTRL("cr3", bits, GDB_REG_CR3), CTRL("cr4", bits, GDB_REG_CR4),                  \
	CTRL("cr8", bits, GDB_REG_CR8), CTRL("efer", 64, GDB_REG_EFER)

static const struct gdb_reg regs_x86_64[] = {
	GPR("rax", GPR_RAX, "int64"), GPR("rbx", GPR_RBX, "int64"), GPR("rcx", GPR_RCX, "int64"),
	GPR("rdx", GPR_RDX, "int64"), GPR("rsi", GPR_RSI, "int64"), GPR("rdi", GPR_RDI, "int64"),
	GPR("rbp", GPR_RBP, "data_ptr"), GPR("rsp", GPR_RSP, "data_ptr"),
	GPR("r8", GPR_R8, "int64"), GPR("r9", GPR_R9, "int64"), GPR("r10", GPR_R10, "int64"),
	GPR("r11", GPR_R11, "int64"), GPR("r12", GPR_R12, "int64"), GPR("r13", GPR_R13, "int64"),
	GPR("r14", GPR_R14, "int64"), GPR("r15", GPR_R15, "int64"),
	{ "rip", 64, "code_ptr", NULL, CORE, GDB_REG_RIP, 0 },
	{ "eflags", 32, "i386_eflags", NULL, CORE, GDB_REG_RFLAGS, 0 },
	SELECTORS,
	X87_REGS,
	BASE("fs_base", 64, SEG_FS, SEGMENTS), BASE("gs_base", 64, SEG_GS, SEGMENTS),
	BASE("cs_base", 64, SEG_CS, SYS), BASE("ss_base", 64, SEG_SS, SYS),
	BASE("ds_base", 64, SEG_DS, SYS), BASE("es_base", 64, SEG_ES, SYS),
	CONTROL(64),
};

static const struct gdb_reg regs_i386[] = {
	GPR32("eax", GPR_RAX, "int32"), GPR32("ecx", GPR_RCX, "int32"), GPR32("edx", GPR_RDX, "int32"),
	GPR32("ebx", GPR_RBX, "int32"), GPR32("esp", GPR_RSP, "data_ptr"),
	GPR32("ebp", GPR_RBP, "data_ptr"), GPR32("esi", GPR_RSI, "int32"), GPR32("edi", GPR_RDI, "int32"),
	{ "eip", 32, "code_ptr", NULL, CORE, GDB_REG_RIP, 0 },
	{ "eflags", 32, "i386_eflags", NULL, CORE, GDB_REG_RFLAGS, 0 },
	SELECTORS,
	X87_REGS,
	BASE("cs_base", 32, SEG_CS, SYS), BASE("ss_base", 32, SEG_SS, SYS),
	BASE("ds_base", 32, SEG_DS, SYS), BASE("es_base", 32, SEG_ES, SYS),
	BASE("fs_base", 32, SEG_FS, SYS), BASE("gs_base", 32, SEG_GS, SYS),
	CONTROL(32),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct gdb_reg *gdb_regs_table(enum gdb_arch arch, size_t *count)
{
	if (arch == GDB_ARCH_X86_64) {
		*count = COUNT(regs_x86_64);
		return regs_x86_64;
	}
	*count = COUNT(regs_i386);
	return regs_i386;
}

size_t gdb_regs_size(enum gdb_arch arch)
{
	size_t n, bytes = 0;
	const struct gdb_reg *t = gdb_regs_table(arch, &n);
	for (size_t i = 0; i < n; i++)
		bytes += t[i].bits / 8u;
	return bytes;
}

enum gdb_arch gdb_arch_for(const struct cpu_state *cpu)
{
	if (cpu->efer & EFER_LMA)
		return GDB_ARCH_X86_64;
	return cpu_mode_width(cpu_mode_of(cpu)) == 16 ? GDB_ARCH_I8086 : GDB_ARCH_I386;
}

/* Where a register's value is kept; NULL for a selector (16 bits) and
 * for the absent ones. */
static uint64_t *home_of(const struct gdb_reg *reg, struct cpu_state *cpu)
{
	switch (reg->home) {
	case GDB_REG_GPR: return &cpu->gpr[reg->index];
	case GDB_REG_RIP: return &cpu->rip;
	case GDB_REG_RFLAGS: return &cpu->rflags;
	case GDB_REG_BASE: return &cpu->seg[reg->index].base;
	case GDB_REG_CR0: return &cpu->cr0;
	case GDB_REG_CR2: return &cpu->cr2;
	case GDB_REG_CR3: return &cpu->cr3;
	case GDB_REG_CR4: return &cpu->cr4;
	case GDB_REG_CR8: return &cpu->cr8;
	case GDB_REG_EFER: return &cpu->efer;
	default: return NULL;
	}
}

bool gdb_reg_get(const struct gdb_reg *reg, const struct cpu_state *cpu, uint8_t *out)
{
	uint64_t v;
	if (reg->home == GDB_REG_ABSENT)
		return false;
	if (reg->home == GDB_REG_SELECTOR)
		v = cpu->seg[reg->index].selector;
	else
		v = *home_of(reg, (struct cpu_state *)cpu); /* only read */
	for (unsigned i = 0; i < reg->bits / 8u; i++)
		out[i] = (uint8_t)(v >> (8 * i));
	return true;
}

static bool real_addressing(const struct cpu_state *cpu)
{
	return !(cpu->cr0 & CR0_PE) || (cpu->rflags & RFLAGS_VM);
}

bool gdb_reg_set(const struct gdb_reg *reg, struct cpu_state *cpu, const uint8_t *in)
{
	uint64_t v = 0;
	unsigned bytes = reg->bits / 8u;
	if (reg->home == GDB_REG_ABSENT)
		return false;
	for (unsigned i = 0; i < bytes && i < 8; i++)
		v |= (uint64_t)in[i] << (8 * i);
	if (reg->home == GDB_REG_SELECTOR) {
		struct cpu_segment *s = &cpu->seg[reg->index];
		s->selector = (uint16_t)v;
		if (real_addressing(cpu))
			s->base = (uint64_t)s->selector << 4;
		return true;
	}
	uint64_t *home = home_of(reg, cpu);
	uint64_t keep = bytes >= 8 ? 0 : ~0ull << (8 * bytes);
	*home = (*home & keep) | v;
	return true;
}
