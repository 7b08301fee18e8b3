/* SPDX-License-Identifier: MIT */
/* cpu_state.h - the vCPU's registers, in kvm-tui's own terms.
 *
 * The vmm fills this from KVM's sync regs; the UI reads it from the snapshot.
 * No KVM types here: the UI must not depend on <linux/kvm.h>.
 */
#ifndef KVMTUI_CPU_STATE_H
#define KVMTUI_CPU_STATE_H

#include <stdint.h>

/* General registers in KVM's order (struct kvm_regs). */
enum gpr {
	GPR_RAX, GPR_RBX, GPR_RCX, GPR_RDX, GPR_RSI, GPR_RDI, GPR_RSP, GPR_RBP,
	GPR_R8, GPR_R9, GPR_R10, GPR_R11, GPR_R12, GPR_R13, GPR_R14, GPR_R15,
	GPR_COUNT
};

struct cpu_segment {
	uint64_t base;
	uint32_t limit;
	uint16_t selector;
	uint8_t type;     /* 4-bit descriptor type */
	uint8_t present;
	uint8_t dpl;
	uint8_t db;       /* default operand size: 1 = 32-bit */
	uint8_t s;        /* 1 = code/data, 0 = system */
	uint8_t l;        /* 64-bit code segment */
	uint8_t g;        /* limit in 4 KiB units */
	uint8_t avl;
	uint8_t unusable;
	uint8_t pad;
};

struct cpu_dtable {
	uint64_t base;
	uint16_t limit;
	uint16_t pad[3];
};

enum seg_index { SEG_CS, SEG_DS, SEG_ES, SEG_FS, SEG_GS, SEG_SS, SEG_TR, SEG_LDT, SEG_COUNT };

/* The 8259A pair as the vCPU pane shows it, bit n for IRQ n (the slave's
 * IRQ 8-15 in the high byte): kvm-tui's own PICs or KVM's in-kernel ones. */
struct cpu_irq_lines {
	uint16_t irr;   /* requested, waiting for the CPU */
	uint16_t isr;   /* in service: taken, not yet ended by an EOI */
	uint16_t imr;   /* masked */
	uint8_t valid;  /* CPU_IRQ_LINES_VALID once read; 0: none to show (older recordings) */
	uint8_t pad;
};
#define CPU_IRQ_LINES_VALID 1

struct cpu_state {
	uint64_t gpr[GPR_COUNT];
	uint64_t rip;
	uint64_t rflags;
	struct cpu_segment seg[SEG_COUNT];
	struct cpu_dtable gdt, idt;
	uint64_t cr0, cr2, cr3, cr4, cr8, efer, apic_base;
	uint64_t exits;      /* exits taken when this was captured */
	uint32_t generation; /* which VM (bumps at reset) */
	uint32_t valid;      /* 0 until the first capture */
	/* Appended last: a recording's register words keep their places. */
	struct cpu_irq_lines irq; /* the PICs, as of the last registers published */
};

_Static_assert(sizeof(struct cpu_state) % 8 == 0, "copied word by word");

/* The CPU mode in words, derived from CR0/EFER/CS as the processor does. */
enum cpu_mode_now {
	MODE_REAL,      /* CR0.PE = 0 */
	MODE_PROT16,    /* protected, 16-bit code segment */
	MODE_PROT32,    /* protected, 32-bit code segment, no paging */
	MODE_PAGED32,   /* protected with paging (32-bit or PAE) */
	MODE_COMPAT,    /* long mode, 32/16-bit code segment */
	MODE_LONG64,    /* long mode, 64-bit code segment */
	MODE_VM86,      /* virtual-8086 (RFLAGS.VM) */
};

enum cpu_mode_now cpu_mode_of(const struct cpu_state *cpu);
const char *cpu_mode_name(enum cpu_mode_now mode); /* "REAL", "PROTECTED 16", "PROTECTED 32", "PAGED 32", "COMPAT 32", "LONG 64", "VM86" */
int cpu_mode_width(enum cpu_mode_now mode);         /* register width in bits: 16, 32 or 64 */

#endif
