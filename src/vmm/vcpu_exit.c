/* SPDX-License-Identifier: MIT */
/* vcpu_exit.c - one exit: count it, let the devices answer, show it, act on it.
 *
 * Every exit is counted, handed to the devices and pushed into the ring
 * before the guest runs again. What an exit does to the vCPU's state (HLT
 * stops it, a failed entry ends it, ...) is looked up in the exit table.
 */
#include <stddef.h>
#include <string.h>

#include "exit_table.h"
#include "vcpu.h"

/* The text gathered during this exit is only ever from this exit (it is
 * flushed at the end of each). If it is COM1 output small enough, it rides
 * in the exit's own record: one ring record per OUT instead of two. */
static void carry_serial(struct vcpu *v, struct event *ev)
{
	struct event *text = &v->text;
	if (text->len == 0 || text->kind != EVENT_UART || text->len > sizeof(ev->u.io.serial))
		return;
	memcpy(ev->u.io.serial, text->u.text, text->len);
	ev->u.io.serial_len = text->len;
	ev->flags |= EVENT_F_SERIAL;
	text->len = 0;
}

/* A BIOS trap's OUT is shown as the call it stands for: the record's
 * bytes after u.io's first fields (port, size, direction, count) say which
 * call, with what, and how it ended. */
static void carry_bios(struct vcpu *v, struct event *ev)
{
	const size_t from = offsetof(struct event, u.bios.vector);
	memcpy((uint8_t *)ev + from, (const uint8_t *)&v->bios_call + from, sizeof(*ev) - from);
	ev->flags |= EVENT_F_BIOS;
	v->bios_noted = false;
}

void vcpu_note_bios(struct vcpu *v, const struct event *call)
{
	v->bios_call = *call;
	v->bios_noted = true;
}

static void devices_io(struct vcpu *v, struct vcpu_exit *x)
{
	struct event *ev = &x->ev;
	uint8_t size = ev->u.io.size;
	uint32_t count = ev->u.io.count;
	if (ev->u.io.dir == IO_OUT) {
		for (uint32_t i = 0; i < count; i++) {
			uint32_t val = 0;
			memcpy(&val, x->io_data + (size_t)i * size, size);
			bus_pio_write(v->cfg.bus, ev->u.io.port, size, val);
		}
		if (v->bios_noted)
			carry_bios(v, ev); /* COM1 text from int 14h goes in a record of its own */
		else
			carry_serial(v, ev);
		return;
	}
	for (uint32_t i = 0; i < count; i++) {
		uint32_t val = 0;
		bus_pio_read(v->cfg.bus, ev->u.io.port, size, &val);
		memcpy(x->io_data + (size_t)i * size, &val, size);
	}
	size_t bytes = (size_t)size * count;
	memcpy(ev->u.io.data, x->io_data, bytes < 8 ? bytes : 8);
	v->needs_completion = true;
}

static void devices_mmio(struct vcpu *v, struct vcpu_exit *x)
{
	struct event *ev = &x->ev;
	uint8_t len = ev->u.mmio.len <= 8 ? ev->u.mmio.len : 8;
	if (ev->u.mmio.is_write) {
		bus_mmio_write(v->cfg.bus, ev->u.mmio.addr, x->mmio_data, len);
		return;
	}
	bus_mmio_read(v->cfg.bus, ev->u.mmio.addr, x->mmio_data, len);
	memcpy(ev->u.mmio.data, x->mmio_data, len);
	v->needs_completion = true;
}

/* A live exit goes to the devices; a recorded one already holds their answer. */
static void devices_answer(struct vcpu *v, struct vcpu_exit *x)
{
	if (x->recorded || !v->cfg.bus)
		return;
	if (x->ev.reason == EXIT_IO)
		devices_io(v, x);
	else if (x->ev.reason == EXIT_MMIO)
		devices_mmio(v, x);
}

static void after_system_event(struct vcpu *v, const struct event *ev)
{
	switch (ev->u.system_event.type) {
	case EXIT_SYSTEM_EVENT_RESET:
		control_request(&v->cfg.seam->control, CTRL_RESET); /* as a PC would: reboot */
		break;
	case EXIT_SYSTEM_EVENT_SHUTDOWN:
		vcpu_set_state(v, VCPU_SHUTDOWN, 0);
		break;
	default:
		vcpu_set_state(v, VCPU_ERROR, 0);
		break;
	}
}

/* What the exit means for the vCPU's state. */
static void exit_effect(struct vcpu *v, const struct vcpu_exit *x)
{
	switch (exit_info(x->ev.reason)->effect) {
	case EXIT_EFFECT_CONTINUE:
	case EXIT_EFFECT_STEP:
		break;
	case EXIT_EFFECT_HALT:
		/* With interrupts on, a device can wake it (the timer always
		 * can); with them off, nothing will: the guest has stopped. */
		v->in_hlt = vcpu_irq_can_wake(v);
		vcpu_set_state(v, v->in_hlt ? VCPU_WAITING : VCPU_HALTED, 0);
		break;
	case EXIT_EFFECT_SHUTDOWN:
		vcpu_set_state(v, VCPU_SHUTDOWN, 0);
		break;
	case EXIT_EFFECT_FAIL_ENTRY:
		vcpu_set_state(v, VCPU_FAIL_ENTRY, 0);
		break;
	case EXIT_EFFECT_INTERNAL_ERROR:
		vcpu_set_state(v, VCPU_INTERNAL_ERROR, 0);
		break;
	case EXIT_EFFECT_SYSTEM_EVENT:
		after_system_event(v, &x->ev);
		break;
	case EXIT_EFFECT_ERROR:
		vcpu_set_state(v, VCPU_ERROR, 0);
		break;
	}
}

static void after_exit(struct vcpu *v, const struct vcpu_exit *x)
{
	/* A recorded exit's consequence (a HLT that waited or ended the run,
	 * a triple fault) is in the recording's own state records. */
	if (!x->recorded)
		exit_effect(v, x);
	else if (x->ends)
		vcpu_set_state(v, x->end_state, x->end_status);
	if (v->guest_exited)
		vcpu_set_state(v, VCPU_DEBUG_EXIT, v->guest_status);
	if (vcpu_state_is_final(v->state) || v->seeking)
		return;
	if (v->cfg.max_exits && v->seq >= v->cfg.max_exits)
		vcpu_set_state(v, VCPU_EXIT_LIMIT, 0);
	else if (x->step_done || (v->next_exit && x->ev.reason != EXIT_INTR))
		vcpu_enter_pause(v);
}

void vcpu_handle_exit(struct vcpu *v, struct vcpu_exit *x, uint64_t now)
{
	struct event *ev = &x->ev;
	ev->seq = ++v->seq;
	ev->generation = v->generation;
	ev->vcpu = v->cfg.id;
	if (!x->recorded) /* the TSC clock may lag a reset by ns */
		ev->time_ns = now > v->start_ns ? now - v->start_ns : 0;
	v->last_exit_time = ev->time_ns;
	if (x->step_done)
		ev->flags |= EVENT_F_STEP;
	counters_count(&v->cfg.seam->counters, ev->reason);
	v->needs_completion = false;
	devices_answer(v, x);
	vcpu_emit_exit(v, ev);
	vcpu_text_flush(v);
	ring_notify(&v->cfg.seam->ring); /* one wakeup check per exit, not per record */
	if (!v->seeking)
		vcpu_publish_running_regs(v, now);
	else
		v->regs_stale = true;
	after_exit(v, x);
}
