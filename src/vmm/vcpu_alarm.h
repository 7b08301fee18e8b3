/* SPDX-License-Identifier: MIT */
/* vcpu_alarm.h - the machine's one host timer: it kicks the vCPU thread out
 * of KVM_RUN at a deadline.
 *
 * With KVM's in-kernel irqchip the vCPU thread sleeps inside KVM_RUN while
 * the guest halts, so nothing of kvm-tui runs until something kicks it: a
 * console request, or this alarm, when one of kvm-tui's own devices (the
 * CMOS clock) is due to raise its line, or to look whether the guest has
 * stopped for good (HLT with interrupts off). A POSIX timer that sends the
 * kick signal (vcpu_kick.c) to the vCPU thread itself: no thread of its own.
 */
#ifndef KVMTUI_VCPU_ALARM_H
#define KVMTUI_VCPU_ALARM_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct vcpu_alarm {
	bool created;
	timer_t timer;
	uint64_t armed; /* CLOCK_MONOTONIC ns it goes off at; 0: not armed */
};

/* On the vCPU thread: the alarm will kick this thread. 0, or -errno. */
int vcpu_alarm_create(struct vcpu_alarm *a);
/* Go off at `at` (CLOCK_MONOTONIC ns) or earlier. An alarm still to come
 * before `at` is kept (whoever it wakes looks again), so a vCPU exiting
 * often re-arms once per alarm, not once per exit. */
void vcpu_alarm_at(struct vcpu_alarm *a, uint64_t at, uint64_t now);
void vcpu_alarm_destroy(struct vcpu_alarm *a);

#endif
