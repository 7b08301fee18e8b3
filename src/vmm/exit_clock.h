/* SPDX-License-Identifier: MIT */
/* exit_clock.h - a cheap CLOCK_MONOTONIC for stamping every VM exit.
 *
 * clock_gettime() costs ~110 ns here (a vDSO read of a paravirtual clock),
 * about 1% of an exit round trip. The TSC, scaled by a rate measured against
 * CLOCK_MONOTONIC and re-synchronised every few milliseconds, gives the same
 * time for ~20 ns. Used only where the CPU says its TSC is invariant
 * (constant_tsc and nonstop_tsc); elsewhere it is plain clock_gettime().
 */
#ifndef KVMTUI_EXIT_CLOCK_H
#define KVMTUI_EXIT_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Where time and ticks come from: NULL in struct exit_clock means
 * CLOCK_MONOTONIC and RDTSC; tests substitute a simulated machine. */
struct exit_clock_source {
	uint64_t (*now_ns)(void *ctx);
	uint64_t (*tsc)(void *ctx);
	void *ctx;
};

struct exit_clock {
	bool use_tsc;
	bool anchored;                /* base_ns/base_tsc hold a trusted pair */
	bool calibrated;              /* ns_per_tick measured */
	const struct exit_clock_source *src;
	uint64_t base_ns, base_tsc;   /* a recent (CLOCK_MONOTONIC, TSC) pair */
	double ns_per_tick;
	uint64_t next_sync_tsc;       /* re-read CLOCK_MONOTONIC from here on */
	uint64_t last_ns;             /* never go backwards */
};

void exit_clock_init(struct exit_clock *c);
/* The same clock over another source, the TSC path always on (tests). */
void exit_clock_init_source(struct exit_clock *c, const struct exit_clock_source *src);
uint64_t exit_clock_now(struct exit_clock *c); /* CLOCK_MONOTONIC ns, approximately */

/* Whether /proc/cpuinfo-style flags text promises an invariant TSC. */
bool exit_clock_tsc_invariant(const char *cpuinfo_flags);

#endif
