/* SPDX-License-Identifier: MIT */
/* vcpu_loop.c - the vCPU thread: run, handle the exit, obey the console.
 *
 * Between runs the thread takes the console's requests (pause, resume, step,
 * next exit, slow motion, reset, quit; seek and step back in a replay);
 * while paused or stopped it sleeps on the control condition variable, so a
 * paused guest costs no CPU.
 */
#include <stdio.h>
#include <string.h>

#include <sys/prctl.h>

#include "sandbox.h"
#include "vcpu.h"

#define LOOP_PAUSE_NS 1500000000ll /* a looping replay shows its end this long */

static const struct cpu_backend_ops *ops(const struct vcpu *v)
{
	return v->cfg.backend->ops;
}

static bool is_paused(const struct vcpu *v)
{
	return v->state == VCPU_PAUSED;
}

/* The host side failed: say why, then stop. */
void vcpu_fail(struct vcpu *v, const char *why)
{
	control_set_error(&v->cfg.seam->control, why);
	vcpu_set_state(v, VCPU_ERROR, 0);
}

static void set_single_step(struct vcpu *v, bool on)
{
	if (ops(v)->set_single_step(v->cfg.backend, on) && on)
		vcpu_fail(v, v->cfg.backend->last_error);
}

/* An IN or MMIO read completes inside the next run. Before showing a paused
 * state, let the backend finish it without running the guest further. */
static void complete_pending(struct vcpu *v)
{
	if (!v->needs_completion)
		return;
	ops(v)->complete_pending(v->cfg.backend);
	v->needs_completion = false;
	vcpu_publish_regs(v);
	vcpu_record_regs(v); /* the read's result is in a register now */
}

static void pause_for(struct vcpu *v, unsigned breakpoint)
{
	v->next_exit = false;
	if (v->stepping) {
		v->stepping = false;
		set_single_step(v, false);
	}
	complete_pending(v);
	vcpu_set_state(v, VCPU_PAUSED, (int)breakpoint);
}

void vcpu_enter_pause(struct vcpu *v)
{
	pause_for(v, 0);
}

void vcpu_pause_at_break(struct vcpu *v, unsigned id)
{
	pause_for(v, id);
}

/* A guest paused while asleep in HLT goes back to sleep, not past the HLT. */
static void leave_pause(struct vcpu *v)
{
	vcpu_set_state(v, v->in_hlt ? VCPU_WAITING : VCPU_RUNNING, 0);
}

/* Typed input queued for the old guest must not reach the new one. */
static void drop_input(struct vcpu *v)
{
	input_queue_clear(&v->cfg.seam->input);
	input_queue_clear(&v->cfg.seam->keyboard);
}

/* A new generation: the console clears, the counts start from zero. */
static void new_generation(struct vcpu *v)
{
	vcpu_text_flush(v);
	v->generation++;
	v->seq = 0;
	v->last_exit_time = 0;
	v->start_ns = seam_now_ns();
	counters_reset(&v->cfg.seam->counters, v->start_ns);
	v->stepping = v->next_exit = v->needs_completion = v->guest_exited = v->in_hlt = false;
	v->regs_stale = false;
	v->last_publish_ns = 0;
	vcpu_break_new_generation(v);
	drop_input(v);
	if (v->cfg.reset_devices)
		v->cfg.reset_devices(v->cfg.devices_ctx);
}

/* Published only now, so a console that sees the new generation also sees
 * the new machine complete. A paused console stays paused: press R, then
 * s, to step a guest from its very first instruction. */
static void begin_generation(struct vcpu *v, bool paused)
{
	vcpu_publish_regs(v);
	atomic_store(&v->cfg.seam->control.generation, v->generation);
	v->state = VCPU_STARTING;
	vcpu_set_state(v, paused ? VCPU_PAUSED : VCPU_RUNNING, 0);
	vcpu_record_regs(v); /* after the generation's first record: a replay starts from these */
}

/* The user's reset: a fresh machine (live), the recording from its start. */
static void do_reset(struct vcpu *v)
{
	bool was_paused = is_paused(v);
	char err[256];
	new_generation(v);
	v->seeking = false;
	if (ops(v)->reset(v->cfg.backend, err, sizeof(err))) {
		char why[300];
		snprintf(why, sizeof(why), "reset failed: %s", err);
		vcpu_fail(v, why);
		return;
	}
	begin_generation(v, was_paused);
}

/* The recorded run was reset here: so is the replay, and it goes on playing. */
static void recorded_reset(struct vcpu *v)
{
	new_generation(v);
	begin_generation(v, is_paused(v));
}

/* Replay: back to the start of this generation, then run unpaced up to the
 * target exit and pause there. The console rebuilds what it shows from the
 * replayed records, exactly as it was at that exit. */
