/* SPDX-License-Identifier: MIT */
/* irq_counts.c - interrupts per IRQ line (see irq_counts.h). */
#include "irq_counts.h"

#include <string.h>

void irq_counts_clear(struct irq_counts *c)
{
	memset(c, 0, sizeof(*c));
}

void irq_counts_add(struct irq_counts *c, const struct event *ev)
{
	if (ev->kind != EVENT_IRQ || ev->u.irq.irq >= IRQ_LINES || ev->u.irq.how == IRQ_LINE_LOWERED)
		return;
	c->total++;
	c->by_line[ev->u.irq.irq]++;
}
