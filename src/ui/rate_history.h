/* SPDX-License-Identifier: MIT */
/* rate_history.h - exits per second over the last minute.
 *
 * Fed the exact exit total whenever the UI looks; splits it into
 * one-second buckets for the statistics pane's sparkline. Pure: the caller
 * passes the time.
 */
#ifndef KVMTUI_RATE_HISTORY_H
#define KVMTUI_RATE_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#define RATE_SECONDS 60

struct rate_history {
	uint64_t per_sec[RATE_SECONDS]; /* ring of completed seconds */
	uint64_t completed;             /* seconds completed since reset */
	uint64_t origin_ns;             /* start of second 0 */
	uint64_t bucket_start_total;    /* exit total when the current second began */
	uint64_t last_total;
};

void rate_history_reset(struct rate_history *r, uint64_t now_ns, uint64_t total);
/* A smaller total than before means the counters were reset (a new VM). */
void rate_history_update(struct rate_history *r, uint64_t now_ns, uint64_t total);
/* Completed seconds, oldest first, at most n (and RATE_SECONDS); returns how many. */
size_t rate_history_samples(const struct rate_history *r, uint64_t *out, size_t n);
/* Exits in the last completed second (0 before the first). */
uint64_t rate_history_now(const struct rate_history *r);

#endif
