/* vm_kstats.c - sample KVM's in-kernel statistics a few times a second.
 *
 * A thread of its own, because a guest spinning without exits keeps the vCPU
 * thread inside KVM_RUN, and that is exactly when the kernel's counts move.
 */
#include <errno.h>
#include <time.h>

#include "vm_internal.h"

#define KSTATS_PERIOD_NS 250000000ll

void vm_kstats_sample(struct vm *vm)
{
	struct kstats ks;
	pthread_mutex_lock(&vm->machine_lock);
	int rc = kstats_reader_read(&vm->kstats, &ks);
	pthread_mutex_unlock(&vm->machine_lock);
	if (rc == 0) {
		ks.generation = atomic_load(&vm->seam->control.generation);
		kstats_publish(&vm->seam->kstats, &ks);
		/* A console asleep over a halted guest should still see the new
		 * counts: waking it is safe from any thread (an atomic flag and an
		 * eventfd write), unlike pushing into the ring. */
		ring_notify(&vm->seam->ring);
	}
}

static void advance(struct timespec *t, long long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

static bool vcpu_running(struct vm *vm)
{
	return atomic_load(&vm->seam->control.state) == VCPU_RUNNING;
}

/* Counts only move while the guest runs. The vCPU thread samples itself at
 * every change of state (see set_state), so while the guest is paused or
 * stopped this thread sleeps without a timeout: no wakeups at all. */
static void *sampler_main(void *arg)
{
	struct vm *vm = arg;
	struct timespec next;
	pthread_mutex_lock(&vm->sampler_lock);
	while (!atomic_load(&vm->stopping)) {
		while (!atomic_load(&vm->stopping) && !vcpu_running(vm))
			pthread_cond_wait(&vm->sampler_wake, &vm->sampler_lock);
		clock_gettime(CLOCK_MONOTONIC, &next);
		while (!atomic_load(&vm->stopping) && vcpu_running(vm)) {
			pthread_mutex_unlock(&vm->sampler_lock);
			vm_kstats_sample(vm);
			pthread_mutex_lock(&vm->sampler_lock);
			advance(&next, KSTATS_PERIOD_NS);
			/* Timed wait, not sleep: vm_destroy must not wait a period. */
			while (!atomic_load(&vm->stopping) &&
			       pthread_cond_timedwait(&vm->sampler_wake, &vm->sampler_lock, &next) != ETIMEDOUT)
				;
		}
	}
	pthread_mutex_unlock(&vm->sampler_lock);
	return NULL;
}

void vm_kstats_wake(struct vm *vm)
{
	if (!vm->sampler_running)
		return;
	pthread_mutex_lock(&vm->sampler_lock);
	pthread_cond_signal(&vm->sampler_wake);
	pthread_mutex_unlock(&vm->sampler_lock);
}

int vm_kstats_start(struct vm *vm)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&vm->sampler_wake, &attr);
	pthread_condattr_destroy(&attr);
	pthread_mutex_init(&vm->sampler_lock, NULL);
	if (!vm->kvm.has_stats_fd)
		return 0;
	int rc = pthread_create(&vm->sampler, NULL, sampler_main, vm);
	vm->sampler_running = rc == 0;
	return -rc;
}

void vm_kstats_stop(struct vm *vm)
{
	if (!vm->sampler_running)
		return;
	pthread_mutex_lock(&vm->sampler_lock);
	atomic_store(&vm->stopping, true);
	pthread_cond_signal(&vm->sampler_wake);
	pthread_mutex_unlock(&vm->sampler_lock);
	pthread_join(vm->sampler, NULL);
	vm->sampler_running = false;
}
