/* SPDX-License-Identifier: MIT */
/* backend_kvm.c - the CPU is KVM's: KVM_RUN, sync regs, guest debug.
 *
 * A reset builds a whole new machine (VM, memory, vCPU) from the same image
 * and options and throws the old one away: exactly a fresh start.
 */
#include "backend_kvm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "cpu_capture.h"
#include "exit_decode.h"
#include "kvm_device.h"
#include "kvm_irqchip.h"
#include "kvm_sampler.h"
#include "machine.h"
#include "vcpu_alarm.h"
#include "vcpu_kick.h"

struct kvm_backend {
	struct cpu_backend base;
	struct vm_options opts;
	enum guest_mode mode;
	const struct guest_image *img;
	struct kvm_device kvm;
	/* The current machine; replaced under machine_lock at a reset, so the
	 * statistics sampler never reads a closed fd. */
	pthread_mutex_t machine_lock;
	struct machine m;
	struct kstats_reader kstats;
	char kstats_why[128]; /* why KVM's own counters cannot be read; "" if they can */
	struct kvm_sampler sampler;
	/* vCPU-thread state */
	bool synced;   /* run->s.regs holds this machine's registers */
	bool stepping;
	/* KVM_INTERRUPT done, no run since: KVM holds the vector until the next
	 * entry, and run->ready_for_interrupt_injection is stale until then
	 * (a second KVM_INTERRUPT would fail with EEXIST). */
	bool injected;
	struct vcpu_alarm alarm;       /* in-kernel irqchip: kicks a vCPU asleep in KVM_RUN */
	bool pit_frozen;               /* paused: pit_saved is what the timer resumes from */
	struct kvm_pit_state2 pit_saved;
	pthread_t thread;
	_Atomic bool bound; /* the vCPU thread is there to kick */
};

static struct kvm_backend *kb(struct cpu_backend *be)
{
	return (struct kvm_backend *)be;
}

static void kvm_thread_begin(struct cpu_backend *be)
{
	struct kvm_backend *k = kb(be);
	k->thread = pthread_self();
	vcpu_kick_bind(k->m.run);
	atomic_store(&k->bound, true);
	if (k->opts.irqchip == VM_IRQCHIP_KERNEL && vcpu_alarm_create(&k->alarm))
		fprintf(stderr, "kvm-tui: no timer for the vCPU (timer_create): %s\n", strerror(errno));
}

static void kvm_thread_end(struct cpu_backend *be)
{
	atomic_store(&kb(be)->bound, false);
	vcpu_alarm_destroy(&kb(be)->alarm);
	vcpu_kick_bind(NULL);
}

static void kvm_kick(struct cpu_backend *be)
{
	struct kvm_backend *k = kb(be);
	if (atomic_load(&k->bound))
		vcpu_kick_thread(k->thread);
}

static void kvm_arm_kick(struct cpu_backend *be)
{
	kb(be)->m.run->immediate_exit = 0;
}

static enum backend_run kvm_run(struct cpu_backend *be, struct vcpu_exit *out)
{
	struct kvm_backend *k = kb(be);
	struct kvm_run *run = k->m.run;
	int rc = ioctl(k->m.vcpu_fd, KVM_RUN, 0);
	k->injected = false; /* KVM's own flags say again whether it still holds one */
	if (rc < 0) {
		if (errno != EINTR && errno != EAGAIN) {
			snprintf(be->last_error, sizeof(be->last_error), "KVM_RUN failed: %s", strerror(errno));
			out->why = be->last_error;
			return BACKEND_ERROR;
		}
		run->exit_reason = KVM_EXIT_INTR; /* a kick: the console wants the vCPU */
	}
	k->synced = true;
	exit_decode(&out->ev, run);
	out->ev.rip = exit_linear_rip(run);
	out->io_data = (uint8_t *)run + run->io.data_offset;
	out->mmio_data = run->mmio.data;
	out->step_done = k->stepping && run->exit_reason == KVM_EXIT_DEBUG;
	return BACKEND_EXIT;
}

static int kvm_get_regs(struct cpu_backend *be, struct cpu_state *out)
{
	struct kvm_backend *k = kb(be);
	if (k->synced) {
		cpu_capture(out, &k->m.run->s.regs.regs, &k->m.run->s.regs.sregs);
		return 0;
	}
	/* Before the first run of a machine, sync regs hold nothing yet. */
	struct kvm_regs regs;
	struct kvm_sregs sregs;
	if (machine_read_regs(&k->m, &regs, &sregs))
		return -1;
	cpu_capture(out, &regs, &sregs);
	return 0;
}

