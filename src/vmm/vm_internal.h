/* vm_internal.h - the engine's private state, shared by its files. */
#ifndef KVMTUI_VM_INTERNAL_H
#define KVMTUI_VM_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "bus.h"
#include "debug_ports.h"
#include "exit_clock.h"
#include "kstats_reader.h"
#include "kvm_device.h"
#include "loader.h"
#include "machine.h"
#include "uart16550.h"
#include "vm.h"

struct vm {
	struct vm_options opts;
	char *guest_path;
	enum guest_mode mode;
	struct seam *seam;
	struct kvm_device kvm;
	struct guest_image image;

	/* The current incarnation; replaced under machine_lock at reset so the
	 * statistics sampler never reads a closed fd. */
	pthread_mutex_t machine_lock;
	struct machine m;
	struct kstats_reader kstats;

	struct bus bus;
	struct uart16550 uart;
	struct debugcon debugcon;
	struct debug_exit debug_exit;

	pthread_t thread;
	_Atomic bool thread_running;
	pthread_t sampler;
	bool sampler_running;
	pthread_mutex_t sampler_lock;
	pthread_cond_t sampler_wake;
	_Atomic bool stopping;

	/* vCPU-thread-only run state */
	uint32_t generation;
	uint64_t seq;             /* exits in this generation */
	uint64_t start_ns;
	uint64_t last_run_ns;     /* when the last KVM_RUN returned (slow motion) */
	struct exit_clock clock;  /* stamps exits cheaply */
	uint64_t last_publish_ns; /* registers published (rate-limited while running) */
	bool regs_stale;          /* newer registers than the snapshot shows */
	enum vcpu_state state;
	bool stepping, next_exit, needs_completion; /* paused is vm->state == VCPU_PAUSED */
	bool guest_exited;
	int guest_status;
	struct event text;        /* UART/debugcon bytes being gathered into one record */
};

/* vcpu_loop.c */
void *vcpu_thread_main(void *arg);
/* vm_devices.c */
void vm_devices_init(struct vm *vm);
void vm_text_flush(struct vm *vm);
/* vm_kstats.c */
int vm_kstats_start(struct vm *vm);
void vm_kstats_stop(struct vm *vm);
void vm_kstats_sample(struct vm *vm);
void vm_kstats_wake(struct vm *vm); /* the vCPU runs again: resume sampling */

#endif
