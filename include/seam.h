/* SPDX-License-Identifier: MIT */
/* seam.h - everything the vCPU thread and its consumer share, in one place.
 *
 * The UI and the headless console see the VM only through this: the event
 * ring, the register snapshot, the text screen, the exit counters, the in-kernel statistics,
 * the control requests, the input queues (COM1's and the keyboard's) and
 * the windows onto guest memory.
 */
#ifndef KVMTUI_SEAM_H
#define KVMTUI_SEAM_H

#include "breakpoints.h"
#include "control.h"
#include "counters.h"
#include "input_queue.h"
#include "kstats.h"
#include "mem_view.h"
#include "ring.h"
#include "text_screen.h"
#include "snapshot.h"

#define SEAM_RING_CAPACITY 16384

struct seam {
	struct ring ring;
	struct snapshot regs;
	struct text_screen_box screen;    /* the text screen at 0xB8000 (with the BIOS) */
	struct exit_counters counters;
	struct kstats_box kstats;
	struct control control;
	struct input_queue input;    /* typed bytes for COM1 */
	struct input_queue keyboard; /* typed keys for the 8042 (key_stream.h) */
	struct mem_view memory;      /* windows onto guest memory (code, memory pane) */
	struct bp_list breaks;       /* where the vCPU stops by itself (breakpoints.h) */
};

/* Allocated aligned (the ring's lines); NULL on failure with errno set. */
struct seam *seam_create(size_t ring_capacity);
void seam_destroy(struct seam *seam);

uint64_t seam_now_ns(void); /* CLOCK_MONOTONIC in ns */

#endif
