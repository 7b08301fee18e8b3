/* SPDX-License-Identifier: MIT */
/* ring.h - the lock-free single-producer single-consumer event ring.
 *
 * The vCPU thread pushes, one consumer (UI or headless) pops. Head and tail
 * each live on their own cache line and each side caches the other's index,
 * so the common case touches no shared line. Pushing waits (and counts the
 * wait) when the ring is full: nothing is ever dropped.
 *
 * Sleeping: the consumer announces it is about to sleep with
 * ring_consumer_sleep_begin(); if that returns true it may block on
 * ring_wakeup_fd() (an eventfd). The producer writes the eventfd only when
 * the consumer announced sleep, so a busy consumer costs no system calls.
 */
#ifndef KVMTUI_RING_H
#define KVMTUI_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

#define RING_CACHE_LINE 64

struct ring {
	/* producer's line */
	_Alignas(RING_CACHE_LINE) _Atomic uint64_t head;
	uint64_t cached_tail;
	/* consumer's line */
	_Alignas(RING_CACHE_LINE) _Atomic uint64_t tail;
	uint64_t cached_head;
	/* shared, rarely written */
	_Alignas(RING_CACHE_LINE) _Atomic uint32_t consumer_sleeping;
	_Atomic uint32_t closed;       /* consumer gone: pushes return false */
	_Atomic uint64_t full_waits;   /* pushes that found the ring full */
	_Atomic uint64_t wakeups;      /* eventfd writes by the producer */
	uint64_t mask;
	struct event *slots;
	int wakeup_fd;
};

/* capacity: a power of two >= 2. Returns 0, or -errno. */
int ring_init(struct ring *ring, size_t capacity);
void ring_destroy(struct ring *ring);

/* Producer. ring_try_push never blocks; ring_push waits while full (sleeping
 * briefly) and returns false only if the ring was closed. Both wake a sleeping
 * consumer. */
bool ring_try_push(struct ring *ring, const struct event *ev);
bool ring_push(struct ring *ring, const struct event *ev);
/* A producer pushing several records in a row (one VM exit's worth) pushes
 * them quietly and then notifies once: one StoreLoad fence instead of one
 * per record. Quiet pushes still wait (and wake the consumer) when full. */
bool ring_push_quiet(struct ring *ring, const struct event *ev);
/* Wakes a sleeping consumer. Safe from any thread: others use it to tell
 * the consumer that something beside the ring (e.g. kstats) changed. */
void ring_notify(struct ring *ring);

/* Consumer. Returns how many records were copied to out (at most max). */
size_t ring_pop_batch(struct ring *ring, struct event *out, size_t max);
bool ring_pop(struct ring *ring, struct event *out);
size_t ring_count(struct ring *ring); /* approximate from either side */

/* Consumer sleep protocol: begin returns false if records arrived meanwhile
 * (do not sleep). After waking (or deciding not to sleep) call end, which
 * also drains the eventfd. */
bool ring_consumer_sleep_begin(struct ring *ring);
void ring_consumer_sleep_end(struct ring *ring);
int ring_wakeup_fd(const struct ring *ring);

/* The consumer is going away: wake a producer waiting on a full ring. */
void ring_close(struct ring *ring);

#endif
