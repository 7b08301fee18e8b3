/* stats_report.h - the --stats summary: exits per reason and per second,
 * then interrupts per IRQ line when there were any. */
#ifndef KVMTUI_STATS_REPORT_H
#define KVMTUI_STATS_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "counters.h"
#include "irq_counts.h"

/* irqs may be NULL (no interrupt lines then). */
void stats_report(FILE *out, struct exit_counters *counters, const struct irq_counts *irqs,
		  uint64_t elapsed_ns);

#endif
