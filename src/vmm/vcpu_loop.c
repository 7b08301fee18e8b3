/* vcpu_loop.c - the vCPU thread: KVM_RUN, decode the exit, obey the console.
 *
 * Every exit is counted, decoded into an event and pushed into the ring
 * before the guest runs again; the registers KVM synced into kvm_run are
 * published through the snapshot. Between runs the thread takes the
 * console's requests; while paused or stopped it sleeps on the control
 * condition variable.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "cpu_capture.h"
#include "exit_decode.h"
#include "vcpu_kick.h"
#include "vm_internal.h"

static void publish_synced_regs(struct vm *vm);

static void set_state(struct vm *vm, enum vcpu_state state, int status)
{
	if (vm->state == state && state != VCPU_RUNNING)
		return;
	if (vm->regs_stale)
		publish_synced_regs(vm); /* a stopped vCPU always shows its last registers */
	vm_text_flush(vm);
	vm->state = state;
	if (state == VCPU_DEBUG_EXIT)
		atomic_store(&vm->seam->control.exit_status, status);
	control_set_state(&vm->seam->control, state);
	if (state != VCPU_RUNNING && vm->kvm.has_stats_fd)
		vm_kstats_sample(vm); /* the kernel's counts as the guest stops */
	else if (state == VCPU_RUNNING)
		vm_kstats_wake(vm);
	struct event ev = { .kind = EVENT_STATE, .generation = vm->generation, .seq = vm->seq };
	ev.time_ns = seam_now_ns() - vm->start_ns;
	ev.u.state.state = state;
	ev.u.state.status = status;
	ring_push(&vm->seam->ring, &ev);
}

static void publish_regs(struct vm *vm, const struct kvm_regs *regs, const struct kvm_sregs *sregs)
{
	struct cpu_state cpu;
	memset(&cpu, 0, sizeof(cpu));
	cpu_capture(&cpu, regs, sregs);
	cpu.exits = vm->seq;
	cpu.generation = vm->generation;
	snapshot_publish(&vm->seam->regs, &cpu);
}

static void publish_synced_regs(struct vm *vm)
{
	publish_regs(vm, &vm->m.run->s.regs.regs, &vm->m.run->s.regs.sregs);
	vm->regs_stale = false;
}

/* Registers come with every exit, but a console draws at most ~60 frames a
 * second: while the guest runs, publish at most every SNAPSHOT_PERIOD_NS.
 * Any change of state publishes the latest at once (see set_state). */
#define SNAPSHOT_PERIOD_NS 1000000ull

static void publish_running_regs(struct vm *vm, uint64_t now)
{
	if (now - vm->last_publish_ns < SNAPSHOT_PERIOD_NS) {
		vm->regs_stale = true;
		return;
	}
	vm->last_publish_ns = now;
	publish_synced_regs(vm);
}

static void publish_fresh_regs(struct vm *vm)
{
	struct kvm_regs regs;
	struct kvm_sregs sregs;
	if (machine_read_regs(&vm->m, &regs, &sregs) == 0)
		publish_regs(vm, &regs, &sregs);
}

static void set_single_step(struct vm *vm, bool on)
{
	struct kvm_guest_debug dbg;
	memset(&dbg, 0, sizeof(dbg));
	if (on)
		dbg.control = KVM_GUESTDBG_ENABLE | KVM_GUESTDBG_SINGLESTEP;
	if (ioctl(vm->m.vcpu_fd, KVM_SET_GUEST_DEBUG, &dbg) < 0 && on)
		set_state(vm, VCPU_ERROR, 0);
}

/* An IN or MMIO read completes inside the next KVM_RUN. Before showing a
 * paused state, let KVM finish it without running the guest further. */
static void complete_pending(struct vm *vm)
{
	if (!vm->needs_completion)
		return;
	vm->m.run->immediate_exit = 1;
	(void)ioctl(vm->m.vcpu_fd, KVM_RUN, 0);
	vm->m.run->immediate_exit = 0;
	vm->needs_completion = false;
	publish_synced_regs(vm);
}

