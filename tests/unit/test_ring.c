/* SPDX-License-Identifier: MIT */
/* test_ring.c - the SPSC event ring: order, no loss, full waits, sleeping
 * consumers that are always woken, and close releasing a waiting producer. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "ring.h"

/* Long enough to mean "never woken", short enough to fail within the budget. */
#define LOST_WAKEUP_MS 3000

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void sleep_us(long us)
{
	struct timespec t = { us / 1000000, (us % 1000000) * 1000 };
	nanosleep(&t, NULL);
}

/* Busy, not sleeping or yielding: on a loaded machine sched_yield can hand
 * the CPU away for a whole time slice, and sleeps are never this short. */
static void spin_ns(uint64_t ns)
{
	uint64_t end = now_ns() + ns;
	while (now_ns() < end)
		;
}

static struct event make_event(uint64_t seq)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .seq = seq };
	ev.rip = ~seq; /* a second copy of seq, to catch a half-written slot */
	ev.u.io.count = (uint32_t)seq;
	return ev;
}

/* Every record must be the next one, whole. */
struct order_check {
	uint64_t expect;
	uint64_t bad;
};

static void order_see(struct order_check *oc, const struct event *ev)
{
	if (ev->seq != oc->expect || ev->rip != ~oc->expect ||
	    ev->u.io.count != (uint32_t)oc->expect || ev->kind != EVENT_EXIT) {
		if (oc->bad++ < 5)
			fprintf(stderr, "record %llu: got seq %llu\n",
				(unsigned long long)oc->expect, (unsigned long long)ev->seq);
	}
	oc->expect = ev->seq + 1;
}

static void test_init_errors(void)
{
	struct ring r;
	r.wakeup_fd = -1;
	CHECK_EQ(ring_init(&r, 0), (unsigned long long)-EINVAL);
	CHECK_EQ(ring_init(&r, 1), (unsigned long long)-EINVAL);
	CHECK_EQ(ring_init(&r, 12), (unsigned long long)-EINVAL);
	CHECK_EQ(ring_init(&r, 2), 0);
	CHECK((uintptr_t)r.slots % RING_CACHE_LINE == 0);
	CHECK(r.wakeup_fd >= 0);
	ring_destroy(&r);
}

static void test_single_thread(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 8), 0);
	struct event ev;
	CHECK(!ring_pop(&r, &ev));
	for (uint64_t i = 1; i <= 8; i++)
		CHECK(ring_try_push(&r, &(struct event){ .seq = i }));
	CHECK(!ring_try_push(&r, &(struct event){ .seq = 9 }));
	CHECK_EQ(ring_count(&r), 8);
	struct event out[5];
	CHECK_EQ(ring_pop_batch(&r, out, 5), 5);
	CHECK_EQ(out[0].seq, 1);
	CHECK_EQ(out[4].seq, 5);
	/* Wrap around the end of the slots. */
	for (uint64_t i = 9; i <= 13; i++)
		CHECK(ring_try_push(&r, &(struct event){ .seq = i }));
	uint64_t expect = 6;
	while (ring_pop(&r, &ev))
		CHECK_EQ(ev.seq, expect++);
	CHECK_EQ(expect, 14);
	CHECK_EQ(ring_count(&r), 0);
	CHECK_EQ(atomic_load(&r.full_waits), 0);
	CHECK_EQ(atomic_load(&r.wakeups), 0); /* nobody slept: no system calls */
	ring_destroy(&r);
}

/* A consumer that sleeps the way the UI does when the ring is empty. */
struct consumer {
	struct ring *ring;
	uint64_t records;
	size_t batch;
	long pause_every, pause_us; /* a slow consumer, to force full waits */
	struct order_check order;
	uint64_t polls, timeouts;
	_Atomic uint64_t *ack; /* if set: how many records were consumed so far */
};

static void consumer_sleep(struct consumer *c)
{
	if (c->timeouts) { /* already failed: finish quickly, do not wait again */
		sched_yield();
		return;
	}
	if (ring_consumer_sleep_begin(c->ring)) {
		struct pollfd p = { .fd = ring_wakeup_fd(c->ring), .events = POLLIN };
		int rc = poll(&p, 1, LOST_WAKEUP_MS);
		c->polls++;
		if (rc == 0 && ring_count(c->ring) > 0)
			c->timeouts++; /* records waited, nobody woke us */
	}
	ring_consumer_sleep_end(c->ring);
}

