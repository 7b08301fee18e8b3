/* SPDX-License-Identifier: MIT */
/* cpu_capture.c - between KVM's struct kvm_regs/kvm_sregs and struct cpu_state. */
#include "cpu_capture.h"

#include <string.h>

static void capture_segment(struct cpu_segment *out, const struct kvm_segment *s)
{
	out->base = s->base;
	out->limit = s->limit;
	out->selector = s->selector;
	out->type = s->type;
	out->present = s->present;
	out->dpl = s->dpl;
	out->db = s->db;
	out->s = s->s;
	out->l = s->l;
	out->g = s->g;
	out->avl = s->avl;
	out->unusable = s->unusable;
	out->pad = 0;
}

static void capture_gprs(uint64_t *gpr, const struct kvm_regs *r)
{
	const uint64_t values[GPR_COUNT] = {
		r->rax, r->rbx, r->rcx, r->rdx, r->rsi, r->rdi, r->rsp, r->rbp,
		r->r8, r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15,
	};
	memcpy(gpr, values, sizeof(values));
}

void cpu_capture(struct cpu_state *out, const struct kvm_regs *regs, const struct kvm_sregs *sregs)
{
	capture_gprs(out->gpr, regs);
	out->rip = regs->rip;
	out->rflags = regs->rflags;
	capture_segment(&out->seg[SEG_CS], &sregs->cs);
	capture_segment(&out->seg[SEG_DS], &sregs->ds);
	capture_segment(&out->seg[SEG_ES], &sregs->es);
	capture_segment(&out->seg[SEG_FS], &sregs->fs);
	capture_segment(&out->seg[SEG_GS], &sregs->gs);
	capture_segment(&out->seg[SEG_SS], &sregs->ss);
	capture_segment(&out->seg[SEG_TR], &sregs->tr);
	capture_segment(&out->seg[SEG_LDT], &sregs->ldt);
	out->gdt = (struct cpu_dtable){ .base = sregs->gdt.base, .limit = sregs->gdt.limit };
	out->idt = (struct cpu_dtable){ .base = sregs->idt.base, .limit = sregs->idt.limit };
	out->cr0 = sregs->cr0;
	out->cr2 = sregs->cr2;
	out->cr3 = sregs->cr3;
	out->cr4 = sregs->cr4;
	out->cr8 = sregs->cr8;
	out->efer = sregs->efer;
	out->apic_base = sregs->apic_base;
	out->valid = 1;
}

static void apply_segment(struct kvm_segment *out, const struct cpu_segment *s)
{
	out->base = s->base;
	out->limit = s->limit;
	out->selector = s->selector;
	out->type = s->type;
	out->present = s->present;
	out->dpl = s->dpl;
	out->db = s->db;
	out->s = s->s;
	out->l = s->l;
	out->g = s->g;
	out->avl = s->avl;
	out->unusable = s->unusable;
}

void cpu_apply(const struct cpu_state *in, struct kvm_regs *regs, struct kvm_sregs *sregs)
{
	const uint64_t *g = in->gpr;
	*regs = (struct kvm_regs){
		.rax = g[GPR_RAX], .rbx = g[GPR_RBX], .rcx = g[GPR_RCX], .rdx = g[GPR_RDX],
		.rsi = g[GPR_RSI], .rdi = g[GPR_RDI], .rsp = g[GPR_RSP], .rbp = g[GPR_RBP],
		.r8 = g[GPR_R8], .r9 = g[GPR_R9], .r10 = g[GPR_R10], .r11 = g[GPR_R11],
		.r12 = g[GPR_R12], .r13 = g[GPR_R13], .r14 = g[GPR_R14], .r15 = g[GPR_R15],
		.rip = in->rip, .rflags = in->rflags,
	};
	apply_segment(&sregs->cs, &in->seg[SEG_CS]);
	apply_segment(&sregs->ds, &in->seg[SEG_DS]);
	apply_segment(&sregs->es, &in->seg[SEG_ES]);
	apply_segment(&sregs->fs, &in->seg[SEG_FS]);
	apply_segment(&sregs->gs, &in->seg[SEG_GS]);
	apply_segment(&sregs->ss, &in->seg[SEG_SS]);
	apply_segment(&sregs->tr, &in->seg[SEG_TR]);
	apply_segment(&sregs->ldt, &in->seg[SEG_LDT]);
	sregs->gdt.base = in->gdt.base;
	sregs->gdt.limit = in->gdt.limit;
	sregs->idt.base = in->idt.base;
	sregs->idt.limit = in->idt.limit;
	sregs->cr0 = in->cr0;
	sregs->cr2 = in->cr2;
	sregs->cr3 = in->cr3;
	sregs->cr4 = in->cr4;
	sregs->cr8 = in->cr8;
	sregs->efer = in->efer;
	sregs->apic_base = in->apic_base;
}
