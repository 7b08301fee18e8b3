/* SPDX-License-Identifier: MIT */
/* control.c - console requests to the vCPU thread (see control.h).
 *
 * The request bits are lock-free so the vCPU can poll them between runs for
 * the price of a load; the mutex and condition variable exist only so a
 * paused vCPU can sleep. A requester sets the bits before taking the lock and
 * a waiter tests them under it, so a request cannot slip between the test
 * and the sleep.
 */
#include "control.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

void control_init(struct control *ctl)
{
	atomic_init(&ctl->pending, 0);
	atomic_init(&ctl->state, VCPU_STARTING);
	atomic_init(&ctl->state_changes, 0);
	atomic_init(&ctl->exit_status, 0);
	atomic_init(&ctl->rate_limit, 0);
	atomic_init(&ctl->generation, 0);
	atomic_init(&ctl->seek_target, 0);
	atomic_init(&ctl->replay_speed, REPLAY_SPEED_REAL);
	atomic_init(&ctl->replay_loop, 0);
	atomic_init(&ctl->seek_generation, UINT32_MAX);
	atomic_init(&ctl->notify_kicks, false);
	pthread_mutex_init(&ctl->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	/* Timeouts must not jump with the wall clock. */
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&ctl->wake, &attr);
	pthread_condattr_destroy(&attr);
	ctl->kick = NULL;
	ctl->kick_ctx = NULL;
	ctl->error[0] = '\0';
}

void control_destroy(struct control *ctl)
{
	pthread_cond_destroy(&ctl->wake);
	pthread_mutex_destroy(&ctl->lock);
}

void control_request(struct control *ctl, uint32_t requests)
{
	atomic_fetch_or_explicit(&ctl->pending, requests, memory_order_release);
	pthread_mutex_lock(&ctl->lock);
	bool sleeping = ctl->vcpu_sleeping;
	pthread_cond_broadcast(&ctl->wake);
	pthread_mutex_unlock(&ctl->lock);
	/* A running vCPU is inside KVM_RUN, not on the condvar: knock it out.
	 * A sleeping one is woken by the condvar alone; kicking it too would
	 * make its next KVM_RUN return at once, a spurious INTR exit. */
	if (ctl->kick && !sleeping)
		ctl->kick(ctl->kick_ctx);
}

void control_notify(struct control *ctl, uint32_t requests)
{
	atomic_fetch_or_explicit(&ctl->pending, requests, memory_order_release);
	pthread_mutex_lock(&ctl->lock);
	bool sleeping = ctl->vcpu_sleeping;
	pthread_cond_broadcast(&ctl->wake);
	pthread_mutex_unlock(&ctl->lock);
	if (atomic_load(&ctl->notify_kicks) && ctl->kick && !sleeping)
		ctl->kick(ctl->kick_ctx);
}

void control_set_rate_limit(struct control *ctl, uint32_t exits_per_second)
{
	atomic_store_explicit(&ctl->rate_limit, exits_per_second, memory_order_release);
	control_request(ctl, CTRL_RATE);
}

void control_seek(struct control *ctl, uint64_t target)
{
	atomic_store_explicit(&ctl->seek_target, target, memory_order_release);
	control_request(ctl, CTRL_SEEK);
}

void control_set_replay_speed(struct control *ctl, uint32_t speed)
{
	atomic_store_explicit(&ctl->replay_speed, speed, memory_order_release);
	control_request(ctl, CTRL_RATE); /* a replay waiting for its next exit re-times it */
}

void control_set_replay_loop(struct control *ctl, bool loop)
{
	atomic_store_explicit(&ctl->replay_loop, loop ? 1u : 0u, memory_order_release);
	control_request(ctl, CTRL_RATE); /* a replay idle at its end looks again */
}

enum vcpu_state control_state(const struct control *ctl)
{
	return (enum vcpu_state)atomic_load_explicit(&ctl->state, memory_order_acquire);
}

uint32_t control_take(struct control *ctl)
{
	return atomic_exchange_explicit(&ctl->pending, 0, memory_order_acq_rel);
}

bool control_has_pending(const struct control *ctl)
{
	return atomic_load_explicit(&ctl->pending, memory_order_acquire) != 0;
}

static struct timespec control_deadline(int64_t timeout_ns)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += (time_t)(timeout_ns / 1000000000);
	t.tv_nsec += (long)(timeout_ns % 1000000000);
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	return t;
}

void control_wait(struct control *ctl, int64_t timeout_ns)
{
	struct timespec deadline = { 0, 0 };
	if (timeout_ns >= 0)
		deadline = control_deadline(timeout_ns);
	pthread_mutex_lock(&ctl->lock);
	ctl->vcpu_sleeping = true;
	while (!control_has_pending(ctl)) {
		if (timeout_ns < 0) {
			pthread_cond_wait(&ctl->wake, &ctl->lock);
		} else if (pthread_cond_timedwait(&ctl->wake, &ctl->lock, &deadline) == ETIMEDOUT) {
			break;
		}
	}
	ctl->vcpu_sleeping = false;
	pthread_mutex_unlock(&ctl->lock);
}

void control_set_state(struct control *ctl, enum vcpu_state state)
{
	atomic_store_explicit(&ctl->state, (uint32_t)state, memory_order_release);
	atomic_fetch_add_explicit(&ctl->state_changes, 1, memory_order_release);
}

void control_set_error(struct control *ctl, const char *why)
{
	pthread_mutex_lock(&ctl->lock);
	snprintf(ctl->error, sizeof(ctl->error), "%s", why ? why : "");
	pthread_mutex_unlock(&ctl->lock);
}

void control_error(struct control *ctl, char *buf, size_t len)
{
	pthread_mutex_lock(&ctl->lock);
	snprintf(buf, len, "%s", ctl->error);
	pthread_mutex_unlock(&ctl->lock);
}
