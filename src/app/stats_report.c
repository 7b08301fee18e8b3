/* SPDX-License-Identifier: MIT */
/* stats_report.c - printing the exact exit counters, the interrupts and
 * the speaker. */
#include "stats_report.h"

#include <inttypes.h>

/* "  IRQ0 timer ..." lines: the IRQ's name first, so scripts that read
 * "REASON N" lines (the exit counts) never take one for an exit. */
static void irq_report(FILE *out, const struct irq_counts *irqs, double secs)
{
	if (!irqs || !irqs->total)
		return;
	fprintf(out, "interrupts: %" PRIu64 " total, %.0f/s\n", irqs->total, secs > 0 ? irqs->total / secs : 0.0);
	for (unsigned line = 0; line < IRQ_LINES; line++) {
		uint64_t n = irqs->by_line[line];
		if (n)
			fprintf(out, "  IRQ%-2u %-10s %12" PRIu64 " %8.1f/s\n", line, irq_source_name(line), n,
				secs > 0 ? n / secs : 0.0);
	}
}

/* "speaker: sounded 8 times, last 523.3 Hz": lower case and a colon, like
 * the interrupts line, so no script takes it for an exit count. Nothing at
 * all when it never sounded, or nothing could tell (--irqchip kernel). */
static void speaker_report(FILE *out, const struct speaker_tally *s)
{
	if (!s || !s->notes)
		return;
	fprintf(out, "speaker: sounded %" PRIu64 " time%s, last %.1f Hz\n", s->notes, s->notes == 1 ? "" : "s",
		s->last_hz);
}

void stats_report(FILE *out, struct exit_counters *c, const struct irq_counts *irqs,
		  const struct speaker_tally *speaker, uint64_t elapsed_ns)
{
	uint64_t total = counters_total(c);
	double secs = elapsed_ns / 1e9;
	fprintf(out, "exits: %" PRIu64 " total in %.6f s, %.0f exits/s\n", total, secs,
		secs > 0 ? total / secs : 0.0);
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++) {
		uint64_t n = counters_get(c, r);
		if (n)
			fprintf(out, "  %-16s %12" PRIu64 " %6.1f%%\n", exit_reason_name(r), n,
				100.0 * n / (total ? total : 1));
	}
	irq_report(out, irqs, secs);
	speaker_report(out, speaker);
}

void stats_report_kstats(FILE *out, const char *why)
{
	if (why)
		fprintf(out, "KVM's own counters: not available: %s\n", why);
}
