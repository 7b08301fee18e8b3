/* SPDX-License-Identifier: MIT */
/* numfmt.c - compact numbers for the statistics and the key bar. */
#include "numfmt.h"

#include <inttypes.h>
#include <stdio.h>

void numfmt_count(char *buf, size_t n, uint64_t v)
{
	static const char units[] = "kMGTPE";
	if (v < 1000) {
		snprintf(buf, n, "%" PRIu64, v);
		return;
	}
	double d = (double)v;
	int u = -1;
	while (d >= 999.5 && u < 5) {
		d /= 1000.0;
		u++;
	}
	if (d < 9.995)
		snprintf(buf, n, "%.2g%c", d, units[u]);
	else
		snprintf(buf, n, "%.0f%c", d, units[u]);
}

void numfmt_duration(char *buf, size_t n, uint64_t ns)
{
	uint64_t s = ns / 1000000000ull;
	if (ns < 1000000ull)
		snprintf(buf, n, "%" PRIu64 "us", ns / 1000);
	else if (ns < 1000000000ull)
		snprintf(buf, n, "%.1fms", (double)ns / 1e6);
	else if (s < 10)
		snprintf(buf, n, "%.2fs", (double)ns / 1e9);
	else if (s < 60)
		snprintf(buf, n, "%.1fs", (double)ns / 1e9);
	else if (s < 3600)
		snprintf(buf, n, "%" PRIu64 "m%02" PRIu64 "s", s / 60, s % 60);
	else
		snprintf(buf, n, "%" PRIu64 "h%02" PRIu64 "m", s / 3600, s / 60 % 60);
}