static bool is_paused(const struct vm *vm)
{
	return vm->state == VCPU_PAUSED;
}

static void enter_pause(struct vm *vm)
{
	vm->next_exit = false;
	if (vm->stepping) {
		vm->stepping = false;
		set_single_step(vm, false);
	}
	complete_pending(vm);
	set_state(vm, VCPU_PAUSED, 0);
}

static void leave_pause(struct vm *vm)
{
	set_state(vm, VCPU_RUNNING, 0);
}

static int rebuild(struct vm *vm)
{
	char err[256];
	struct machine fresh;
	if (machine_build(&fresh, &vm->kvm, &vm->opts, vm->mode, &vm->image, err, sizeof(err)))
		return -1;
	/* The kick handler must never touch the old kvm_run once it is unmapped;
	 * a request posted meanwhile stays pending and is taken next loop. */
	vcpu_kick_bind(NULL);
	pthread_mutex_lock(&vm->machine_lock);
	kstats_reader_close(&vm->kstats);
	machine_teardown(&vm->m);
	vm->m = fresh;
	if (vm->kvm.has_stats_fd)
		kstats_reader_open(&vm->kstats, vm->m.vcpu_fd);
	pthread_mutex_unlock(&vm->machine_lock);
	vcpu_kick_bind(vm->m.run);
	return 0;
}

static void do_reset(struct vm *vm)
{
	bool was_paused = is_paused(vm);
	vm_text_flush(vm);
	vm->generation++;
	vm->seq = 0;
	vm->start_ns = seam_now_ns();
	counters_reset(&vm->seam->counters, vm->start_ns);
	vm->stepping = vm->next_exit = vm->needs_completion = vm->guest_exited = false;
	uart_reset(&vm->uart);
	if (rebuild(vm)) {
		set_state(vm, VCPU_ERROR, 0);
		return;
	}
	vm->regs_stale = false; /* the new kvm_run holds no synced registers yet */
	vm->last_publish_ns = 0;
	publish_fresh_regs(vm);
	/* Published only now, so a console that sees the new generation also
	 * sees the new VM complete. */
	atomic_store(&vm->seam->control.generation, vm->generation);
	/* A fresh start, except that a paused console stays paused: press R,
	 * then s, to step a guest from its very first instruction. */
	vm->state = VCPU_STARTING;
	set_state(vm, was_paused ? VCPU_PAUSED : VCPU_RUNNING, 0);
}

/* Returns false when the thread should end. */
static bool apply_requests(struct vm *vm)
{
	if (!control_has_pending(&vm->seam->control))
		return true; /* the common case: a plain load, no atomic exchange */
	uint32_t req = control_take(&vm->seam->control);
	if (req & CTRL_QUIT)
		return false;
	if (req & CTRL_RESET)
		do_reset(vm);
	if (vcpu_state_is_final(vm->state))
		return true; /* only reset or quit can move a stopped guest */
	if ((req & CTRL_PAUSE) && !is_paused(vm))
		enter_pause(vm);
	if ((req & CTRL_RESUME) && is_paused(vm)) {
		vm->next_exit = false;
		leave_pause(vm);
	}
	if (req & CTRL_NEXT_EXIT) {
		vm->next_exit = true;
		leave_pause(vm);
	}
	if (req & CTRL_STEP) {
		vm->stepping = true;
		set_single_step(vm, true);
		if (!vcpu_state_is_final(vm->state)) /* KVM refused: stay in ERROR */
			leave_pause(vm);
	}
	return true;
}

/* The text gathered during this exit is only ever from this exit (it is
 * flushed at the end of each). If it is COM1 output small enough, it rides
 * in the exit's own record: one ring record per OUT instead of two. */
