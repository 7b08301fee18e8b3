/* SPDX-License-Identifier: MIT */
/* gdb_regs.h - gdb's register numbers and where each lives in struct
 * cpu_state (include/cpu_state.h), for the two target descriptions.
 *
 * gdb numbers a remote target's registers in the order of its target
 * description (gdb_tdesc.h, generated from these same tables, so the two
 * cannot disagree); the `g` packet is all of them in that order, each
 * little-endian, and `p N`/`P N=` address one by that number.
 *
 *  x86-64 (long mode)                   i386 (real, 16- and 32-bit modes)
 *  ------------------------------       ---------------------------------
 *   0-15  rax rbx rcx rdx rsi rdi        0-7   eax ecx edx ebx esp ebp esi
 *         rbp rsp r8-r15  gpr[]                edi (gdb's i386 order) gpr[]
 *   16    rip             rip            8     eip      low 32 bits of rip
 *   17    eflags          rflags         9     eflags   rflags
 *   18-23 cs ss ds es fs gs  .selector   10-15 cs ss ds es fs gs .selector
 *   24-39 st0-7, fctrl..fop  x87         16-31 st0-7, fctrl..fop  x87
 *   40-41 fs_base gs_base  seg[].base    32-37 cs_base ss_base ds_base
 *   42-45 cs_base ss_base ds_base              es_base fs_base gs_base
 *         es_base          seg[].base    38-43 cr0 cr2 cr3 cr4 cr8 efer
 *   46-51 cr0 cr2 cr3 cr4 cr8 efer
 *
 * The x87 registers are in gdb's core feature, which gdb requires whole,
 * but kvm-tui does not capture the FPU: the stub reports them unavailable
 * ("xx" bytes in `g`, gdb shows <unavailable>) and refuses writes. SSE is
 * optional in gdb's descriptions and left out. fs_base and gs_base sit in
 * gdb's segments feature for x86-64; gdb 13 rejects that feature on i386
 * without SSE, so there they are in kvm-tui's own feature with the other
 * bases and the control registers (org.kvm-tui.x86.sys: gdb shows them as
 * $cs_base, $cr0, ... in `info registers` and expressions).
 *
 * Writes of 32-bit registers in the i386 layout keep the upper half of the
 * 64-bit register. A segment register written in real or virtual-8086 mode
 * also sets its base to selector * 16, as a mov to it would; in protected
 * mode only the selector changes (no descriptor is loaded).
 */
#ifndef KVMTUI_GDB_REGS_H
#define KVMTUI_GDB_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

/* I8086 has the registers of I386 (gdb knows no 16-bit layout) and says
 * "i8086" as its architecture: only that makes gdb 13 decode 16-bit code
 * (a later `set architecture i8086` over an i386 description does not). */
enum gdb_arch { GDB_ARCH_I386, GDB_ARCH_X86_64, GDB_ARCH_I8086 };

enum gdb_reg_home {
	GDB_REG_GPR,      /* gpr[index] */
	GDB_REG_RIP,
	GDB_REG_RFLAGS,
	GDB_REG_SELECTOR, /* seg[index].selector */
	GDB_REG_BASE,     /* seg[index].base */
	GDB_REG_CR0, GDB_REG_CR2, GDB_REG_CR3, GDB_REG_CR4, GDB_REG_CR8, GDB_REG_EFER,
	GDB_REG_ABSENT,   /* the x87 registers: not captured */
};

struct gdb_reg {
	const char *name;
	uint8_t bits;
	const char *type;     /* a gdb target-description type */
	const char *group;    /* NULL: gdb's default */
	const char *feature;  /* the target-description feature it belongs to */
	enum gdb_reg_home home;
	uint8_t index;
};

/* The registers of arch in gdb's numbering; *count gets how many. */
const struct gdb_reg *gdb_regs_table(enum gdb_arch arch, size_t *count);
/* Bytes of all of them together: the length of a `g` reply in bytes. */
size_t gdb_regs_size(enum gdb_arch arch);
/* The description to serve for a CPU in this state: x86-64 in long mode,
 * i8086 while its code is 16-bit (real mode, VM86, a 16-bit segment),
 * i386 otherwise. */
enum gdb_arch gdb_arch_for(const struct cpu_state *cpu);

/* One register's value, little-endian, bits/8 bytes into out. false: the
 * register is not available (the x87 ones). */
bool gdb_reg_get(const struct gdb_reg *reg, const struct cpu_state *cpu, uint8_t *out);
/* Sets it from bits/8 little-endian bytes. false: it cannot be written. */
bool gdb_reg_set(const struct gdb_reg *reg, struct cpu_state *cpu, const uint8_t *in);

#endif
