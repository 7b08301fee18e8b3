/* SPDX-License-Identifier: MIT */
/* vcpu_kirq.c - the vCPU with KVM's in-kernel irqchip (--irqchip kernel).
 *
 * KVM's PICs and PIT deliver the interrupts and KVM handles HLT itself: a
 * halted guest keeps the vCPU thread asleep inside KVM_RUN, and no HLT exit
 * ever reaches kvm-tui. What is left here: move the lines of kvm-tui's own
 * devices (KVM_IRQ_LINE, each change shown as an IRQ record), wake the
 * thread when one of them is due (the machine's alarm), and look now and
 * then whether the guest sleeps (WAITING) or has stopped for good: HLT with
 * interrupts off ends the run as it does with the user-space irqchip.
 */
#include "vcpu.h"

#define RFLAGS_IF 0x200u
/* A vCPU that has not come back from KVM_RUN for this long is looked at:
 * asleep in HLT? with interrupts off? A running guest that ends in HLT
 * with IF=0 ends the run up to this much later than the HLT (a user-space
 * irqchip sees the HLT exit at once). Each look is a kick, counted by KVM
 * as a signal exit: a guest already asleep is looked at less often (it
 * must wake before it can stop for good), 10 a second. */
#define KIRQ_PROBE_NS 10000000ull
#define KIRQ_PROBE_WAITING_NS 100000000ull
/* A device due sooner than this is looked at this late: a CMOS periodic
 * interrupt at its fastest (8192 Hz) cannot make the host spin. */
#define KIRQ_MIN_WAIT_NS 50000ull

bool vcpu_irq_in_kernel(const struct vcpu *v)
{
	return v->cfg.irq && v->cfg.irq->in_kernel && v->cfg.backend->ops->irq_line;
}

void vcpu_irq_line(struct vcpu *v, unsigned irq, bool level)
{
	struct cpu_backend *be = v->cfg.backend;
	if (be->ops->irq_line(be, irq, level)) {
		control_set_error(&v->cfg.seam->control, be->last_error);
		vcpu_set_state(v, VCPU_ERROR, 0);
		return;
	}
	vcpu_emit_irq(v, irq, level ? IRQ_LINE_RAISED : IRQ_LINE_LOWERED, 0, 0);
}

/* Before each run: the devices catch up (their lines go out as they move),
 * and the alarm is set for the first of their next event and the probe. */
void vcpu_kirq_before_run(struct vcpu *v)
{
	const struct vcpu_irq *irq = v->cfg.irq;
	struct cpu_backend *be = v->cfg.backend;
	uint64_t now = exit_clock_now(&v->clock);
	(void)irq->poll(irq->ctx, now);
	uint64_t at = now + (v->state == VCPU_WAITING ? KIRQ_PROBE_WAITING_NS : KIRQ_PROBE_NS);
	uint64_t next = irq->next_event(irq->ctx, now);
	if (next < at)
		at = next > now + KIRQ_MIN_WAIT_NS ? next : now + KIRQ_MIN_WAIT_NS;
	be->ops->alarm(be, at, now);
}

static void set_waiting(struct vcpu *v, bool waiting)
{
	v->in_hlt = waiting;
	vcpu_set_state(v, waiting ? VCPU_WAITING : VCPU_RUNNING, 0);
}

void vcpu_irq_kernel_check(struct vcpu *v)
{
	struct cpu_backend *be = v->cfg.backend;
	int halted = be->ops->irq_halted(be);
	struct cpu_state cpu;
	if (halted < 0)
		return;
	if (!halted) {
		if (v->state == VCPU_WAITING)
			set_waiting(v, false);
		return;
	}
	if (be->ops->get_regs(be, &cpu))
		return;
	vcpu_irq_read_lines(v);
	if (!(cpu.rflags & RFLAGS_IF) || vcpu_irq_all_masked(&v->irq_lines)) {
		/* Nothing maskable can wake it: the end, as a HLT exit would be. */
		v->in_hlt = false;
		vcpu_set_state(v, VCPU_HALTED, 0);
	} else if (v->state == VCPU_RUNNING) {
		set_waiting(v, true);
	}
}

void vcpu_irq_kernel_ran(struct vcpu *v)
{
	if (v->state == VCPU_WAITING)
		set_waiting(v, false);
}
