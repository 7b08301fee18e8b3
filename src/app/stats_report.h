/* SPDX-License-Identifier: MIT */
/* stats_report.h - the --stats summary: exits per reason and per second,
 * then interrupts per IRQ line when there were any, then the PC speaker's
 * notes when it sounded. */
#ifndef KVMTUI_STATS_REPORT_H
#define KVMTUI_STATS_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "counters.h"
#include "irq_counts.h"
#include "speaker_tally.h"

/* irqs and speaker may be NULL (no lines for them then). */
void stats_report(FILE *out, struct exit_counters *counters, const struct irq_counts *irqs,
		  const struct speaker_tally *speaker, uint64_t elapsed_ns);
/* "KVM's own counters: not available: WHY" when why is not NULL: said once
 * rather than leaving a class to wonder why the kernel's side is missing. */
void stats_report_kstats(FILE *out, const char *why);

#endif