static void *consumer_main(void *arg)
{
	struct consumer *c = arg;
	struct event buf[64];
	uint64_t got = 0;
	while (got < c->records) {
		size_t n = ring_pop_batch(c->ring, buf, c->batch);
		for (size_t i = 0; i < n; i++)
			order_see(&c->order, &buf[i]);
		if (c->pause_every && n && (got / c->pause_every != (got + n) / c->pause_every))
			sleep_us(c->pause_us);
		got += n;
		if (c->ack && n)
			atomic_store(c->ack, got);
		if (n == 0)
			consumer_sleep(c);
	}
	return NULL;
}

struct producer {
	struct ring *ring;
	uint64_t records;
	long gap_us; /* > 0: let the consumer fall asleep between records */
	unsigned pause_every; /* > 0: short bursts, the consumer catches up */
	_Atomic uint64_t *ack; /* if set: wait for each record to be consumed */
	uint64_t failed;
};

static void *producer_main(void *arg)
{
	struct producer *p = arg;
	for (uint64_t i = 1; i <= p->records; i++) {
		struct event ev = make_event(i);
		if (!ring_push(p->ring, &ev))
			p->failed++;
		if (p->gap_us)
			sleep_us(p->gap_us);
		if (p->pause_every && i % p->pause_every == 0)
			spin_ns(2000);
		while (p->ack && atomic_load(p->ack) < i)
			;
	}
	return NULL;
}

static void run_pair(struct ring *r, struct producer *p, struct consumer *c)
{
	pthread_t pt, ct;
	c->ring = p->ring = r;
	c->records = p->records;
	c->order.expect = 1;
	if (!c->batch)
		c->batch = 64;
	pthread_create(&ct, NULL, consumer_main, c);
	pthread_create(&pt, NULL, producer_main, p);
	pthread_join(pt, NULL);
	pthread_join(ct, NULL);
}

static void test_millions(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 1024), 0);
	uint64_t records = 5000000;
	struct producer p = { .records = records };
	struct consumer c = { .batch = 64 };
	uint64_t t0 = now_ns();
	run_pair(&r, &p, &c);
	double secs = (double)(now_ns() - t0) / 1e9;
	CHECK_EQ(p.failed, 0);
	CHECK_EQ(c.order.bad, 0);
	CHECK_EQ(c.order.expect, records + 1);
	CHECK_EQ(c.timeouts, 0);
	CHECK_EQ(ring_count(&r), 0);
	printf("millions: %llu records in %.2f s (%.1f M/s), %llu full waits, %llu sleeps, %llu wakeups\n",
	       (unsigned long long)records, secs, (double)records / secs / 1e6,
	       (unsigned long long)atomic_load(&r.full_waits), (unsigned long long)c.polls,
	       (unsigned long long)atomic_load(&r.wakeups));
	ring_destroy(&r);
}

static void test_full_waits(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 4), 0);
	/* The consumer naps every 500 records: the producer must wait, not drop. */
	struct producer p = { .records = 20000 };
	struct consumer c = { .batch = 3, .pause_every = 500, .pause_us = 2000 };
	run_pair(&r, &p, &c);
	CHECK_EQ(p.failed, 0);
	CHECK_EQ(c.order.bad, 0);
	CHECK_EQ(c.order.expect, 20001);
	CHECK(atomic_load(&r.full_waits) >= 20);
	CHECK_EQ(c.timeouts, 0);
	ring_destroy(&r);
}

static void test_wakeup_protocol(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 16), 0);
	struct pollfd pfd = { .fd = ring_wakeup_fd(&r), .events = POLLIN };
	CHECK(ring_consumer_sleep_begin(&r)); /* empty: may sleep */
	CHECK_EQ(poll(&pfd, 1, 0), 0);
	struct event ev = make_event(1);
	CHECK(ring_push(&r, &ev));
	CHECK_EQ(poll(&pfd, 1, 0), 1); /* the producer signalled */
	CHECK(ring_push(&r, &ev));
	CHECK_EQ(atomic_load(&r.wakeups), 1); /* once per sleep, not per record */
	ring_consumer_sleep_end(&r);
	CHECK_EQ(poll(&pfd, 1, 0), 0); /* end drained the eventfd */
	CHECK(!ring_consumer_sleep_begin(&r)); /* records waiting: do not sleep */
	ring_consumer_sleep_end(&r);
	CHECK(ring_push(&r, &ev));
	CHECK_EQ(atomic_load(&r.wakeups), 1); /* awake consumer: no write */
	ring_destroy(&r);
}

