/* SPDX-License-Identifier: MIT */
/* counters.c - exact exit counts. Relaxed atomics: each count is exact on its
 * own, and no reader needs the counters ordered against anything else. */
#include "counters.h"

void counters_reset(struct exit_counters *c, uint64_t start_ns)
{
	for (unsigned i = 0; i < EXIT_REASON_MAX; i++)
		atomic_store_explicit(&c->by_reason[i], 0, memory_order_relaxed);
	atomic_store_explicit(&c->total, 0, memory_order_relaxed);
	atomic_store_explicit(&c->start_ns, start_ns, memory_order_release);
}

/* Only the vCPU thread writes the counters, so a relaxed load and store
 * count exactly without a locked read-modify-write on every exit. */
static void bump(_Atomic uint64_t *v)
{
	atomic_store_explicit(v, atomic_load_explicit(v, memory_order_relaxed) + 1, memory_order_relaxed);
}

void counters_count(struct exit_counters *c, unsigned reason)
{
	if (reason >= EXIT_REASON_MAX)
		reason = EXIT_UNKNOWN;
	bump(&c->by_reason[reason]);
	bump(&c->total);
}

uint64_t counters_total(const struct exit_counters *c)
{
	return atomic_load_explicit(&c->total, memory_order_relaxed);
}

uint64_t counters_get(const struct exit_counters *c, unsigned reason)
{
	/* Out-of-range numbers were counted as UNKNOWN; answering 0 for them
	 * keeps a sum over any range of reasons equal to the total. */
	if (reason >= EXIT_REASON_MAX)
		return 0;
	return atomic_load_explicit(&c->by_reason[reason], memory_order_relaxed);
}
