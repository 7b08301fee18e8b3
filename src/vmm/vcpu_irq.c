/* SPDX-License-Identifier: MIT */
/* vcpu_irq.c - getting the machine's interrupts into the guest.
 *
 * Before each run the devices are brought up to date; a pending interrupt
 * is injected (KVM_INTERRUPT) when the guest can take it, and otherwise KVM
 * is asked to exit as soon as it can (IRQ_WINDOW_OPEN), exactly the dance a
 * VMM without an in-kernel interrupt controller does. A HLT with interrupts
 * on puts the vCPU thread to sleep until the next interrupt is due.
 */
#include "vcpu.h"

#define RFLAGS_IF 0x200u
/* A guest may program the PIT at its fastest (count 1: 1.19 MHz). Waking
 * at most every 50 us caps the host at 20000 timer wakeups a second; the
 * ticks in between coalesce into the next interrupt, as hardware would. */
#define IRQ_MIN_WAIT_NS 50000ull

static bool has_irq(const struct vcpu *v)
{
	return v->cfg.irq && v->cfg.backend->ops->irq_inject;
}

void vcpu_emit_irq(struct vcpu *v, unsigned line, enum irq_how how, int vector, uint32_t coalesced)
{
	struct event ev = { .kind = EVENT_IRQ, .generation = v->generation, .vcpu = v->cfg.id, .seq = v->seq };
	ev.time_ns = seam_now_ns() - v->start_ns;
	ev.u.irq.irq = (uint8_t)line;
	ev.u.irq.how = (uint8_t)how;
	ev.u.irq.vector = (uint8_t)vector;
	ev.u.irq.coalesced = coalesced;
	if (how == IRQ_INJECTED && v->stepping)
		ev.flags |= EVENT_F_STEP; /* the injection ends the step (vcpu_loop.c) */
	vcpu_emit(v, &ev);
	ring_notify(&v->cfg.seam->ring);
	if (how == IRQ_INJECTED && !v->brk.hit)
		v->brk.hit = vcpu_break_check(v, &ev); /* run_once pauses after the injection */
}

bool vcpu_irq_deliver(struct vcpu *v)
{
	if (vcpu_irq_in_kernel(v)) {
		vcpu_kirq_before_run(v); /* KVM delivers: only the lines and the alarm here */
		return false;
	}
	if (!has_irq(v))
		return false;
	const struct vcpu_irq *irq = v->cfg.irq;
	struct cpu_backend *be = v->cfg.backend;
	/* The exit clock: a vDSO clock read per run would cost more than the poll. */
	if (!irq->poll(irq->ctx, exit_clock_now(&v->clock))) {
		be->ops->irq_window(be, false);
		return false;
	}
	if (!be->ops->irq_ready(be)) {
		be->ops->irq_window(be, true); /* IF off or an interrupt shadow: exit when it can */
		return false;
	}
	unsigned line = 0;
	uint32_t coalesced = 0;
	int vector = irq->acknowledge(irq->ctx, &line, &coalesced);
	if (vector < 0)
		return false;
	if (be->ops->irq_inject(be, (uint8_t)vector)) {
		control_set_error(&v->cfg.seam->control, be->last_error);
		vcpu_set_state(v, VCPU_ERROR, 0);
		return false;
	}
	be->ops->irq_window(be, false);
	v->in_hlt = false;
	vcpu_emit_irq(v, line, IRQ_INJECTED, vector, coalesced);
	return true;
}

/* A HLT with interrupts on is a wait, not the end: some device will raise
 * a line (the timer always can). With interrupts off it is the end, as on a
 * real PC, and as kvm-tui has always shown it. */
bool vcpu_irq_can_wake(struct vcpu *v)
{
	/* With KVM's irqchip a HLT exit never comes: vcpu_kirq.c looks instead. */
	struct cpu_state cpu;
	if (!has_irq(v) || v->cfg.backend->ops->get_regs(v->cfg.backend, &cpu))
		return false;
	if (!(cpu.rflags & RFLAGS_IF))
		return false;
	vcpu_irq_read_lines(v);
	return !vcpu_irq_all_masked(&v->irq_lines);
}

/* The PICs let nothing through: the master masks all eight lines, or all but
 * the cascade (IR2) while the slave masks all of its own, and nothing
 * unmasked is pending. A HLT then waits for nothing, interrupts on or not. */
bool vcpu_irq_all_masked(const struct cpu_irq_lines *l)
{
	if (l->valid != CPU_IRQ_LINES_VALID || (l->irr & ~l->imr) != 0)
		return false;
	uint8_t master = (uint8_t)l->imr, slave = (uint8_t)(l->imr >> 8);
	return master == 0xff || (master == 0xfb && slave == 0xff);
}

/* Asleep in HLT: until the next timer event, or a request (which includes
 * input for the guest). Nothing spins. */
void vcpu_irq_wait(struct vcpu *v)
{
	const struct vcpu_irq *irq = v->cfg.irq;
	uint64_t now = seam_now_ns();
	if (irq->poll(irq->ctx, now)) {
		vcpu_set_state(v, VCPU_RUNNING, 0); /* the next run injects it */
		return;
	}
	uint64_t next = irq->next_event(irq->ctx, now);
	if (next == UINT64_MAX) {
		control_wait(&v->cfg.seam->control, -1);
		return;
	}
	uint64_t wait = next > now ? next - now : 0;
	control_wait(&v->cfg.seam->control, (int64_t)(wait > IRQ_MIN_WAIT_NS ? wait : IRQ_MIN_WAIT_NS));
}

void vcpu_irq_clock(struct vcpu *v, enum vcpu_state state)
{
	if (!v->cfg.irq)
		return;
	bool running = vcpu_state_is_live(state);
	v->cfg.irq->clock(v->cfg.irq->ctx, running, seam_now_ns());
	if (vcpu_irq_in_kernel(v) && v->cfg.backend->ops->irq_clock)
		v->cfg.backend->ops->irq_clock(v->cfg.backend, running); /* KVM's PIT */
}

/* Read only when registers are published (at most every millisecond), not
 * at every exit: with KVM's chips it costs two ioctls. */
void vcpu_irq_read_lines(struct vcpu *v)
{
	struct cpu_backend *be = v->cfg.backend;
	if (vcpu_irq_in_kernel(v)) {
		if (!be->ops->irq_lines || be->ops->irq_lines(be, &v->irq_lines))
			v->irq_lines.valid = 0;
	} else if (v->cfg.irq && v->cfg.irq->lines) {
		v->cfg.irq->lines(v->cfg.irq->ctx, &v->irq_lines);
	}
}