static void seek(struct vcpu *v, uint64_t target)
{
	if (!ops(v)->rewind)
		return;
	if (target & CONTROL_SEEK_TIME)
		target = ops(v)->exits_until(v->cfg.backend, target & ~CONTROL_SEEK_TIME);
	new_generation(v);
	if (ops(v)->rewind(v->cfg.backend)) {
		vcpu_fail(v, "the recording cannot be read again from this generation's start");
		return;
	}
	/* The console clears and rebuilds from the replayed records, but this
	 * is the same run seen again, not a reset: say so before it looks. */
	atomic_store(&v->cfg.seam->control.seek_generation, v->generation);
	v->seek_to = target;
	v->seeking = target > 0;
	v->cfg.backend->unpaced = v->seeking;
	begin_generation(v, !v->seeking);
}

static void seek_done(struct vcpu *v)
{
	v->seeking = false;
	v->cfg.backend->unpaced = false;
	if (!vcpu_state_is_final(v->state))
		vcpu_enter_pause(v);
}

static void replay_requests(struct vcpu *v, uint32_t req)
{
	if (!v->cfg.replay)
		return; /* a live CPU cannot go back */
	if (req & CTRL_SEEK)
		seek(v, atomic_load(&v->cfg.seam->control.seek_target));
	else if (req & CTRL_STEP_BACK)
		seek(v, v->seq > 0 ? v->seq - 1 : 0);
}

static void run_requests(struct vcpu *v, uint32_t req)
{
	if ((req & CTRL_PAUSE) && !is_paused(v)) {
		v->seeking = false;
		v->cfg.backend->unpaced = false;
		vcpu_enter_pause(v);
	}
	if ((req & CTRL_RESUME) && is_paused(v)) {
		v->next_exit = false;
		leave_pause(v);
	}
	if (req & CTRL_NEXT_EXIT) {
		v->next_exit = true;
		leave_pause(v);
	}
	if (req & CTRL_STEP) {
		v->stepping = true;
		set_single_step(v, true);
		if (!vcpu_state_is_final(v->state)) /* refused: stay in ERROR */
			leave_pause(v);
	}
}

/* Returns false when the thread should end. */
static bool apply_requests(struct vcpu *v)
{
	if (!control_has_pending(&v->cfg.seam->control))
		return true; /* the common case: a plain load, no atomic exchange */
	uint32_t req = control_take(&v->cfg.seam->control);
	if (req & CTRL_QUIT)
		return false;
	if (req & CTRL_RESET)
		do_reset(v);
	replay_requests(v, req);
	if (req & CTRL_PEEK) {
		vcpu_publish_windows_now(v);
		ring_notify(&v->cfg.seam->ring); /* a console waiting on the ring looks now */
	}
	if (!vcpu_state_is_final(v->state))
		run_requests(v, req); /* only reset, quit or a seek move a stopped guest */
	return true;
}

/* A kick makes KVM_RUN return (an INTR exit) so the loop sees a request.
 * One that lands after its request was already taken finds nothing to do:
 * not an exit worth a line in the log, the guest just runs on. */
static bool is_stray_kick(const struct vcpu *v, const struct vcpu_exit *x)
{
	return x->ev.reason == EXIT_INTR && !x->recorded && !control_has_pending(&v->cfg.seam->control);
}

/* A breakpoint on this exit: pause, naming it. */
static void break_after_exit(struct vcpu *v, const struct event *ev)
{
	unsigned id = vcpu_break_check(v, ev);
	if (id)
		vcpu_pause_at_break(v, id);
}

