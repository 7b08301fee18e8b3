/* cpu_capture.c - from struct kvm_regs/kvm_sregs to struct cpu_state. */
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