static void carry_serial(struct vm *vm, struct event *ev)
{
	struct event *text = &vm->text;
	if (text->len == 0 || text->kind != EVENT_UART || text->len > sizeof(ev->u.io.serial))
		return;
	memcpy(ev->u.io.serial, text->u.text, text->len);
	ev->u.io.serial_len = text->len;
	ev->flags |= EVENT_F_SERIAL;
	text->len = 0;
}

static void handle_io(struct vm *vm, struct event *ev)
{
	struct kvm_run *run = vm->m.run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	uint8_t size = run->io.size;
	if (run->io.direction == KVM_EXIT_IO_OUT) {
		for (uint32_t i = 0; i < run->io.count; i++) {
			uint32_t v = 0;
			memcpy(&v, data + (size_t)i * size, size);
			bus_pio_write(&vm->bus, run->io.port, size, v);
		}
		carry_serial(vm, ev);
		ring_push_quiet(&vm->seam->ring, ev);
		return;
	}
	for (uint32_t i = 0; i < run->io.count; i++) {
		uint32_t v = 0;
		bus_pio_read(&vm->bus, run->io.port, size, &v);
		memcpy(data + (size_t)i * size, &v, size);
	}
	size_t bytes = (size_t)size * run->io.count;
	memcpy(ev->u.io.data, data, bytes < 8 ? bytes : 8);
	ring_push_quiet(&vm->seam->ring, ev);
	vm->needs_completion = true;
}

static void handle_mmio(struct vm *vm, struct event *ev)
{
	struct kvm_run *run = vm->m.run;
	uint8_t len = run->mmio.len <= 8 ? (uint8_t)run->mmio.len : 8;
	if (run->mmio.is_write) {
		ring_push_quiet(&vm->seam->ring, ev);
		bus_mmio_write(&vm->bus, run->mmio.phys_addr, run->mmio.data, len);
		return;
	}
	bus_mmio_read(&vm->bus, run->mmio.phys_addr, run->mmio.data, len);
	memcpy(ev->u.mmio.data, run->mmio.data, len);
	ring_push_quiet(&vm->seam->ring, ev);
	vm->needs_completion = true;
}

static void after_system_event(struct vm *vm)
{
	switch (vm->m.run->system_event.type) {
	case KVM_SYSTEM_EVENT_RESET:
		control_request(&vm->seam->control, CTRL_RESET); /* as a PC would: reboot */
		break;
	case KVM_SYSTEM_EVENT_SHUTDOWN:
		set_state(vm, VCPU_SHUTDOWN, 0);
		break;
	default:
		set_state(vm, VCPU_ERROR, 0);
		break;
	}
}

/* What the exit means for the vCPU's state. */
static void after_exit(struct vm *vm, unsigned reason)
{
	switch (reason) {
	case KVM_EXIT_IO:
	case KVM_EXIT_MMIO:
	case KVM_EXIT_INTR:
	case KVM_EXIT_IRQ_WINDOW_OPEN:
		break;
	case KVM_EXIT_HLT:
		/* No device here can raise an interrupt, so HLT never wakes up:
		 * with IF clear or set, the guest has stopped. */
		set_state(vm, VCPU_HALTED, 0);
		break;
	case KVM_EXIT_DEBUG:
		if (vm->stepping)
			enter_pause(vm);
		break;
	case KVM_EXIT_SHUTDOWN:
		set_state(vm, VCPU_SHUTDOWN, 0);
		break;
	case KVM_EXIT_FAIL_ENTRY:
		set_state(vm, VCPU_FAIL_ENTRY, 0);
		break;
	case KVM_EXIT_INTERNAL_ERROR:
		set_state(vm, VCPU_INTERNAL_ERROR, 0);
		break;
	case KVM_EXIT_SYSTEM_EVENT:
		after_system_event(vm);
		break;
	default:
		set_state(vm, VCPU_ERROR, 0);
		break;
	}
	if (vm->guest_exited)
		set_state(vm, VCPU_DEBUG_EXIT, vm->guest_status);
	if (vcpu_state_is_final(vm->state))
		return;
	if (vm->opts.max_exits && vm->seq >= vm->opts.max_exits)
		set_state(vm, VCPU_EXIT_LIMIT, 0);
	else if (vm->next_exit && reason != KVM_EXIT_INTR)
		enter_pause(vm);
}