static void run_once(struct vcpu *v)
{
	struct vcpu_exit x;
	memset(&x, 0, sizeof(x));
	bool injected = vcpu_irq_deliver(v);
	if (!vcpu_state_is_live(v->state))
		return; /* the injection failed */
	if (injected && v->brk.hit) {
		unsigned id = v->brk.hit;
		v->brk.hit = 0;
		vcpu_publish_regs(v);
		vcpu_pause_at_break(v, id);
		return;
	}
	if (injected && v->stepping) {
		/* The guest takes the interrupt on its next entry: the student sees
		 * the injection, then the handler's first instruction, as two steps. */
		vcpu_publish_regs(v);
		vcpu_enter_pause(v);
		return;
	}
	enum backend_run rc = ops(v)->run(v->cfg.backend, &x);
	uint64_t now = exit_clock_now(&v->clock);
	bool stray = rc == BACKEND_EXIT && is_stray_kick(v, &x);
	/* Slow motion spaces exits; a stray kick is none (and KVM's irqchip's
	 * alarm may fire in every throttle wait: were it counted, the guest
	 * would never run again). */
	if (!stray)
		v->last_run_ns = now;
	switch (rc) {
	case BACKEND_EXIT:
		if (stray) {
			if (vcpu_irq_in_kernel(v))
				vcpu_irq_kernel_check(v); /* the alarm: asleep in HLT, or stopped? */
			break;
		}
		if (vcpu_irq_in_kernel(v) && x.ev.reason != EXIT_INTR)
			vcpu_irq_kernel_ran(v);
		vcpu_handle_exit(v, &x, now);
		if (v->seeking && v->seq >= v->seek_to)
			seek_done(v);
		else if (vcpu_state_is_live(v->state))
			break_after_exit(v, &x.ev);
		break;
	case BACKEND_KICKED:
		break;
	case BACKEND_RESET:
		recorded_reset(v);
		break;
	case BACKEND_END:
		v->seeking = false;
		v->cfg.backend->unpaced = false;
		vcpu_set_state(v, x.end_state, x.end_status);
		break;
	case BACKEND_ERROR:
		vcpu_fail(v, x.why ? x.why : "the CPU backend failed");
		break;
	}
	if (v->cfg.screen)
		v->cfg.screen(v->cfg.devices_ctx, false);
}

/* Slow motion: returns true if it waited (requests may have arrived). */
static bool throttle(struct vcpu *v)
{
	uint32_t rate = atomic_load(&v->cfg.seam->control.rate_limit);
	if (rate == 0 || v->last_run_ns == 0 || v->seeking)
		return false;
	uint64_t due = v->last_run_ns + 1000000000ull / rate;
	uint64_t now = exit_clock_now(&v->clock); /* the clock last_run_ns came from */
	if (now >= due)
		return false;
	control_wait(&v->cfg.seam->control, (int64_t)(due - now));
	return exit_clock_now(&v->clock) < due || control_has_pending(&v->cfg.seam->control);
}

/* A stopped replay set to loop starts over after showing its end a moment. */
static void idle(struct vcpu *v)
{
	struct control *ctl = &v->cfg.seam->control;
	bool loop = v->cfg.replay && vcpu_state_is_final(v->state) && atomic_load(&ctl->replay_loop);
	control_wait(ctl, loop ? LOOP_PAUSE_NS : -1);
	if (loop && !control_has_pending(ctl) && atomic_load(&ctl->replay_loop))
		do_reset(v);
}

static void *vcpu_thread_main(void *arg)
{
	struct vcpu *v = arg;
	/* A guest asleep in HLT is woken by this thread's timed wait: Linux's
	 * default 50 us of timer slack would make every interrupt that late. */
	prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
	ops(v)->thread_begin(v->cfg.backend);
	exit_clock_init(&v->clock); /* reads /proc/cpuinfo: before the filter */
	/* Set up: from here on the thread handles what the guest does. */
	sandbox_enter(SANDBOX_VCPU);
	v->start_ns = seam_now_ns();
	counters_reset(&v->cfg.seam->counters, v->start_ns);
	vcpu_publish_regs(v);
	vcpu_set_state(v, v->cfg.start_paused ? VCPU_PAUSED : VCPU_RUNNING, 0);
	vcpu_record_regs(v);
	for (;;) {
		ops(v)->arm_kick(v->cfg.backend);
		if (!apply_requests(v))
			break;
		if (is_paused(v) || vcpu_state_is_final(v->state)) {
			idle(v);
			continue;
		}
		if (v->state == VCPU_WAITING && !vcpu_irq_in_kernel(v)) {
			vcpu_irq_wait(v); /* KVM's irqchip: the thread waits inside KVM_RUN instead */
			continue;
		}
		if (throttle(v))
			continue;
		run_once(v);
	}
	if (!vcpu_state_is_final(v->state))
		vcpu_set_state(v, VCPU_QUIT, 0);
	ops(v)->thread_end(v->cfg.backend);
	return NULL;
}

void vcpu_init(struct vcpu *v, const struct vcpu_config *cfg)
{
	memset(v, 0, sizeof(*v));
	v->cfg = *cfg;
	v->state = VCPU_STARTING;
}

int vcpu_start(struct vcpu *v)
{
	atomic_store(&v->thread_running, true);
	int rc = pthread_create(&v->thread, NULL, vcpu_thread_main, v);
	if (rc) {
		atomic_store(&v->thread_running, false);
		return -rc;
	}
	return 0;
}

void vcpu_stop(struct vcpu *v)
{
	if (!atomic_load(&v->thread_running))
		return;
	control_request(&v->cfg.seam->control, CTRL_QUIT);
	pthread_join(v->thread, NULL);
	atomic_store(&v->thread_running, false);
}
