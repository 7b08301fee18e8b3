/* SPDX-License-Identifier: MIT */
/* vm.c - the engine's public face: a live VM or a replay, started and stopped.
 *
 * Either way it is one vCPU driving one backend; only what is built around
 * it differs (a live VM has an image, devices and perhaps a recording).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend_kvm.h"
#include "backend_replay.h"
#include "guest_layout.h"
#include "record.h"
#include "vm_internal.h"

static void kick_vcpu(void *ctx)
{
	struct vm *vm = ctx;
	vm->backend->ops->kick(vm->backend);
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

static struct vm *vm_alloc(struct seam *seam, char *err, size_t errlen)
{
	struct vm *vm = calloc(1, sizeof(*vm));
	if (!vm) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	vm->seam = seam;
	return vm;
}

/* The backend is ready: the vCPU that drives it, and the console's kick. */
static void attach_vcpu(struct vm *vm, const struct vcpu_config *cfg)
{
	vcpu_init(&vm->vcpu, cfg);
	vm->seam->control.kick = kick_vcpu;
	vm->seam->control.kick_ctx = vm;
}

static int open_live(struct vm *vm, char *err, size_t errlen)
{
	if (check_mem_size(vm->opts.mem_size, err, errlen))
		return -1;
	if (image_read(vm->guest_path, vm->opts.mem_size, &vm->image, err, errlen))
		return -1;
	vm->mode = resolve_mode(vm->opts.mode, vm->image.kind);
	/* The disks too are the user's files: refused before KVM is opened. */
	if (vm_bios_plan(vm, err, errlen))
		return -1;
	vm_bios_attach(vm);
	/* Everything about the guest is checked before /dev/kvm is opened, so
	 * a broken ELF or a bad --entry is named as such on a host without KVM
	 * too (machine_build places it again, for real, at each reset). */
	struct load_result planned;
	if (guest_layout_place(&vm->image, &vm->opts, vm->opts.mem_size, vm->mode, NULL, &planned,
			       err, errlen))
		return -1;
	/* The recording too: a path that cannot be written is the user's to
	 * hear about, KVM or not. If KVM then fails, it goes again. */
	if (vm_record_open(vm, err, errlen))
		return -1;
	struct backend_sink sink = vm_sink(vm);
	vm->backend = backend_kvm_create(&vm->opts, vm->mode, &vm->image, &sink, err, errlen);
	if (!vm->backend) {
		vm_record_discard(vm);
		return -1;
	}
	return 0;
}

struct vm *vm_create(const struct vm_options *opts, struct seam *seam, char *err, size_t errlen)
{
	struct vm *vm = vm_alloc(seam, err, errlen);
	if (!vm)
		return NULL;
	vm->opts = *opts;
	if (!vm->opts.mem_size)
		vm->opts.mem_size = VM_DEFAULT_MEM;
	vm->guest_path = strdup(opts->guest_path ? opts->guest_path : "");
	vm->opts.guest_path = vm->guest_path;
	vm_devices_init(vm);
	if (!vm->guest_path || open_live(vm, err, errlen)) {
		vm_destroy(vm);
		return NULL;
	}
	struct vcpu_config cfg = {
		.seam = seam, .backend = vm->backend, .bus = &vm->bus, .record = vm->record,
		.start_paused = opts->start_paused, .max_exits = opts->max_exits,
		.reset_devices = vm_devices_reset, .devices_ctx = vm, .irq = pc_irq_vcpu(&vm->irq),
		.screen = vm->bios.on ? vm_bios_screen : NULL,
	};
	attach_vcpu(vm, &cfg);
	/* KVM's irqchip: a halted guest sleeps inside KVM_RUN, not on the
	 * control condvar, so input for its devices must kick it out. */
	atomic_store(&seam->control.notify_kicks, opts->irqchip == VM_IRQCHIP_KERNEL);
	return vm;
}

struct vm *vm_open_replay(const char *path, struct seam *seam, bool start_paused, char *err, size_t errlen)
{
	struct vm *vm = vm_alloc(seam, err, errlen);
	if (!vm)
		return NULL;
	vm->is_replay = true;
	vm->guest_path = strdup(path);
	struct backend_sink sink = vm_sink(vm);
	vm->backend = backend_replay_open(path, &seam->control, &sink, &vm->replay, err, errlen);
	if (!vm->guest_path || !vm->backend) {
		vm_destroy(vm);
		return NULL;
	}
	vm_replay_memory_load(vm, path);
	struct vcpu_config cfg = {
		.seam = seam, .backend = vm->backend, .start_paused = start_paused, .replay = true,
	};
	attach_vcpu(vm, &cfg);
	return vm;
}

int vm_start(struct vm *vm)
{
	return vcpu_start(&vm->vcpu);
}

int vm_stop(struct vm *vm, char *err, size_t errlen)
{
	vcpu_stop(&vm->vcpu);
	if (vm->seam && vm->seam->control.kick_ctx == vm) {
		vm->seam->control.kick = NULL;
		vm->seam->control.kick_ctx = NULL;
	}
	if (!vm->record)
		return 0;
	/* The statistics thread may still append: stop it first. */
	if (vm->backend) {
		vm->backend->ops->destroy(vm->backend);
		vm->backend = NULL;
	}
	int rc = rec_writer_close(vm->record, err, errlen);
	vm->record = NULL;
	return rc;
}

void vm_destroy(struct vm *vm)
{
	if (!vm)
		return;
	char err[256];
	(void)vm_stop(vm, err, sizeof(err)); /* an error worth reporting was taken by vm_stop */
	if (vm->backend)
		vm->backend->ops->destroy(vm->backend);
	vm_bios_close(vm); /* unwritten overlays are dropped here */
	guest_memory_free(&vm->replay_memory);
	image_free(&vm->image);
	free(vm->guest_path);
	free(vm);
}

bool vm_has_bios(const struct vm *vm)
{
	return !vm->is_replay && vm->bios.on;
}

const char *vm_replay_memory_from(const struct vm *vm)
{
	return vm->is_replay ? vm->replay_memory_from : NULL;
}

const char *vm_image_kind(const struct vm *vm)
{
	return vm->is_replay ? vm->replay.image_kind : image_kind_name(vm->image.kind);
}

const char *vm_start_mode(const struct vm *vm)
{
	return vm->is_replay ? vm->replay.start_mode : guest_mode_name(vm->mode);
}

enum guest_mode vm_mode(const struct vm *vm)
{
	return vm->mode;
}

const struct replay_summary *vm_replay_summary(const struct vm *vm)
{
	return vm->is_replay ? &vm->replay : NULL;
}

const char *vm_irqchip_shown(const struct vm *vm)
{
	return vm->is_replay ? NULL : vm_irqchip_label(vm->opts.irqchip);
}

const char *vm_kstats_unavailable(const struct vm *vm)
{
	return vm->is_replay || !vm->backend ? NULL : backend_kvm_kstats_why(vm->backend);
}
