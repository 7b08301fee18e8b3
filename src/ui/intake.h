/* SPDX-License-Identifier: MIT */
/* intake.h - what the vCPU published, brought into the UI's state.
 *
 * Events come from the ring in batches; the register snapshot, counters,
 * in-kernel statistics and the vCPU state are looked at once a loop. Every
 * change marks the screen dirty. No curses: unit-tested with a real seam.
 */
#ifndef KVMTUI_INTAKE_H
#define KVMTUI_INTAKE_H

#include <stddef.h>
#include <stdint.h>

#include "tui_state.h"

/* Pops and applies up to budget events; returns how many. */
size_t intake_drain(struct tui *t, size_t budget);
void intake_apply(struct tui *t, const struct event *ev);
/* A new generation from the control word (call it before draining, so an
 * old VM's records are dropped). The vCPU's state comes only from the
 * ring's state records, in order with the exits and bytes before them:
 * never HALTED above a pane still missing the guest's final bytes, never
 * set back by an older record. */
void intake_control(struct tui *t);
/* Registers, the text screen, kernel statistics and exit rate: the rest
 * that is not an event. */
void intake_poll(struct tui *t, uint64_t now_ns);
/* The frame that shows the current registers was drawn: the next snapshot
 * starts a fresh set of changed marks. */
void intake_regs_drawn(struct tui *t);

#endif