static int kvm_set_regs(struct cpu_backend *be, const struct cpu_state *in)
{
	struct kvm_backend *k = kb(be);
	struct kvm_regs regs;
	struct kvm_sregs sregs;
	if (machine_read_regs(&k->m, &regs, &sregs))
		return -1;
	cpu_apply(in, &regs, &sregs);
	if (kvm_ioctl(k->m.vcpu_fd, KVM_SET_REGS, &regs) < 0 || kvm_ioctl(k->m.vcpu_fd, KVM_SET_SREGS, &sregs) < 0)
		return -1;
	k->synced = false; /* sync regs are older than what was just set */
	return 0;
}

static void kvm_complete_pending(struct cpu_backend *be)
{
	struct kvm_backend *k = kb(be);
	k->m.run->immediate_exit = 1;
	(void)ioctl(k->m.vcpu_fd, KVM_RUN, 0); /* EINTR by design: the read is done */
	k->m.run->immediate_exit = 0;
	k->injected = false; /* the run refreshed KVM's flags */
	k->synced = true;
}

static uint8_t *kvm_memory(struct cpu_backend *be, uint64_t *size)
{
	struct kvm_backend *k = kb(be);
	*size = k->m.mem.size;
	return k->m.mem.host;
}

static size_t kvm_read_phys(struct cpu_backend *be, uint64_t addr, void *buf, size_t len)
{
	struct kvm_backend *k = kb(be);
	return guest_memory_read(&k->m.mem, k->opts.bios_plan.on, addr, buf, len);
}

static int kvm_vga_dirty(struct cpu_backend *be, uint64_t *pages)
{
	return guest_memory_vga_dirty(kb(be)->m.vm_fd, pages);
}

static int kvm_set_single_step(struct cpu_backend *be, bool on)
{
	struct kvm_backend *k = kb(be);
	struct kvm_guest_debug dbg;
	memset(&dbg, 0, sizeof(dbg));
	if (on)
		dbg.control = KVM_GUESTDBG_ENABLE | KVM_GUESTDBG_SINGLESTEP;
	if (kvm_ioctl(k->m.vcpu_fd, KVM_SET_GUEST_DEBUG, &dbg) < 0) {
		snprintf(be->last_error, sizeof(be->last_error), "single step (KVM_SET_GUEST_DEBUG) refused: %s",
			 strerror(errno));
		return on ? -1 : 0; /* switching off a machine that refused is no error */
	}
	k->stepping = on;
	return 0;
}

static bool kvm_irq_ready(struct cpu_backend *be)
{
	struct kvm_run *run = kb(be)->m.run;
	return !kb(be)->injected && run->ready_for_interrupt_injection && run->if_flag;
}

static int kvm_irq_inject(struct cpu_backend *be, uint8_t vector)
{
	struct kvm_interrupt irq = { .irq = vector };
	if (kvm_ioctl(kb(be)->m.vcpu_fd, KVM_INTERRUPT, &irq) < 0) {
		snprintf(be->last_error, sizeof(be->last_error), "KVM_INTERRUPT (vector 0x%02x): %s", vector,
			 strerror(errno));
		return -1;
	}
	kb(be)->injected = true;
	return 0;
}

static void kvm_irq_window(struct cpu_backend *be, bool want)
{
	kb(be)->m.run->request_interrupt_window = want;
}

