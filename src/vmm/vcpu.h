/* SPDX-License-Identifier: MIT */
/* vcpu.h - one vCPU: its thread, its state machine, what it shows the console.
 *
 * The vCPU drives a CPU backend (cpu_backend.h) and the VM's device bus, and
 * talks to its console only through the seam: it pushes exits and text into
 * the ring, publishes registers, counts exits and obeys the control requests.
 * It knows nothing of KVM: the same loop runs a live guest and a recording.
 */
#ifndef KVMTUI_VCPU_H
#define KVMTUI_VCPU_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "cpu_backend.h"
#include "exit_clock.h"
#include "seam.h"

struct rec_writer;

/* The machine's interrupt hardware as the vCPU sees it. NULL: nothing can
 * interrupt. With a user-space irqchip the PIC and the timers are kvm-tui's
 * own and the vCPU injects; with KVM's in-kernel irqchip (in_kernel) poll
 * only moves the lines of kvm-tui's devices (through vcpu_irq_line) and
 * KVM delivers, the vCPU thread asleep inside KVM_RUN while the guest halts. */
struct vcpu_irq {
	bool in_kernel;
	void *ctx;
	/* Brings the devices to host time now; true if an interrupt waits for the CPU. */
	bool (*poll)(void *ctx, uint64_t now);
	/* The CPU takes it (INTA): its vector, and the line and the ticks folded into it. */
	int (*acknowledge)(void *ctx, unsigned *irq, uint32_t *coalesced);
	/* Host ns when a device will next raise a line by itself (a timer); UINT64_MAX: never. */
	uint64_t (*next_event)(void *ctx, uint64_t now);
	/* Guest time runs only while the vCPU does (paused: the timers freeze too). */
	void (*clock)(void *ctx, bool running, uint64_t now);
	/* The user-space PICs' registers, for the vCPU pane. */
	void (*lines)(void *ctx, struct cpu_irq_lines *out);
};

struct vcpu_config {
	uint16_t id;
	struct seam *seam;
	struct cpu_backend *backend;
	struct bus *bus;            /* the devices; NULL in a replay */
	struct rec_writer *record;  /* --record, or NULL */
	bool start_paused;          /* wait for a resume or step first */
	uint64_t max_exits;         /* VCPU_EXIT_LIMIT after this many; 0 = none */
	bool replay;                /* the backend plays a recording (seek, loop) */
	const struct vcpu_irq *irq; /* live: the interrupt hardware; NULL: none */
	/* A reset also resets the devices (their state is the machine's). */
	void (*reset_devices)(void *ctx);
	void *devices_ctx;
	/* The BIOS's text screen (live, with the BIOS; NULL otherwise): look
	 * for changes and publish them, at most every few ms unless force. */
	void (*screen)(void *ctx, bool force);
};

struct vcpu {
	struct vcpu_config cfg;
	pthread_t thread;
	_Atomic bool thread_running;

	/* vCPU-thread-only run state */
	uint16_t generation;
	uint64_t seq;             /* exits in this generation */
	uint64_t start_ns;
	uint64_t last_run_ns;     /* when the last run returned (slow motion) */
	uint64_t last_exit_time;  /* the last exit's time since the start (a replay's clock) */
	struct exit_clock clock;  /* stamps exits cheaply */
	uint64_t last_publish_ns; /* registers published (rate-limited while running) */
	bool regs_stale;          /* newer registers than the snapshot shows */
	uint64_t last_windows_ns; /* memory windows published (rate-limited while running) */
	enum vcpu_state state;
	bool stepping, next_exit, needs_completion;
	bool seeking;             /* replay: running unpaced up to seek_to */
	bool in_hlt;              /* halted with interrupts on: only an interrupt goes on */
	struct cpu_irq_lines irq_lines; /* the PICs as last published (recorded with the registers) */
	uint64_t seek_to;
	bool guest_exited;
	int guest_status;
	struct event text;        /* COM1/debugcon bytes being gathered into one record */
	struct event bios_call;   /* a BIOS trap during this exit: its u.bios (vcpu_note_bios) */
	bool bios_noted;
	struct {                  /* breakpoints: the vCPU's copy of the console's list */
		bool copied;
		uint32_t version;
		unsigned n;
		struct breakpoint bp[BRK_MAX];
		bool watch_mode;  /* a mode breakpoint is on: look at CR0/EFER at each exit */
		bool mode_known;
		unsigned mode;    /* BRK_MODE_* bits at the last look */
		unsigned hit;     /* an injection hit this one (vcpu_emit_irq), 0: none */
	} brk;
};

