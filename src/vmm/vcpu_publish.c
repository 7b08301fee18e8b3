/* SPDX-License-Identifier: MIT */
/* vcpu_publish.c - what the vCPU shows its console: records, text, state, registers.
 *
 * Everything pushed into the ring also goes to the recording, in the same
 * order, so a replay shows exactly what the live console showed.
 */
#include <string.h>

#include "record.h"
#include "vcpu.h"

void vcpu_emit(struct vcpu *v, const struct event *ev)
{
	ring_push_quiet(&v->cfg.seam->ring, ev);
	if (v->cfg.record)
		rec_writer_event(v->cfg.record, ev);
}

void vcpu_text_flush(struct vcpu *v)
{
	if (v->text.len == 0)
		return;
	v->text.generation = v->generation;
	v->text.vcpu = v->cfg.id;
	v->text.seq = v->seq;
	vcpu_emit(v, &v->text);
	v->text.len = 0;
}

/* Consecutive bytes are gathered into one record (a rep outsb of 30 bytes is
 * one record, not 30), flushed at the end of each exit. */
void vcpu_text_byte(struct vcpu *v, enum event_kind kind, uint8_t byte)
{
	if (v->text.len && (v->text.kind != kind || v->text.len == EVENT_TEXT_MAX))
		vcpu_text_flush(v);
	v->text.kind = (uint8_t)kind;
	v->text.u.text[v->text.len++] = byte;
}

void vcpu_guest_exit(struct vcpu *v, int status)
{
	v->guest_exited = true;
	v->guest_status = status;
}

bool vcpu_read_regs(struct vcpu *v, struct cpu_state *cpu)
{
	memset(cpu, 0, sizeof(*cpu));
	if (v->cfg.backend->ops->get_regs(v->cfg.backend, cpu))
		return false;
	cpu->exits = v->seq;
	cpu->generation = v->generation;
	if (v->cfg.irq) /* live; a replay's come from the recording */
		cpu->irq = v->irq_lines;
	return true;
}

void vcpu_publish_regs(struct vcpu *v)
{
	struct cpu_state cpu;
	vcpu_irq_read_lines(v);
	if (vcpu_read_regs(v, &cpu)) {
		snapshot_publish(&v->cfg.seam->regs, &cpu);
		vcpu_publish_windows(v, &cpu, false);
	}
	v->regs_stale = false;
}

void vcpu_publish_windows_now(struct vcpu *v)
{
	struct cpu_state cpu;
	if (mem_view_wanted(&v->cfg.seam->memory) && vcpu_read_regs(v, &cpu))
		vcpu_publish_windows(v, &cpu, true);
}

/* Registers come with every exit, but a console draws at most ~60 frames a
 * second: while the guest runs, publish at most every SNAPSHOT_PERIOD_NS.
 * Any change of state publishes the latest at once (see vcpu_set_state). */
#define SNAPSHOT_PERIOD_NS 1000000ull

void vcpu_publish_running_regs(struct vcpu *v, uint64_t now)
{
	if (now - v->last_publish_ns < SNAPSHOT_PERIOD_NS) {
		v->regs_stale = true;
		return;
	}
	v->last_publish_ns = now;
	vcpu_publish_regs(v);
}

/* An exit and the registers it left, side by side in the recording (a few
 * bytes each, delta-encoded), so a replay can stop on any exit and show them. */
void vcpu_emit_exit(struct vcpu *v, const struct event *ev)
{
	ring_push_quiet(&v->cfg.seam->ring, ev);
	struct cpu_state cpu;
	if (v->cfg.record && vcpu_read_regs(v, &cpu))
		rec_writer_exit(v->cfg.record, ev, &cpu);
}

void vcpu_record_regs(struct vcpu *v)
{
	struct cpu_state cpu;
	if (v->cfg.record && vcpu_read_regs(v, &cpu))
		rec_writer_regs(v->cfg.record, &cpu);
}

void vcpu_set_state(struct vcpu *v, enum vcpu_state state, int status)
{
	if (v->state == state && state != VCPU_RUNNING)
		return;
	if (v->regs_stale)
		vcpu_publish_regs(v); /* a stopped vCPU always shows its last registers */
	if (v->cfg.screen)
		v->cfg.screen(v->cfg.devices_ctx, true); /* ... and its last screen */
	vcpu_text_flush(v);
	v->state = state;
	vcpu_irq_clock(v, state);
	if (state == VCPU_DEBUG_EXIT)
		atomic_store(&v->cfg.seam->control.exit_status, status);
	control_set_state(&v->cfg.seam->control, state);
	struct event ev = { .kind = EVENT_STATE, .generation = v->generation, .vcpu = v->cfg.id,
			    .seq = v->seq };
	/* A replay's clock is the recording's, not the wall's. */
	ev.time_ns = v->cfg.replay ? v->last_exit_time : seam_now_ns() - v->start_ns;
	ev.u.state.state = state;
	ev.u.state.status = status;
	vcpu_emit(v, &ev);
	if (!vcpu_state_is_live(state))
		vcpu_publish_windows_now(v); /* a stopped guest shows its memory as it stopped */
	if (vcpu_state_is_final(state))
		vcpu_fill_dumps(v); /* --dump: memory as the guest ended */
	ring_notify(&v->cfg.seam->ring);
	if (v->cfg.backend->ops->state_changed)
		v->cfg.backend->ops->state_changed(v->cfg.backend, state);
	/* A stop is on disk at once. Not a HLT's wait: a guest idling on a
	 * timer changes state hundreds of times a second, and a block each time
	 * would make its recording forty times larger (the 200 ms flush still
	 * puts it on disk). */
	if (v->cfg.record && !vcpu_state_is_live(state))
		rec_writer_flush(v->cfg.record);
}
