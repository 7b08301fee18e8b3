/* SPDX-License-Identifier: MIT */
/* ring.c - the lock-free SPSC event ring (see ring.h for the contract).
 *
 * head is written only by the producer, tail only by the consumer; both grow
 * without wrapping (64 bits never overflow here) and are masked to index a
 * slot. A release store of an index publishes the slots it covers, the
 * acquire load on the other side makes them visible.
 */
#define _GNU_SOURCE
#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

/* Long enough to let the consumer drain a batch, short enough that a stalled
 * guest resumes within a frame of the consumer catching up. */
#define RING_FULL_SLEEP_NS 30000L

/* gcc's TSan does not model fences and warns about them (-Wtsan). The fences
 * below are still the right tool, and TSan needs no help from them: no plain
 * memory is published through them, only the sleep handshake's two flags. */
#if defined(__SANITIZE_THREAD__) && defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wtsan"
#endif

int ring_init(struct ring *ring, size_t capacity)
{
	if (capacity < 2 || (capacity & (capacity - 1)) != 0)
		return -EINVAL;
	if (capacity > SIZE_MAX / sizeof(struct event))
		return -EINVAL;
	memset(ring, 0, sizeof(*ring));
	ring->wakeup_fd = -1; /* so ring_destroy after a failed init closes nothing */
	ring->slots = aligned_alloc(RING_CACHE_LINE, capacity * sizeof(struct event));
	if (!ring->slots)
		return -ENOMEM;
	/* Non-blocking so ring_consumer_sleep_end can drain without blocking. */
	ring->wakeup_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ring->wakeup_fd < 0) {
		int err = errno;
		free(ring->slots);
		ring->slots = NULL;
		ring->wakeup_fd = -1;
		return -err;
	}
	ring->mask = capacity - 1;
	return 0;
}

void ring_destroy(struct ring *ring)
{
	free(ring->slots);
	ring->slots = NULL;
	if (ring->wakeup_fd >= 0)
		close(ring->wakeup_fd);
	ring->wakeup_fd = -1;
}

/* Producer half of the sleep handshake. The seq_cst fence pairs with the one
 * in ring_consumer_sleep_begin: either the consumer sees our new head, or we
 * see its sleeping flag. Exchanging the flag back to 0 means one eventfd
 * write per sleep, however many records follow. */
static void ring_wake_consumer(struct ring *ring)
{
	atomic_thread_fence(memory_order_seq_cst);
	if (!atomic_load_explicit(&ring->consumer_sleeping, memory_order_relaxed))
		return;
	if (!atomic_exchange_explicit(&ring->consumer_sleeping, 0, memory_order_relaxed))
		return;
	uint64_t one = 1;
	/* Only fails if the counter would overflow: the consumer is awake then. */
	if (write(ring->wakeup_fd, &one, sizeof(one)) == (ssize_t)sizeof(one))
		atomic_fetch_add_explicit(&ring->wakeups, 1, memory_order_relaxed);
}

static bool ring_has_room(struct ring *ring, uint64_t head)
{
	uint64_t capacity = ring->mask + 1;
	if (head - ring->cached_tail < capacity)
		return true;
	ring->cached_tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
	return head - ring->cached_tail < capacity;
}

/* Copies ev into the next slot and publishes it; no wakeup. */
static bool ring_put(struct ring *ring, const struct event *ev)
{
	if (atomic_load_explicit(&ring->closed, memory_order_relaxed))
		return false;
	uint64_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
	if (!ring_has_room(ring, head))
		return false;
	ring->slots[head & ring->mask] = *ev;
	atomic_store_explicit(&ring->head, head + 1, memory_order_release);
	return true;
}

bool ring_try_push(struct ring *ring, const struct event *ev)
{
	if (!ring_put(ring, ev))
		return false;
	ring_wake_consumer(ring);
	return true;
}

bool ring_push_quiet(struct ring *ring, const struct event *ev)
{
	if (ring_put(ring, ev))
		return true;
	atomic_fetch_add_explicit(&ring->full_waits, 1, memory_order_relaxed);
	const struct timespec pause = { 0, RING_FULL_SLEEP_NS };
	while (!atomic_load_explicit(&ring->closed, memory_order_acquire)) {
		/* Records pushed quietly may not have woken the consumer yet. */
		ring_wake_consumer(ring);
		nanosleep(&pause, NULL);
		if (ring_put(ring, ev))
			return true;
	}
	return false;
}

bool ring_push(struct ring *ring, const struct event *ev)
{
	bool pushed = ring_push_quiet(ring, ev);
	ring_wake_consumer(ring);
	return pushed;
}

void ring_notify(struct ring *ring)
{
	ring_wake_consumer(ring);
}

static size_t ring_available(struct ring *ring, uint64_t tail, size_t want)
{
	uint64_t avail = ring->cached_head - tail;
	if (avail < want) {
		ring->cached_head = atomic_load_explicit(&ring->head, memory_order_acquire);
		avail = ring->cached_head - tail;
	}
	return avail < want ? (size_t)avail : want;
}

size_t ring_pop_batch(struct ring *ring, struct event *out, size_t max)
{
	uint64_t tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
	size_t n = ring_available(ring, tail, max);
	for (size_t i = 0; i < n; i++)
		out[i] = ring->slots[(tail + i) & ring->mask];
	if (n)
		atomic_store_explicit(&ring->tail, tail + n, memory_order_release);
	return n;
}

bool ring_pop(struct ring *ring, struct event *out)
{
	return ring_pop_batch(ring, out, 1) == 1;
}

size_t ring_count(struct ring *ring)
{
	uint64_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
	uint64_t head = atomic_load_explicit(&ring->head, memory_order_acquire);
	/* Tail first: head only grows, so it cannot be behind the tail we saw. */
	return (size_t)(head - tail);
}

bool ring_consumer_sleep_begin(struct ring *ring)
{
	atomic_store_explicit(&ring->consumer_sleeping, 1, memory_order_relaxed);
	atomic_thread_fence(memory_order_seq_cst); /* pairs with ring_wake_consumer */
	uint64_t tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
	uint64_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
	if (head == tail)
		return true;
	/* Records are waiting: stop the producer paying for eventfd writes. */
	atomic_store_explicit(&ring->consumer_sleeping, 0, memory_order_relaxed);
	return false;
}

void ring_consumer_sleep_end(struct ring *ring)
{
	atomic_store_explicit(&ring->consumer_sleeping, 0, memory_order_relaxed);
	/* A late write may still land after this drain; that costs one spurious
	 * wakeup later, never a lost one. */
	uint64_t count;
	while (read(ring->wakeup_fd, &count, sizeof(count)) == (ssize_t)sizeof(count))
		;
}

int ring_wakeup_fd(const struct ring *ring)
{
	return ring->wakeup_fd;
}

void ring_close(struct ring *ring)
{
	atomic_store_explicit(&ring->closed, 1, memory_order_release);
}
