/* SPDX-License-Identifier: MIT */
/* vcpu_kick.h - making a running KVM_RUN return, without races.
 *
 * The console sends SIGUSR1 to the vCPU thread; the handler sets the current
 * kvm_run's immediate_exit. If the signal lands inside KVM_RUN, KVM returns
 * with EINTR; if it lands just before, immediate_exit makes the next KVM_RUN
 * return at once. Either way the request is seen (KVM API: immediate_exit).
 */
#ifndef KVMTUI_VCPU_KICK_H
#define KVMTUI_VCPU_KICK_H

#include <linux/kvm.h>
#include <pthread.h>
#include <signal.h>

#define VCPU_KICK_SIGNAL SIGUSR1 /* also what the machine's alarm sends (vcpu_alarm.c) */

/* Installs the handler once per process. 0, or -errno. */
int vcpu_kick_install(void);
/* Called by the vCPU thread whenever its kvm_run mapping changes. */
void vcpu_kick_bind(struct kvm_run *run);
/* From any thread: kick that vCPU thread. */
void vcpu_kick_thread(pthread_t thread);

#endif
