/* SPDX-License-Identifier: MIT */
/* vm_sink.c - what a backend produces besides exits, onto the seam.
 *
 * Kernel statistics come from one thread only (KVM's sampler, or the
 * replaying vCPU thread), so their seqlock has a single writer. Text a
 * recording replays goes through the vCPU like live text does.
 */
#include "record.h"
#include "vm_internal.h"

static void sink_kstats(void *ctx, const struct kstats *sample)
{
	struct vm *vm = ctx;
	struct kstats ks = *sample;
	ks.generation = atomic_load(&vm->seam->control.generation);
	kstats_publish(&vm->seam->kstats, &ks);
	if (vm->record)
		rec_writer_kstats(vm->record, &ks);
	/* A console asleep over a halted guest should still see the new counts:
	 * waking it is safe from any thread (an atomic flag and an eventfd). */
	ring_notify(&vm->seam->ring);
}

static void sink_event(void *ctx, const struct event *recorded)
{
	struct vm *vm = ctx;
	struct event ev = *recorded;
	ev.generation = vm->vcpu.generation;
	vcpu_emit(&vm->vcpu, &ev);
}

struct backend_sink vm_sink(struct vm *vm)
{
	return (struct backend_sink){ .ctx = vm, .kstats = sink_kstats, .event = sink_event };
}
