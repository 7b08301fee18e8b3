/* SPDX-License-Identifier: MIT */
/* vcpu_alarm.c - a POSIX timer that sends the kick signal to the vCPU thread. */
#define _GNU_SOURCE
#include "vcpu_alarm.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "vcpu_kick.h"

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid /* glibc before 2.38 spells it so */
#endif

int vcpu_alarm_create(struct vcpu_alarm *a)
{
	struct sigevent sev;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID; /* this thread, not any thread of the process */
	sev.sigev_signo = VCPU_KICK_SIGNAL;
	sev.sigev_notify_thread_id = gettid();
	a->armed = 0;
	a->created = timer_create(CLOCK_MONOTONIC, &sev, &a->timer) == 0;
	return a->created ? 0 : -errno;
}

void vcpu_alarm_at(struct vcpu_alarm *a, uint64_t at, uint64_t now)
{
	if (!a->created || (a->armed > now && a->armed <= at))
		return;
	struct itimerspec its;
	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = (time_t)(at / 1000000000u);
	its.it_value.tv_nsec = (long)(at % 1000000000u);
	if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
		its.it_value.tv_nsec = 1; /* all zeros would disarm it */
	if (timer_settime(a->timer, TIMER_ABSTIME, &its, NULL) == 0)
		a->armed = at;
}

void vcpu_alarm_destroy(struct vcpu_alarm *a)
{
	if (a->created)
		timer_delete(a->timer);
	a->created = false;
	a->armed = 0;
}
