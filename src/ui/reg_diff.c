/* SPDX-License-Identifier: MIT */
/* reg_diff.c - changed-register detection (see reg_diff.h). */
#include "reg_diff.h"

#include <stddef.h>


static int seg_differs(const struct cpu_segment *a, const struct cpu_segment *b)
{
	return a->base != b->base || a->limit != b->limit || a->selector != b->selector ||
	       a->type != b->type || a->present != b->present || a->dpl != b->dpl ||
	       a->db != b->db || a->s != b->s || a->l != b->l || a->g != b->g ||
	       a->avl != b->avl || a->unusable != b->unusable;
}

static int dtable_differs(const struct cpu_dtable *a, const struct cpu_dtable *b)
{
	return a->base != b->base || a->limit != b->limit;
}

uint64_t reg_diff(const struct cpu_state *a, const struct cpu_state *b)
{
	uint64_t d = 0;
	for (int i = 0; i < GPR_COUNT; i++)
		if (a->gpr[i] != b->gpr[i])
			d |= REG_BIT(RF_GPR + i);
	for (int i = 0; i < SEG_COUNT; i++)
		if (seg_differs(&a->seg[i], &b->seg[i]))
			d |= REG_BIT(RF_SEG + i);
	const struct { uint64_t x, y; int field; } words[] = {
		{ a->rip, b->rip, RF_RIP },	  { a->rflags, b->rflags, RF_RFLAGS },
		{ a->cr0, b->cr0, RF_CR0 },	  { a->cr2, b->cr2, RF_CR2 },
		{ a->cr3, b->cr3, RF_CR3 },	  { a->cr4, b->cr4, RF_CR4 },
		{ a->cr8, b->cr8, RF_CR8 },	  { a->efer, b->efer, RF_EFER },
		{ a->apic_base, b->apic_base, RF_APIC_BASE },
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].x != words[i].y)
			d |= REG_BIT(words[i].field);
	if (dtable_differs(&a->gdt, &b->gdt))
		d |= REG_BIT(RF_GDT);
	if (dtable_differs(&a->idt, &b->idt))
		d |= REG_BIT(RF_IDT);
	return d;
}