void vcpu_init(struct vcpu *v, const struct vcpu_config *cfg);
/* Starts the thread. 0, or -errno. */
int vcpu_start(struct vcpu *v);
/* Asks the thread to quit and waits for it. */
void vcpu_stop(struct vcpu *v);

/* For the devices, on the vCPU thread while an exit is handled. */
void vcpu_text_byte(struct vcpu *v, enum event_kind kind, uint8_t byte);
void vcpu_guest_exit(struct vcpu *v, int status);
/* The IO exit being handled is a BIOS call: call->u.bios from .vector on
 * goes into its record, which then carries EVENT_F_BIOS. */
void vcpu_note_bios(struct vcpu *v, const struct event *call);

/* vcpu_publish.c: the loop's outputs (internal to src/vmm). */
void vcpu_emit(struct vcpu *v, const struct event *ev);
void vcpu_emit_exit(struct vcpu *v, const struct event *ev); /* with its registers, if recording */
void vcpu_text_flush(struct vcpu *v);
void vcpu_set_state(struct vcpu *v, enum vcpu_state state, int status);
void vcpu_publish_regs(struct vcpu *v);
void vcpu_publish_running_regs(struct vcpu *v, uint64_t now);
void vcpu_record_regs(struct vcpu *v);
/* The memory windows the console wants, for these registers (vcpu_memview.c);
 * while the guest runs at most every MEM_VIEW_PERIOD_NS unless now. */
void vcpu_publish_windows(struct vcpu *v, const struct cpu_state *cpu, bool now);
/* ... read with the registers as they are (a pause, the console's CTRL_PEEK). */
void vcpu_publish_windows_now(struct vcpu *v);
/* --dump's ranges, read once as the guest stops for good. */
void vcpu_fill_dumps(struct vcpu *v);
/* The registers as the console sees them, exit count and PIC lines
 * included (vcpu_publish.c). false if the backend could not say. */
bool vcpu_read_regs(struct vcpu *v, struct cpu_state *cpu);
/* vcpu_exit.c */
void vcpu_handle_exit(struct vcpu *v, struct vcpu_exit *x, uint64_t now);
/* vcpu_loop.c */
void vcpu_enter_pause(struct vcpu *v);
/* ... because breakpoint id was hit (the state record carries it). */
void vcpu_pause_at_break(struct vcpu *v, unsigned id);
/* vcpu_break.c: the breakpoint this exit or injection hit (its id), or 0. */
unsigned vcpu_break_check(struct vcpu *v, const struct event *ev);
void vcpu_break_new_generation(struct vcpu *v);
/* The host side failed: ERROR, with why for the console. */
void vcpu_fail(struct vcpu *v, const char *why);
/* vcpu_irq.c */
/* True if it injected an interrupt (a single step ends there: the injection is a step of its own). */
bool vcpu_irq_deliver(struct vcpu *v);
/* An IRQ record: an injection (its vector, the ticks folded in) or a line moved for KVM's irqchip. */
void vcpu_emit_irq(struct vcpu *v, unsigned line, enum irq_how how, int vector, uint32_t coalesced);
bool vcpu_irq_can_wake(struct vcpu *v);
void vcpu_irq_wait(struct vcpu *v);
void vcpu_irq_clock(struct vcpu *v, enum vcpu_state state);
bool vcpu_irq_in_kernel(const struct vcpu *v);
/* In-kernel irqchip: one of kvm-tui's device lines moved (vCPU thread). */
void vcpu_irq_line(struct vcpu *v, unsigned irq, bool level);
/* In-kernel irqchip: a run came back without an exit (an alarm or a stray
 * kick): is the guest asleep in HLT, and can anything still wake it? */
void vcpu_irq_kernel_check(struct vcpu *v);
/* In-kernel irqchip: before each run (lines, the alarm). */
void vcpu_kirq_before_run(struct vcpu *v);
/* In-kernel irqchip: a real exit while WAITING: the guest woke and ran. */
void vcpu_irq_kernel_ran(struct vcpu *v);
/* The PICs' registers as of now, for the next registers published. */
void vcpu_irq_read_lines(struct vcpu *v);
bool vcpu_irq_all_masked(const struct cpu_irq_lines *lines);

#endif
