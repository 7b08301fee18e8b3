/* SPDX-License-Identifier: MIT */
/* cpu_backend.h - what the vCPU loop asks of a CPU: the one seam it drives.
 *
 * The loop (vcpu_loop.c) owns the state machine a student watches: running,
 * paused, stepping, slow motion, reset, the final states. A backend owns the
 * CPU underneath: KVM (backend_kvm.c) or a recording (src/replay). Neither the
 * loop, the devices nor the UI know which one runs. No KVM types here, so the
 * replay backend builds without <linux/kvm.h>.
 */
#ifndef KVMTUI_CPU_BACKEND_H
#define KVMTUI_CPU_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"
#include "event.h"
#include "kstats.h"

enum backend_run {
	BACKEND_EXIT,   /* *out holds an exit */
	BACKEND_KICKED, /* back without an exit: a request is waiting (replay) */
	BACKEND_RESET,  /* the recorded run was reset here; the next exit is a fresh VM's */
	BACKEND_END,    /* nothing more to run: out->end_state, out->end_status */
	BACKEND_ERROR,  /* the host side failed */
};

struct vcpu_exit {
	struct event ev;      /* EVENT_EXIT: reason, decoded detail, rip, flags */
	bool recorded;        /* replay: ev comes whole (time, IN data, COM1 bytes);
			       * the devices are not asked */
	bool step_done;       /* a single step ended with this exit */
	uint8_t *io_data;     /* live IO: size*count bytes, OUT from the guest, IN to fill */
	uint8_t *mmio_data;   /* live MMIO: the access's bytes, read or to fill */
	bool ends;                 /* replay: the run stopped right at this exit (end_state) */
	enum vcpu_state end_state; /* BACKEND_END, or with ends */
	int32_t end_status;
	const char *why;           /* BACKEND_ERROR: what failed, for the user */
};

/* Where a backend sends what it produces besides exits. */
struct backend_sink {
	void *ctx;
	void (*kstats)(void *ctx, const struct kstats *ks); /* from one thread only */
	void (*event)(void *ctx, const struct event *ev);   /* replay: recorded text, now */
};

struct cpu_backend;

struct cpu_backend_ops {
	const char *name; /* "kvm", "replay" */
	/* On the vCPU thread, before its first and after its last run. */
	void (*thread_begin)(struct cpu_backend *be);
	void (*thread_end)(struct cpu_backend *be);
	/* Runs the guest until its next exit. */
	enum backend_run (*run)(struct cpu_backend *be, struct vcpu_exit *out);
	/* Forget the last kick; called before the loop takes requests, so a
	 * kick for a request posted after the take still stops the next run. */
	void (*arm_kick)(struct cpu_backend *be);
	/* Any thread: make a run in progress return soon. */
	void (*kick)(struct cpu_backend *be);
	/* The registers as of the last exit (or the start). 0, or -1. */
	int (*get_regs)(struct cpu_backend *be, struct cpu_state *out);
	/* Changes them before the next run. 0, -1, or -2 if the backend cannot. */
	int (*set_regs)(struct cpu_backend *be, const struct cpu_state *in);
	/* Finish an IN or MMIO read without running the guest further. */
	void (*complete_pending)(struct cpu_backend *be);
	int (*set_single_step)(struct cpu_backend *be, bool on); /* -1: see last_error */
	/* The vCPU changed state (the kernel's statistics are sampled then). */
	void (*state_changed)(struct cpu_backend *be, enum vcpu_state state);
	/* A fresh start: a new machine from the same image (live), the
	 * recording from its beginning (replay). 0, or -1 with err. */
	int (*reset)(struct cpu_backend *be, char *err, size_t errlen);
	/* Interrupts from kvm-tui's own devices (live; NULL in a replay, whose
	 * recording already holds them): whether the guest would take one now
	 * (interrupts on, no interrupt shadow), inject one, and ask for an
	 * IRQ_WINDOW_OPEN exit as soon as it could. */
	bool (*irq_ready)(struct cpu_backend *be);
	int (*irq_inject)(struct cpu_backend *be, uint8_t vector); /* -1: see last_error */
	void (*irq_window)(struct cpu_backend *be, bool want);
	/* The in-kernel irqchip (live with --irqchip kernel; NULL in a replay):
	 * move one of kvm-tui's own device lines (ISA IRQ 0-15), 0 or -1 (see
	 * last_error); whether the vCPU sleeps in HLT inside the kernel (1),
	 * runs (0) or cannot say (-1); the guest's time runs or stops (a pause:
	 * the in-kernel timer freezes); the PICs' registers, 0 or -1. */
	int (*irq_line)(struct cpu_backend *be, unsigned irq, bool level);
	int (*irq_halted)(struct cpu_backend *be);
	void (*irq_clock)(struct cpu_backend *be, bool running);
	int (*irq_lines)(struct cpu_backend *be, struct cpu_irq_lines *out);
	/* Make a run in progress return by host time `at` (CLOCK_MONOTONIC ns)
	 * or earlier: a guest asleep inside KVM_RUN is looked at again then. */
	void (*alarm)(struct cpu_backend *be, uint64_t at, uint64_t now);
	/* Live (NULL in a replay): the current machine's RAM as the host maps
	 * it, for the BIOS's services (a reset makes a new machine: ask again
	 * each time); which pages of VGA text memory the guest wrote since the
	 * last call (bit n: page n of 0xB8000-0xBFFFF), 0 or -1. */
	uint8_t *(*memory)(struct cpu_backend *be, uint64_t *size);
	int (*vga_dirty)(struct cpu_backend *be, uint64_t *pages);
	/* Guest-physical memory for the console's eyes (mem_view.h, --dump):
	 * copies what is at addr into buf and returns how many bytes from the
	 * start could be read. Live: the machine's memory as it is now; a
	 * replay: the guest image as loaded (memory_as_loaded below), nothing
	 * if its guest file was not found. On the vCPU thread only. */
	size_t (*read_phys)(struct cpu_backend *be, uint64_t addr, void *buf, size_t len);
	/* Replay only (NULL live): back to the start of the current recorded
	 * generation, and the exit number reached at a time into it. */
	int (*rewind)(struct cpu_backend *be);
	uint64_t (*exits_until)(struct cpu_backend *be, uint64_t time_ns);
	void (*destroy)(struct cpu_backend *be);
};

struct cpu_backend {
	const struct cpu_backend_ops *ops;
	char last_error[160]; /* what the last failed call said (for the user) */
	struct backend_sink sink;
	bool unpaced; /* replay: ignore the recorded pace (while seeking) */
	bool memory_as_loaded; /* replay: read_phys shows the image as loaded, not the guest's writes */
};

#endif
