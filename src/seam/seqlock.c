/* SPDX-License-Identifier: MIT */
/* seqlock.c - see seqlock.h. The fences follow Boehm, "Can seqlocks get along
 * with programming language memory models?" (MSPC 2012): relaxed data words
 * bracketed by fences, so the writer never waits for readers. */
#include "seqlock.h"

#include <sched.h>
#include <string.h>

void seqlock_write(_Atomic uint64_t *seq, _Atomic uint64_t *words,
		   const void *src, size_t nwords)
{
	uint64_t s = atomic_load_explicit(seq, memory_order_relaxed);
	atomic_store_explicit(seq, s + 1, memory_order_relaxed);
	/* Keeps the word stores below from being seen before the odd sequence. */
	atomic_thread_fence(memory_order_release);
	const unsigned char *p = src;
	for (size_t i = 0; i < nwords; i++) {
		uint64_t w;
		memcpy(&w, p + i * sizeof(w), sizeof(w)); /* src need not be aligned */
		atomic_store_explicit(&words[i], w, memory_order_relaxed);
	}
	atomic_store_explicit(seq, s + 2, memory_order_release);
}

static uint64_t seqlock_wait_even(_Atomic uint64_t *seq)
{
	unsigned spins = 0;
	uint64_t s;
	/* A writer preempted mid-copy would keep us spinning: yield now and then. */
	while ((s = atomic_load_explicit(seq, memory_order_acquire)) & 1)
		if (++spins % 64 == 0)
			sched_yield();
	return s;
}

uint64_t seqlock_read(_Atomic uint64_t *seq, _Atomic uint64_t *words,
		      void *dst, size_t nwords)
{
	unsigned char *p = dst;
	for (unsigned tries = 1;; tries++) {
		uint64_t before = seqlock_wait_even(seq);
		for (size_t i = 0; i < nwords; i++) {
			uint64_t w = atomic_load_explicit(&words[i], memory_order_relaxed);
			memcpy(p + i * sizeof(w), &w, sizeof(w));
		}
		/* Keeps the word loads above from being satisfied after this check. */
		atomic_thread_fence(memory_order_acquire);
		if (atomic_load_explicit(seq, memory_order_relaxed) == before)
			return before;
		if (tries % 64 == 0)
			sched_yield();
	}
}
