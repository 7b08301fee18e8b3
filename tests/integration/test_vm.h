/* SPDX-License-Identifier: MIT */
/* test_vm.h - the C integration tests' way to get a running VM: a live one
 * on one of the lesson guests, or a replay, with its own seam. Each says
 * why when it cannot, and returns NULL. */
#ifndef KVMTUI_TEST_VM_H
#define KVMTUI_TEST_VM_H

#include <stdio.h>

#include "vm.h"

/* guests/NAME.bin under KVM, started; opts gives the rest (its guest_path is set here). */
static inline struct vm *test_vm_live(const char *name, struct vm_options opts, struct seam **seam)
{
	char path[512], err[1024];
	snprintf(path, sizeof(path), "%s/guests/%s.bin", TEST_SOURCE_DIR, name);
	opts.guest_path = path;
	*seam = seam_create(SEAM_RING_CAPACITY);
	struct vm *vm = *seam ? vm_create(&opts, *seam, err, sizeof(err)) : NULL;
	if (!vm || vm_start(vm)) {
		fprintf(stderr, "%s: cannot start a live VM: %s\n", name, vm ? "vm_start failed" : err);
		vm_destroy(vm);
		seam_destroy(*seam);
		return NULL;
	}
	return vm;
}

/* The recording at path, replayed at speed (REPLAY_SPEED_*), started. */
static inline struct vm *test_vm_replay(const char *path, uint32_t speed, struct seam **seam)
{
	char err[1024];
	*seam = seam_create(SEAM_RING_CAPACITY);
	if (*seam)
		control_set_replay_speed(&(*seam)->control, speed);
	struct vm *vm = *seam ? vm_open_replay(path, *seam, false, err, sizeof(err)) : NULL;
	if (!vm || vm_start(vm)) {
		fprintf(stderr, "%s: cannot start the replay: %s\n", path, vm ? "vm_start failed" : err);
		vm_destroy(vm);
		seam_destroy(*seam);
		return NULL;
	}
	return vm;
}

static inline void test_vm_close(struct vm *vm, struct seam *seam)
{
	vm_destroy(vm);
	seam_destroy(seam);
}

#endif
