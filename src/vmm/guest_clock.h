/* SPDX-License-Identifier: MIT */
/* guest_clock.h - the guest's time: the host's monotonic clock, stopped
 * while the console has the vCPU paused.
 *
 * A timer device (the PIT, the RTC's periodic interrupt) counts in guest
 * time, so pausing a guest freezes its ticks instead of letting them pile
 * up, and a single step sees at most the ticks of that step. Only the vCPU
 * thread changes the clock; any thread may read it.
 */
#ifndef KVMTUI_GUEST_CLOCK_H
#define KVMTUI_GUEST_CLOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct guest_clock {
	_Atomic uint64_t origin;    /* host ns at guest time 0, plus all the time spent stopped */
	_Atomic uint64_t stopped_at; /* host ns when stopped; 0 while running */
};

/* Starts at guest time 0, running, at host time now. */
void guest_clock_start(struct guest_clock *c, uint64_t host_now);
void guest_clock_stop(struct guest_clock *c, uint64_t host_now);
void guest_clock_run(struct guest_clock *c, uint64_t host_now);
/* Guest ns at host time host_now (frozen while stopped). */
uint64_t guest_clock_at(const struct guest_clock *c, uint64_t host_now);
/* The host time at which the guest clock reaches guest_ns (if it runs on). */
uint64_t guest_clock_host_time(const struct guest_clock *c, uint64_t guest_ns);
bool guest_clock_running(const struct guest_clock *c);

#endif
