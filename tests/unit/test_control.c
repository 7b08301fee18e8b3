/* SPDX-License-Identifier: MIT */
/* test_control.c - console requests to the vCPU: bits, kicks, sleeping while
 * paused, timeouts, and no request ever lost between test and sleep. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#include "check.h"
#include "control.h"

/* A wait this long means the request that should have ended it was lost. */
#define LOST_NS 3000000000ll

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

struct kick_log {
	atomic_int kicks;
	atomic_uint seen_pending; /* the bits were set before the kick came */
};

static struct control *kick_ctl;

static void kick_cb(void *ctx)
{
	struct kick_log *log = ctx;
	atomic_fetch_add(&log->kicks, 1);
	atomic_store(&log->seen_pending, atomic_load(&kick_ctl->pending));
}

static void test_bits(void)
{
	struct control ctl;
	control_init(&ctl);
	CHECK_EQ(control_state(&ctl), VCPU_STARTING);
	CHECK(!control_has_pending(&ctl));
	CHECK_EQ(control_take(&ctl), 0);
	control_request(&ctl, CTRL_PAUSE); /* no kick set: must not crash */
	control_request(&ctl, CTRL_STEP | CTRL_NEXT_EXIT);
	CHECK(control_has_pending(&ctl));
	CHECK_EQ(control_take(&ctl), CTRL_PAUSE | CTRL_STEP | CTRL_NEXT_EXIT);
	CHECK(!control_has_pending(&ctl));
	CHECK_EQ(control_take(&ctl), 0);
	control_set_state(&ctl, VCPU_PAUSED);
	CHECK_EQ(control_state(&ctl), VCPU_PAUSED);
	control_set_rate_limit(&ctl, 50);
	CHECK_EQ(atomic_load(&ctl.rate_limit), 50);
	CHECK_EQ(control_take(&ctl), CTRL_RATE);
	control_destroy(&ctl);
}

static void test_kick(void)
{
	struct control ctl;
	struct kick_log log = { 0 };
	control_init(&ctl);
	kick_ctl = &ctl;
	ctl.kick = kick_cb;
	ctl.kick_ctx = &log;
	control_request(&ctl, CTRL_QUIT);
	CHECK_EQ(atomic_load(&log.kicks), 1);
	CHECK_EQ(atomic_load(&log.seen_pending), CTRL_QUIT);
	control_request(&ctl, CTRL_RESET);
	CHECK_EQ(atomic_load(&log.kicks), 2);
	CHECK_EQ(control_take(&ctl), CTRL_QUIT | CTRL_RESET);
	control_destroy(&ctl);
}

static void test_wait_timeout(void)
{
	struct control ctl;
	control_init(&ctl);
	uint64_t t0 = now_ns();
	control_wait(&ctl, 50000000); /* 50 ms, nothing pending */
	uint64_t took = now_ns() - t0;
	CHECK(took >= 50000000);
	CHECK(took < 2000000000);
	t0 = now_ns();
	control_wait(&ctl, 0);
	CHECK(now_ns() - t0 < 100000000);
	control_request(&ctl, CTRL_RESUME);
	t0 = now_ns();
	control_wait(&ctl, LOST_NS); /* already pending: no sleep at all */
	control_wait(&ctl, -1);
	CHECK(now_ns() - t0 < 100000000);
	CHECK_EQ(control_take(&ctl), CTRL_RESUME);
	control_destroy(&ctl);
}

/* Ping-pong: the waiter sleeps, the requester wakes it, over and over, so
 * requests keep landing in the window between the waiter's check and its
 * sleep. A lost one shows as a wait that ran into its timeout. */
struct pingpong {
	struct control ctl;
	int rounds;
	atomic_int acked;
	int lost, wrong, waits;
};

static void *waiter_main(void *arg)
{
	struct pingpong *pp = arg;
	for (int i = 0; i < pp->rounds; i++) {
		uint32_t bits;
		while ((bits = control_take(&pp->ctl)) == 0) {
			uint64_t t0 = now_ns();
			control_wait(&pp->ctl, LOST_NS);
			pp->waits++;
			/* The requester always posts within moments of our ack. */
			if (now_ns() - t0 >= (uint64_t)LOST_NS)
				pp->lost++;
		}
		if (bits != CTRL_STEP)
			pp->wrong++;
		atomic_store(&pp->acked, i + 1);
	}
	return NULL;
}

static void test_wait_wakeup(void)
{
	static struct pingpong pp;
	control_init(&pp.ctl);
	pp.rounds = 3000;
	pthread_t t;
	pthread_create(&t, NULL, waiter_main, &pp);
	uint64_t t0 = now_ns();
	for (int i = 0; i < pp.rounds; i++) {
		if (i % 3 == 0) { /* sometimes let the waiter get properly asleep */
			struct timespec d = { 0, 20000 };
			nanosleep(&d, NULL);
		}
		control_request(&pp.ctl, CTRL_STEP);
		while (atomic_load(&pp.acked) != i + 1)
			sched_yield();
	}
	pthread_join(t, NULL);
	printf("control: %d round trips, %d waits, in %.3f s\n", pp.rounds, pp.waits,
	       (double)(now_ns() - t0) / 1e9);
	CHECK_EQ(pp.lost, 0);
	CHECK_EQ(pp.wrong, 0);
	CHECK(pp.waits >= pp.rounds / 3); /* the waiter really slept */
	CHECK_EQ(atomic_load(&pp.acked), pp.rounds);
	control_destroy(&pp.ctl);
}

/* A paused vCPU waits with no timeout; one request must release it. */
struct sleeper {
	struct control *ctl;
	atomic_int woke;
};

static void *sleeper_main(void *arg)
{
	struct sleeper *s = arg;
	control_wait(s->ctl, -1);
	atomic_store(&s->woke, 1);
	return NULL;
}

static void test_wait_forever(void)
{
	struct control ctl;
	control_init(&ctl);
	struct sleeper s = { .ctl = &ctl };
	pthread_t t;
	pthread_create(&t, NULL, sleeper_main, &s);
	struct timespec d = { 0, 50000000 };
	nanosleep(&d, NULL);
	CHECK_EQ(atomic_load(&s.woke), 0);
	control_request(&ctl, CTRL_RESUME);
	pthread_join(t, NULL);
	CHECK_EQ(atomic_load(&s.woke), 1);
	CHECK_EQ(control_take(&ctl), CTRL_RESUME);
	control_destroy(&ctl);
}

int main(void)
{
	test_bits();
	test_kick();
	test_wait_timeout();
	test_wait_forever();
	test_wait_wakeup();
	return check_done();
}
