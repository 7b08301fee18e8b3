/* SPDX-License-Identifier: MIT */
/* test_kstats_writer.c - KVM's statistics have one writer thread.
 *
 * Their seqlock is safe only with a single writer: two threads publishing at
 * once can leave the sequence odd and hang the console for good. Once, both
 * the vCPU thread (at each change of state) and the sampler thread wrote.
 * This drives a live guest through every change of state (start paused,
 * steps, next exit, resume, stop, reset) while the sampler runs, and checks
 * that only one thread ever published. Exits 77 (SKIPPED) without /dev/kvm. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "kvm_skip.h"
#include "test_vm.h"

/* Waits until the vCPU is in state `want` having taken at least `exits` exits. */
static bool wait_state(struct seam *seam, enum vcpu_state want, uint64_t exits)
{
	uint64_t deadline = seam_now_ns() + 20ull * 1000000000;
	struct event batch[64];
	while (seam_now_ns() < deadline) {
		while (ring_pop_batch(&seam->ring, batch, 64) > 0)
			;
		if (control_state(&seam->control) == want && counters_total(&seam->counters) >= exits)
			return true;
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	return false;
}

int main(void)
{
	int skip = kvm_skip_unless_usable("the statistics sampler is KVM");
	if (skip)
		return skip;
	char err[1024];
	struct seam *seam;
	struct vm *vm = test_vm_live("hello", (struct vm_options){ .start_paused = true }, &seam);
	if (!vm)
		return 1;
	CHECK(wait_state(seam, VCPU_PAUSED, 0));
	/* Each round: one step, one exit, then to the end, then a reset. */
	for (int round = 0; round < 20; round++) {
		uint64_t total = counters_total(&seam->counters);
		control_request(&seam->control, CTRL_STEP);
		CHECK(wait_state(seam, VCPU_PAUSED, total + 1));
		total = counters_total(&seam->counters);
		control_request(&seam->control, CTRL_NEXT_EXIT);
		CHECK(wait_state(seam, VCPU_PAUSED, total + 1));
		control_request(&seam->control, CTRL_RESUME);
		CHECK(wait_state(seam, VCPU_HALTED, 13));
		uint32_t generation = atomic_load(&seam->control.generation);
		control_request(&seam->control, CTRL_PAUSE | CTRL_RESET);
		uint64_t deadline = seam_now_ns() + 20ull * 1000000000;
		while (atomic_load(&seam->control.generation) == generation && seam_now_ns() < deadline)
			;
		CHECK(atomic_load(&seam->control.generation) != generation);
	}
	CHECK(vm_stop(vm, err, sizeof(err)) == 0);
	struct kstats ks;
	CHECK(kstats_read(&seam->kstats, &ks) > 0); /* the statistics were published */
	CHECK(ks.count > 0);
	CHECK_EQ(kstats_foreign_writes(&seam->kstats), 0);
	test_vm_close(vm, seam);
	return check_done();
}
