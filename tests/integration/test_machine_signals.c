/* SPDX-License-Identifier: MIT */
/* test_machine_signals.c - building a VM survives the vCPU kick.
 *
 * A reset rebuilds the VM on the vCPU thread, and the console's kick
 * (SIGUSR1, no SA_RESTART, so that KVM_RUN returns) can land in the middle.
 * Under load that interrupted KVM_CREATE_VM with EINTR and the reset ended
 * in ERROR (engine_control's 100 resets failed ~1 run in 10). Here a thread
 * kicks the builder all the time: every build must succeed, fast and slow
 * kicks alike. Exits 77 (SKIPPED: no-kvm) where the device cannot be opened.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "cpu_setup.h"
#include "kstats_reader.h"
#include "machine.h"
#include "vcpu_kick.h"

#define BUILDS 300

struct kicker {
	pthread_t target;
	_Atomic bool stop;
	_Atomic uint64_t kicks;
};

/* Kicks every few microseconds: a sleep would be ~60 us at best, and the
 * interruptible moment inside KVM_CREATE_VM is short. */
static void *kicker_main(void *arg)
{
	struct kicker *k = arg;
	while (!atomic_load(&k->stop)) {
		vcpu_kick_thread(k->target);
		atomic_fetch_add(&k->kicks, 1);
		uint64_t until = check_now_ns() + 5000;
		while (check_now_ns() < until)
			;
	}
	return NULL;
}

static void build_many(const struct kvm_device *kvm, const struct guest_image *img)
{
	struct vm_options opts = { .mem_size = VM_DEFAULT_MEM };
	char err[512];
	int failed = 0;
	for (int i = 0; i < BUILDS && failed < 3; i++) {
		struct machine m;
		if (machine_build(&m, kvm, &opts, GUEST_MODE_REAL, img, err, sizeof(err))) {
			fprintf(stderr, "build %d: %s\n", i, err);
			failed++;
			continue;
		}
		struct kstats_reader r;
		if (kvm->has_stats_fd && kstats_reader_open(&r, m.vcpu_fd, NULL, 0) == 0)
			kstats_reader_close(&r);
		else if (kvm->has_stats_fd)
			failed += fprintf(stderr, "build %d: kstats_reader_open failed\n", i) > 0;
		machine_teardown(&m);
	}
	CHECK_EQ(failed, 0);
}

int main(void)
{
	char err[512];
	struct kvm_device kvm;
	if (kvm_device_open(NULL, &kvm, err, sizeof(err))) {
		fprintf(stderr, "SKIPPED: no-kvm: %s\n", err);
		return 77;
	}
	struct guest_image img;
	CHECK_EQ(image_read(TEST_SOURCE_DIR "/guests/hello.bin", VM_DEFAULT_MEM, &img, err, sizeof(err)), 0);
	CHECK_EQ(vcpu_kick_install(), 0);
	struct kicker k = { .target = pthread_self() };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, kicker_main, &k), 0);
	build_many(&kvm, &img);
	atomic_store(&k.stop, true);
	pthread_join(t, NULL);
	printf("%d builds under %llu kicks\n", BUILDS, (unsigned long long)atomic_load(&k.kicks));
	CHECK(atomic_load(&k.kicks) > BUILDS); /* the builds really were kicked */
	image_free(&img);
	kvm_device_close(&kvm);
	return check_done();
}
