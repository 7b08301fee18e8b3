/* SPDX-License-Identifier: MIT */
/* vcpu_kick.c - SIGUSR1 + immediate_exit. */
#include "vcpu_kick.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

/* Each vCPU thread's own kvm_run; the handler runs on that thread. */
static __thread struct kvm_run *volatile bound_run;

static void kick_handler(int sig)
{
	(void)sig;
	struct kvm_run *run = bound_run;
	if (run)
		run->immediate_exit = 1;
}

int vcpu_kick_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = kick_handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: KVM_RUN must return EINTR */
	if (sigaction(VCPU_KICK_SIGNAL, &sa, NULL) < 0)
		return -errno;
	return 0;
}

void vcpu_kick_bind(struct kvm_run *run)
{
	bound_run = run;
}

void vcpu_kick_thread(pthread_t thread)
{
	pthread_kill(thread, VCPU_KICK_SIGNAL);
}
