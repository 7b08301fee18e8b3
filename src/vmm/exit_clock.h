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

struct exit_clock {
	bool use_tsc;
	bool calibrated;
	uint64_t base_ns, base_tsc;   /* a recent (CLOCK_MONOTONIC, TSC) pair */
	double ns_per_tick;
	uint64_t next_sync_tsc;       /* re-read CLOCK_MONOTONIC from here on */
	uint64_t last_ns;             /* never go backwards */
};

void exit_clock_init(struct exit_clock *c);
uint64_t exit_clock_now(struct exit_clock *c); /* CLOCK_MONOTONIC ns, approximately */

/* Whether /proc/cpuinfo-style flags text promises an invariant TSC. */
bool exit_clock_tsc_invariant(const char *cpuinfo_flags);

#endif