static int kvm_irq_line(struct cpu_backend *be, unsigned irq, bool level)
{
	if (kvm_irqchip_line(kb(be)->m.vm_fd, irq, level)) {
		snprintf(be->last_error, sizeof(be->last_error), "KVM_IRQ_LINE (IRQ %u to %d): %s", irq, level,
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int kvm_irq_halted(struct cpu_backend *be)
{
	return kvm_irqchip_halted(kb(be)->m.vcpu_fd);
}

/* KVM's PIT counts host time, paused or not, and would hand the guest the
 * ticks it missed all at once. Paused, its state is saved; at the resume it
 * is loaded back, which restarts each counter's current period from its
 * count and drops the missed ticks: guest time, as the PIT sees it, stopped. */
static void kvm_irq_clock(struct cpu_backend *be, bool running)
{
	struct kvm_backend *k = kb(be);
	if (!k->m.kernel_irqchip || running != k->pit_frozen)
		return;
	if (!running)
		k->pit_frozen = kvm_irqchip_pit_save(k->m.vm_fd, &k->pit_saved) == 0;
	else {
		(void)kvm_irqchip_pit_restore(k->m.vm_fd, &k->pit_saved); /* failing, time just ran on */
		k->pit_frozen = false;
	}
}

static int kvm_irq_lines(struct cpu_backend *be, struct cpu_irq_lines *out)
{
	return kvm_irqchip_read_pic(kb(be)->m.vm_fd, out);
}

static void kvm_alarm(struct cpu_backend *be, uint64_t at, uint64_t now)
{
	vcpu_alarm_at(&kb(be)->alarm, at, now);
}

static void kvm_state_changed(struct cpu_backend *be, enum vcpu_state state)
{
	/* Asleep in HLT still counts as running: the sampler would otherwise
	 * take a sample at each of a timer guest's hundreds of HLTs a second. */
	kvm_sampler_state(&kb(be)->sampler, vcpu_state_is_live(state));
}

static int kvm_reset(struct cpu_backend *be, char *err, size_t errlen)
{
	struct kvm_backend *k = kb(be);
	struct machine fresh;
	if (machine_build(&fresh, &k->kvm, &k->opts, k->mode, k->img, err, errlen))
		return -1;
	/* The kick handler must never touch the old kvm_run once it is unmapped;
	 * a request posted meanwhile stays pending and is taken next loop. */
	vcpu_kick_bind(NULL);
	pthread_mutex_lock(&k->machine_lock);
	kstats_reader_close(&k->kstats);
	machine_teardown(&k->m);
	k->m = fresh;
	if (k->kvm.has_stats_fd) /* failing now, the start-up's reason still stands */
		(void)kstats_reader_open(&k->kstats, k->m.vcpu_fd, NULL, 0);
	pthread_mutex_unlock(&k->machine_lock);
	vcpu_kick_bind(k->m.run);
	k->synced = k->stepping = k->injected = false;
	k->pit_frozen = false; /* a fresh PIT, running */
	return 0;
}

static void kvm_destroy(struct cpu_backend *be)
{
	struct kvm_backend *k = kb(be);
	kvm_sampler_stop(&k->sampler);
	kstats_reader_close(&k->kstats);
	machine_teardown(&k->m);
	kvm_device_close(&k->kvm);
	pthread_mutex_destroy(&k->machine_lock);
	free(k);
}

static const struct cpu_backend_ops kvm_ops = {
	.name = "kvm",
	.thread_begin = kvm_thread_begin,
	.thread_end = kvm_thread_end,
	.run = kvm_run,
	.arm_kick = kvm_arm_kick,
	.kick = kvm_kick,
	.get_regs = kvm_get_regs,
	.set_regs = kvm_set_regs,
	.complete_pending = kvm_complete_pending,
	.set_single_step = kvm_set_single_step,
	.state_changed = kvm_state_changed,
	.irq_ready = kvm_irq_ready,
	.irq_inject = kvm_irq_inject,
	.irq_window = kvm_irq_window,
	.irq_line = kvm_irq_line,
	.irq_halted = kvm_irq_halted,
	.irq_clock = kvm_irq_clock,
	.irq_lines = kvm_irq_lines,
	.alarm = kvm_alarm,
	.reset = kvm_reset,
	.memory = kvm_memory,
	.vga_dirty = kvm_vga_dirty,
	.read_phys = kvm_read_phys,
	.rewind = NULL,
	.exits_until = NULL,
	.destroy = kvm_destroy,
};

const char *backend_kvm_kstats_why(const struct cpu_backend *be)
{
	const struct kvm_backend *k = (const struct kvm_backend *)be;
	return k->kstats_why[0] ? k->kstats_why : NULL;
}

struct cpu_backend *backend_kvm_create(const struct vm_options *opts, enum guest_mode mode,
				       const struct guest_image *img, const struct backend_sink *sink,
				       char *err, size_t errlen)
{
	struct kvm_backend *k = calloc(1, sizeof(*k));
	if (!k) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	k->base.ops = &kvm_ops;
	k->base.sink = *sink;
	k->opts = *opts;
	k->mode = mode;
	k->img = img;
	k->kvm.fd = -1;
	k->m.vm_fd = k->m.vcpu_fd = -1;
	k->kstats.fd = -1;
	pthread_mutex_init(&k->machine_lock, NULL);
	if (vcpu_kick_install() < 0) {
		snprintf(err, errlen, "cannot install the vCPU kick signal handler: %s", strerror(errno));
		goto fail;
	}
	if (kvm_device_open(opts->kvm_device, &k->kvm, err, errlen) ||
	    machine_build(&k->m, &k->kvm, opts, mode, img, err, errlen))
		goto fail;
	if (!k->kvm.has_stats_fd)
		snprintf(k->kstats_why, sizeof(k->kstats_why), "this kernel has no binary statistics "
			 "(KVM_CAP_BINARY_STATS_FD, Linux 5.14 or later)");
	else if (kstats_reader_open(&k->kstats, k->m.vcpu_fd, k->kstats_why, sizeof(k->kstats_why)) == 0 &&
		 kvm_sampler_start(&k->sampler, &k->kstats, &k->machine_lock, &k->base.sink)) {
		snprintf(err, errlen, "cannot start the statistics thread");
		goto fail;
	}
	return &k->base;
fail:
	kvm_destroy(&k->base);
	return NULL;
}
