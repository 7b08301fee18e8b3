/* SPDX-License-Identifier: MIT */
/* rate_history.c - per-second exit rates (see rate_history.h). */
#include "rate_history.h"

#include <string.h>

#define NS_PER_SEC 1000000000ull

void rate_history_reset(struct rate_history *r, uint64_t now_ns, uint64_t total)
{
	memset(r, 0, sizeof(*r));
	r->origin_ns = now_ns;
	r->bucket_start_total = total;
	r->last_total = total;
}

static void rate_close_second(struct rate_history *r, uint64_t count)
{
	r->per_sec[r->completed % RATE_SECONDS] = count;
	r->completed++;
}

void rate_history_update(struct rate_history *r, uint64_t now_ns, uint64_t total)
{
	if (total < r->last_total) {
		rate_history_reset(r, now_ns, total);
		return;
	}
	if (now_ns < r->origin_ns)
		now_ns = r->origin_ns;
	uint64_t second = (now_ns - r->origin_ns) / NS_PER_SEC;
	if (second > r->completed) {
		/* Exits seen since the bucket began belong to the first second that
		 * closes; any seconds the UI slept through (paused, halted) were
		 * quiet. More than a minute of them is just a minute of zeros. */
		rate_close_second(r, total - r->bucket_start_total);
		uint64_t idle = second - r->completed;
		if (idle > RATE_SECONDS) {
			r->completed = second - RATE_SECONDS;
			idle = RATE_SECONDS;
		}
		while (idle--)
			rate_close_second(r, 0);
		r->bucket_start_total = total;
	}
	r->last_total = total;
}

size_t rate_history_samples(const struct rate_history *r, uint64_t *out, size_t n)
{
	size_t have = r->completed < RATE_SECONDS ? (size_t)r->completed : RATE_SECONDS;
	if (n > have)
		n = have;
	for (size_t i = 0; i < n; i++)
		out[i] = r->per_sec[(r->completed - n + i) % RATE_SECONDS];
	return n;
}

uint64_t rate_history_now(const struct rate_history *r)
{
	return r->completed ? r->per_sec[(r->completed - 1) % RATE_SECONDS] : 0;
}
