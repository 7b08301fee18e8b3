/* vm.c - the engine's public face: build a VM from options, start, destroy. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vcpu_kick.h"
#include "vm_internal.h"

static void kick_vcpu(void *ctx)
{
	struct vm *vm = ctx;
	if (atomic_load(&vm->thread_running))
		vcpu_kick_thread(vm->thread);
}

static enum guest_mode resolve_mode(enum guest_mode asked, enum image_kind kind)
{
	if (asked != GUEST_MODE_AUTO)
		return asked;
	if (kind == IMAGE_ELF32)
		return GUEST_MODE_PROTECTED;
	if (kind == IMAGE_ELF64)
		return GUEST_MODE_LONG;
	return GUEST_MODE_REAL;
}

static int check_mem_size(uint64_t size, char *err, size_t errlen)
{
	if (size < VM_MIN_MEM || size > VM_MAX_MEM || size % 4096) {
		snprintf(err, errlen, "guest memory of %llu bytes is not usable: give 64K to 64G "
			 "in whole 4 KiB pages (--mem 16M)", (unsigned long long)size);
		return -1;
	}
	return 0;
}

static int open_everything(struct vm *vm, char *err, size_t errlen)
{
	if (check_mem_size(vm->opts.mem_size, err, errlen))
		return -1;
	if (image_read(vm->guest_path, vm->opts.mem_size, &vm->image, err, errlen))
		return -1;
	if (kvm_device_open(vm->opts.kvm_device, &vm->kvm, err, errlen))
		return -1;
	vm->mode = resolve_mode(vm->opts.mode, vm->image.kind);
	if (machine_build(&vm->m, &vm->kvm, &vm->opts, vm->mode, &vm->image, err, errlen))
		return -1;
	if (vm->kvm.has_stats_fd)
		kstats_reader_open(&vm->kstats, vm->m.vcpu_fd);
	return 0;
}

struct vm *vm_create(const struct vm_options *opts, struct seam *seam, char *err, size_t errlen)
{
	struct vm *vm = calloc(1, sizeof(*vm));
	if (!vm) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	vm->opts = *opts;
	if (!vm->opts.mem_size)
		vm->opts.mem_size = VM_DEFAULT_MEM;
	vm->guest_path = strdup(opts->guest_path ? opts->guest_path : "");
	vm->opts.guest_path = vm->guest_path;
	vm->seam = seam;
	vm->kvm.fd = -1;
	vm->m.vm_fd = vm->m.vcpu_fd = -1;
	vm->kstats.fd = -1;
	pthread_mutex_init(&vm->machine_lock, NULL);
	vm_devices_init(vm);
	if (!vm->guest_path || open_everything(vm, err, errlen)) {
		vm_destroy(vm);
		return NULL;
	}
	seam->control.kick = kick_vcpu;
	seam->control.kick_ctx = vm;
	return vm;
}

int vm_start(struct vm *vm)
{
	int rc = vcpu_kick_install();
	if (rc)
		return rc;
	/* The sampler first: the vCPU thread may wake it from its first moment. */
	vm_kstats_start(vm);
	atomic_store(&vm->thread_running, true);
	rc = pthread_create(&vm->thread, NULL, vcpu_thread_main, vm);
	if (rc) {
		atomic_store(&vm->thread_running, false);
		return -rc;
	}
	return 0;
}

void vm_destroy(struct vm *vm)
{
	if (!vm)
		return;
	if (atomic_load(&vm->thread_running)) {
		control_request(&vm->seam->control, CTRL_QUIT);
		pthread_join(vm->thread, NULL);
		atomic_store(&vm->thread_running, false);
	}
	vm_kstats_stop(vm);
	if (vm->seam && vm->seam->control.kick_ctx == vm) {
		vm->seam->control.kick = NULL;
		vm->seam->control.kick_ctx = NULL;
	}
	kstats_reader_close(&vm->kstats);
	machine_teardown(&vm->m);
	kvm_device_close(&vm->kvm);
	image_free(&vm->image);
	pthread_mutex_destroy(&vm->machine_lock);
	free(vm->guest_path);
	free(vm);
}

const char *vm_image_kind(const struct vm *vm)
{
	return image_kind_name(vm->image.kind);
}

enum guest_mode vm_mode(const struct vm *vm)
{
	return vm->mode;
}
