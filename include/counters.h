/* SPDX-License-Identifier: MIT */
/* counters.h - exact exit counts, shared by the vCPU (writer) and consumers.
 *
 * The console's exit log may be bounded, these counts never are: every exit
 * is counted here by the vCPU thread before anything else happens to it.
 */
#ifndef KVMTUI_COUNTERS_H
#define KVMTUI_COUNTERS_H

#include <stdatomic.h>
#include <stdint.h>

#include "event.h"

struct exit_counters {
	_Atomic uint64_t total;
	_Atomic uint64_t by_reason[EXIT_REASON_MAX];
	_Atomic uint64_t start_ns;   /* CLOCK_MONOTONIC when the VM (re)started */
};

void counters_reset(struct exit_counters *c, uint64_t start_ns);
/* Single writer: only the vCPU thread counts. reason >= MAX counts as UNKNOWN. */
void counters_count(struct exit_counters *c, unsigned reason);
uint64_t counters_total(const struct exit_counters *c);
uint64_t counters_get(const struct exit_counters *c, unsigned reason);

#endif
