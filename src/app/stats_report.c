/* stats_report.c - printing the exact exit counters. */
#include "stats_report.h"

#include <inttypes.h>

void stats_report(FILE *out, struct exit_counters *c, uint64_t elapsed_ns)
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
}