static void handle_exit(struct vm *vm, uint64_t now)
{
	struct kvm_run *run = vm->m.run;
	struct event ev;
	memset(&ev, 0, sizeof(ev));
	exit_decode(&ev, run);
	ev.seq = ++vm->seq;
	ev.time_ns = now > vm->start_ns ? now - vm->start_ns : 0; /* the TSC clock may lag a reset by ns */
	ev.rip = exit_linear_rip(run);
	ev.generation = vm->generation;
	if (vm->stepping && run->exit_reason == KVM_EXIT_DEBUG)
		ev.flags |= EVENT_F_STEP;
	counters_count(&vm->seam->counters, run->exit_reason);
	vm->needs_completion = false;
	if (run->exit_reason == KVM_EXIT_IO)
		handle_io(vm, &ev);
	else if (run->exit_reason == KVM_EXIT_MMIO)
		handle_mmio(vm, &ev);
	else
		ring_push_quiet(&vm->seam->ring, &ev);
	vm_text_flush(vm);
	ring_notify(&vm->seam->ring); /* one wakeup check per exit, not per record */
	publish_running_regs(vm, now);
	after_exit(vm, run->exit_reason);
}

static void run_once(struct vm *vm)
{
	struct kvm_run *run = vm->m.run;
	int rc = ioctl(vm->m.vcpu_fd, KVM_RUN, 0);
	uint64_t now = exit_clock_now(&vm->clock);
	vm->last_run_ns = now;
	if (rc < 0) {
		if (errno != EINTR && errno != EAGAIN) {
			set_state(vm, VCPU_ERROR, 0);
			return;
		}
		run->exit_reason = KVM_EXIT_INTR; /* a kick: the console wants the vCPU */
	}
	handle_exit(vm, now);
}

/* Slow motion: returns true if it waited (requests may have arrived). */
static bool throttle(struct vm *vm)
{
	uint32_t rate = atomic_load(&vm->seam->control.rate_limit);
	if (rate == 0 || vm->last_run_ns == 0)
		return false;
	uint64_t due = vm->last_run_ns + 1000000000ull / rate;
	uint64_t now = exit_clock_now(&vm->clock); /* the clock last_run_ns came from */
	if (now >= due)
		return false;
	control_wait(&vm->seam->control, (int64_t)(due - now));
	return exit_clock_now(&vm->clock) < due || control_has_pending(&vm->seam->control);
}

void *vcpu_thread_main(void *arg)
{
	struct vm *vm = arg;
	vcpu_kick_bind(vm->m.run);
	exit_clock_init(&vm->clock);
	vm->start_ns = seam_now_ns();
	counters_reset(&vm->seam->counters, vm->start_ns);
	publish_fresh_regs(vm);
	set_state(vm, vm->opts.start_paused ? VCPU_PAUSED : VCPU_RUNNING, 0);
	for (;;) {
		/* Clear before taking requests: a kick for a request posted after
		 * the take then still makes the next KVM_RUN return at once. */
		vm->m.run->immediate_exit = 0;
		if (!apply_requests(vm))
			break;
		if (is_paused(vm) || vcpu_state_is_final(vm->state)) {
			control_wait(&vm->seam->control, -1);
			continue;
		}
		if (throttle(vm))
			continue;
		run_once(vm);
	}
	if (!vcpu_state_is_final(vm->state))
		set_state(vm, VCPU_QUIT, 0);
	vcpu_kick_bind(NULL);
	return NULL;
}
