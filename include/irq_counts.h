/* SPDX-License-Identifier: MIT */
/* irq_counts.h - interrupts counted per IRQ line, on the consumer's side.
 *
 * Counted from the ring's EVENT_IRQ records, which are never dropped, so
 * the counts are exact; the consumer (the TUI's intake, the headless
 * console) owns its copy and clears it with a new generation. Pure.
 */
#ifndef KVMTUI_IRQ_COUNTS_H
#define KVMTUI_IRQ_COUNTS_H

#include <stdint.h>

#include "event.h"
#include "irq_describe.h"

struct irq_counts {
	uint64_t total;
	uint64_t by_line[IRQ_LINES];
};

void irq_counts_clear(struct irq_counts *c);
/* Counts an injection or a raised line (a lowered line is the same
 * interrupt ending, not a new one); other records are ignored. */
void irq_counts_add(struct irq_counts *c, const struct event *ev);

#endif
