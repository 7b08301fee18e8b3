/* SPDX-License-Identifier: MIT */
/* kvm_sampler.c - KVM's in-kernel statistics, sampled a few times a second. */
#include "kvm_sampler.h"

#include <errno.h>
#include <time.h>

#include "sandbox.h"

#define KSTATS_PERIOD_NS 250000000ll

static void sample(struct kvm_sampler *s)
{
	struct kstats ks;
	pthread_mutex_lock(s->reader_lock);
	int rc = kstats_reader_read(s->reader, &ks);
	pthread_mutex_unlock(s->reader_lock);
	if (rc == 0 && s->sink->kstats)
		s->sink->kstats(s->sink->ctx, &ks);
}

static void advance(struct timespec *t, long long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

/* Counts only move while the guest runs: while it is paused or stopped this
 * thread sleeps without a timeout, so a halted VM causes no wakeups. */
static void *sampler_main(void *arg)
{
	struct kvm_sampler *s = arg;
	sandbox_enter(SANDBOX_SAMPLER);
	struct timespec next;
	clock_gettime(CLOCK_MONOTONIC, &next);
	pthread_mutex_lock(&s->lock);
	while (!s->stopping) {
		if (s->sample_now || s->running) {
			s->sample_now = false;
			pthread_mutex_unlock(&s->lock);
			sample(s);
			pthread_mutex_lock(&s->lock);
			clock_gettime(CLOCK_MONOTONIC, &next);
			advance(&next, KSTATS_PERIOD_NS);
		}
		if (s->stopping || s->sample_now)
			continue;
		if (!s->running) {
			pthread_cond_wait(&s->wake, &s->lock);
			continue;
		}
		/* Timed wait, not sleep: a stop must not wait a period. */
		while (!s->stopping && !s->sample_now &&
		       pthread_cond_timedwait(&s->wake, &s->lock, &next) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

int kvm_sampler_start(struct kvm_sampler *s, struct kstats_reader *reader, pthread_mutex_t *reader_lock,
		      const struct backend_sink *sink)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&s->wake, &attr);
	pthread_condattr_destroy(&attr);
	pthread_mutex_init(&s->lock, NULL);
	s->stopping = s->running = s->sample_now = false;
	s->reader = reader;
	s->reader_lock = reader_lock;
	s->sink = sink;
	int rc = pthread_create(&s->thread, NULL, sampler_main, s);
	s->started = rc == 0;
	return -rc;
}

void kvm_sampler_state(struct kvm_sampler *s, bool running)
{
	if (!s->started)
		return;
	pthread_mutex_lock(&s->lock);
	if (s->running != running) {
		s->running = running;
		s->sample_now = true; /* the kernel's counts as the guest starts or stops */
		pthread_cond_signal(&s->wake);
	}
	pthread_mutex_unlock(&s->lock);
}

void kvm_sampler_stop(struct kvm_sampler *s)
{
	if (!s->started)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = true;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	s->started = false;
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
}
