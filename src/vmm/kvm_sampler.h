/* SPDX-License-Identifier: MIT */
/* kvm_sampler.h - a thread that samples KVM's in-kernel statistics.
 *
 * A thread of its own, because a guest spinning without exits keeps the vCPU
 * thread inside KVM_RUN, and that is exactly when the kernel's counts move.
 * It is the only thread that publishes them (one writer for their seqlock):
 * a few times a second while the vCPU runs, and once whenever it stops.
 */
#ifndef KVMTUI_KVM_SAMPLER_H
#define KVMTUI_KVM_SAMPLER_H

#include <pthread.h>
#include <stdbool.h>

#include "cpu_backend.h"
#include "kstats_reader.h"

struct kvm_sampler {
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping, running, sample_now; /* under lock */
	struct kstats_reader *reader;       /* read under *reader_lock (a reset replaces it) */
	pthread_mutex_t *reader_lock;
	const struct backend_sink *sink;
};

int kvm_sampler_start(struct kvm_sampler *s, struct kstats_reader *reader, pthread_mutex_t *reader_lock,
		      const struct backend_sink *sink);
/* The vCPU changed state: sample now, and keep sampling while it runs. */
void kvm_sampler_state(struct kvm_sampler *s, bool running);
void kvm_sampler_stop(struct kvm_sampler *s);

#endif
