/* SPDX-License-Identifier: MIT */
/* guest_clock.c - guest time that stops while the vCPU is paused. */
#include "guest_clock.h"

void guest_clock_start(struct guest_clock *c, uint64_t host_now)
{
	atomic_store(&c->origin, host_now);
	atomic_store(&c->stopped_at, 0);
}

void guest_clock_stop(struct guest_clock *c, uint64_t host_now)
{
	if (atomic_load(&c->stopped_at) == 0)
		atomic_store(&c->stopped_at, host_now ? host_now : 1);
}

/* The time spent stopped moves the origin on: guest time resumes where it froze. */
void guest_clock_run(struct guest_clock *c, uint64_t host_now)
{
	uint64_t stopped = atomic_load(&c->stopped_at);
	if (stopped == 0)
		return;
	if (host_now > stopped)
		atomic_fetch_add(&c->origin, host_now - stopped);
	atomic_store(&c->stopped_at, 0);
}

uint64_t guest_clock_at(const struct guest_clock *c, uint64_t host_now)
{
	uint64_t stopped = atomic_load(&c->stopped_at);
	uint64_t origin = atomic_load(&c->origin);
	uint64_t at = stopped ? stopped : host_now;
	return at > origin ? at - origin : 0;
}

uint64_t guest_clock_host_time(const struct guest_clock *c, uint64_t guest_ns)
{
	return atomic_load(&c->origin) + guest_ns;
}

bool guest_clock_running(const struct guest_clock *c)
{
	return atomic_load(&c->stopped_at) == 0;
}