/* The producer trickles records so the consumer really blocks in poll() for
 * each; a lost wakeup shows as a poll timeout with records waiting. */
static void test_blocking_consumer(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 64), 0);
	struct producer p = { .records = 300, .gap_us = 1000 };
	struct consumer c = { .batch = 64 };
	run_pair(&r, &p, &c);
	CHECK_EQ(c.order.bad, 0);
	CHECK_EQ(c.order.expect, 301);
	CHECK_EQ(c.timeouts, 0);
	CHECK(c.polls >= 150); /* it slept between most records */
	CHECK(atomic_load(&r.wakeups) >= 150);
	CHECK(atomic_load(&r.wakeups) <= 300);
	ring_destroy(&r);
}

/* Bursts with short pauses between them: the consumer keeps hitting the gap
 * between finding the ring empty and blocking, where wakeups get lost. */
static void test_wakeup_races(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 256), 0);
	struct producer p = { .records = 200000, .pause_every = 7 };
	struct consumer c = { .batch = 4 };
	run_pair(&r, &p, &c);
	CHECK_EQ(c.order.bad, 0);
	CHECK_EQ(c.order.expect, 200001);
	CHECK_EQ(c.timeouts, 0);
	ring_destroy(&r);
}

/* One record at a time: no later push can rescue a lost wakeup, and each
 * push lands right as the consumer goes to sleep. This is what the seq_cst
 * fences are for. */
static void test_pingpong(void)
{
	struct ring r;
	static _Atomic uint64_t ack;
	CHECK_EQ(ring_init(&r, 16), 0);
	struct producer p = { .records = 50000, .ack = &ack };
	struct consumer c = { .batch = 16, .ack = &ack };
	uint64_t t0 = now_ns();
	run_pair(&r, &p, &c);
	printf("pingpong: %llu round trips in %.2f s, %llu sleeps\n",
	       (unsigned long long)p.records, (double)(now_ns() - t0) / 1e9,
	       (unsigned long long)c.polls);
	CHECK_EQ(c.order.bad, 0);
	CHECK_EQ(c.order.expect, p.records + 1);
	CHECK_EQ(c.timeouts, 0);
	ring_destroy(&r);
}

struct blocked_push {
	struct ring *ring;
	atomic_int done;
	bool result;
};

static void *blocked_push_main(void *arg)
{
	struct blocked_push *b = arg;
	struct event ev = make_event(3);
	b->result = ring_push(b->ring, &ev);
	atomic_store(&b->done, 1);
	return NULL;
}

static void test_close_releases_producer(void)
{
	struct ring r;
	CHECK_EQ(ring_init(&r, 2), 0);
	CHECK(ring_push(&r, &(struct event){ .seq = 1 }));
	CHECK(ring_push(&r, &(struct event){ .seq = 2 }));
	struct blocked_push b = { .ring = &r, .result = true };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, blocked_push_main, &b), 0);
	uint64_t deadline = check_deadline_ms(10000);
	while (atomic_load(&r.full_waits) == 0 && check_before(deadline))
		;
	CHECK_EQ(atomic_load(&r.full_waits), 1); /* the push found the ring full */
	CHECK_EQ(atomic_load(&b.done), 0);       /* and is still waiting */
	uint64_t t0 = now_ns();
	ring_close(&r);
	pthread_join(t, NULL);
	CHECK(now_ns() - t0 < 1000000000u);
	CHECK(!b.result);
	CHECK(!ring_try_push(&r, &(struct event){ .seq = 4 }));
	CHECK(!ring_push(&r, &(struct event){ .seq = 4 }));
	ring_destroy(&r);
}

/* Each part prints its time: a slow one on a busy machine is worth seeing. */
static void timed(const char *name, void (*test)(void))
{
	uint64_t t0 = now_ns();
	test();
	printf("%-28s %.3f s\n", name, (double)(now_ns() - t0) / 1e9);
}

#define TIMED(test) timed(#test, test)

int main(void)
{
	TIMED(test_init_errors);
	TIMED(test_single_thread);
	TIMED(test_wakeup_protocol);
	TIMED(test_close_releases_producer);
	TIMED(test_full_waits);
	TIMED(test_blocking_consumer);
	TIMED(test_wakeup_races);
	TIMED(test_pingpong);
	TIMED(test_millions);
	return check_done();
}
