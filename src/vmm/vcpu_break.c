/* SPDX-License-Identifier: MIT */
/* vcpu_break.c - the vCPU stops by itself where the console set a
 * breakpoint (breakpoints.h): after each exit and each injection it looks
 * whether one was hit, and pauses naming it. */
#include <string.h>

#include "vcpu.h"

/* The console changed the list: take a fresh copy. */
static void refresh(struct vcpu *v, struct bp_list *l)
{
	uint32_t version = atomic_load_explicit(&l->version, memory_order_acquire);
	if (v->brk.copied && version == v->brk.version)
		return;
	v->brk.n = bp_snapshot(l, v->brk.bp, NULL, BRK_MAX);
	v->brk.version = version;
	v->brk.copied = true;
	v->brk.watch_mode = false;
	for (unsigned i = 0; i < v->brk.n; i++)
		v->brk.watch_mode |= v->brk.bp[i].kind == BRK_MODE && v->brk.bp[i].enabled;
}

/* The mode bits now, and the ones at the last look (a mode breakpoint
 * compares them; the first look of a generation has nothing to compare). */
static void mode_now(struct vcpu *v, unsigned *prev, unsigned *now)
{
	struct cpu_state cpu;
	*prev = *now = v->brk.mode;
	if (!v->brk.watch_mode || !vcpu_read_regs(v, &cpu))
		return;
	*now = bp_mode_bits(&cpu);
	if (!v->brk.mode_known)
		*prev = *now;
	v->brk.mode = *now;
	v->brk.mode_known = true;
}

unsigned vcpu_break_check(struct vcpu *v, const struct event *ev)
{
	struct bp_list *l = &v->cfg.seam->breaks;
	if (!atomic_load_explicit(&l->armed, memory_order_relaxed) || v->seeking)
		return 0;
	refresh(v, l);
	unsigned prev, now;
	mode_now(v, &prev, &now);
	int slot = bp_match(v->brk.bp, v->brk.n, ev, prev, now);
	if (slot < 0)
		return 0;
	/* The count goes to the same slot only if the list is still the one copied. */
	if (atomic_load_explicit(&l->version, memory_order_acquire) == v->brk.version)
		atomic_fetch_add(&l->hits[slot], 1);
	return v->brk.bp[slot].id;
}

void vcpu_break_new_generation(struct vcpu *v)
{
	v->brk.mode_known = false;
	v->brk.hit = 0;
}
