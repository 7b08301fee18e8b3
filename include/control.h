/* SPDX-License-Identifier: MIT */
/* control.h - requests from the console to the vCPU thread, and its answers.
 *
 * The console sets request bits and kicks the vCPU (a signal that makes
 * KVM_RUN return, see src/vmm/vcpu_kick.c); the vCPU takes the bits between
 * runs. While paused or stopped the vCPU sleeps on a condition variable, so
 * a paused guest costs no CPU. The vCPU publishes its state here too.
 */
#ifndef KVMTUI_CONTROL_H
#define KVMTUI_CONTROL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "event.h"

enum control_request {
	CTRL_PAUSE = 1u << 0,
	CTRL_RESUME = 1u << 1,
	CTRL_STEP = 1u << 2,      /* execute one instruction, then pause */
	CTRL_NEXT_EXIT = 1u << 3, /* run until the next exit, then pause */
	CTRL_RESET = 1u << 4,     /* a fresh VM from the same image and options */
	CTRL_QUIT = 1u << 5,
	CTRL_RATE = 1u << 6,      /* the exit-rate cap, the replay's pace or loop changed */
	/* Replay only (a live vCPU ignores them): */
	CTRL_SEEK = 1u << 7,      /* go to exit number seek_target of this generation, then pause */
	CTRL_STEP_BACK = 1u << 8, /* go back one exit, then pause */
	CTRL_INPUT = 1u << 9,     /* input for the guest's devices arrived (wakes a HLT) */
	CTRL_PEEK = 1u << 10,     /* the console wants other memory windows (mem_view.h): publish now */
};

/* seek_target with this bit set is a time in ns since the generation began:
 * the seek stops at the last exit at or before it. */
#define CONTROL_SEEK_TIME (1ull << 63)

/* Replay pace in thousandths of the recorded pace: 1000 = as recorded. */
#define REPLAY_SPEED_REAL 1000u
#define REPLAY_SPEED_MAX 0u /* as fast as possible */

struct control {
	_Atomic uint32_t pending;      /* enum control_request bits not yet taken */
	_Atomic uint32_t state;        /* enum vcpu_state, written by the vCPU */
	_Atomic uint64_t state_changes; /* bumps at every control_set_state: a watcher sees even a
					 * step's RUNNING -> PAUSED it polled too late for */
	_Atomic int32_t exit_status;   /* debug-exit status when state is VCPU_DEBUG_EXIT */
	_Atomic uint32_t rate_limit;   /* exits per second, 0 = unlimited (slow motion) */
	_Atomic uint32_t generation;   /* bumps at every reset */
	_Atomic uint64_t seek_target;  /* for CTRL_SEEK: exit number, or time | CONTROL_SEEK_TIME */
	_Atomic uint32_t replay_speed; /* REPLAY_SPEED_*: pace of a replay */
	_Atomic uint32_t replay_loop;  /* replay: start over when the recording ends */
	_Atomic uint32_t seek_generation; /* replay: the generation a seek started (not a reset) */
	_Atomic bool notify_kicks;     /* control_notify kicks too: the vCPU may wait inside
					* KVM_RUN (KVM's in-kernel irqchip), not on the condvar */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool vcpu_sleeping;            /* in control_wait (under lock): no kick needed */
	char error[256];               /* why the vCPU went to ERROR (under lock) */
	void (*kick)(void *ctx);       /* makes a running KVM_RUN return; set by the vmm */
	void *kick_ctx;
};

void control_init(struct control *ctl);
void control_destroy(struct control *ctl);

/* Console side: post a request (bits may be or-ed) and kick the vCPU. */
void control_request(struct control *ctl, uint32_t requests);
void control_set_rate_limit(struct control *ctl, uint32_t exits_per_second);
/* Wakes a sleeping vCPU for news that needs no kick (input for its devices):
 * a running one finds the bit at its next exit. With notify_kicks set, a
 * running one is kicked as well (a guest halted inside KVM_RUN has no next
 * exit to wait for). */
void control_notify(struct control *ctl, uint32_t requests);
enum vcpu_state control_state(const struct control *ctl);
/* Replay: go to an exit (or a time, with CONTROL_SEEK_TIME), then pause. */
void control_seek(struct control *ctl, uint64_t target);
void control_set_replay_speed(struct control *ctl, uint32_t speed);
void control_set_replay_loop(struct control *ctl, bool loop);

/* vCPU side. */
uint32_t control_take(struct control *ctl);    /* atomically takes all pending bits */
bool control_has_pending(const struct control *ctl);
/* Sleeps until a request is pending or timeout_ns passes (< 0: no timeout). */
void control_wait(struct control *ctl, int64_t timeout_ns);
void control_set_state(struct control *ctl, enum vcpu_state state);
/* Why the host side failed, set before the vCPU goes to VCPU_ERROR (any
 * thread may read it: it is copied under the lock). "" if nothing said. */
void control_set_error(struct control *ctl, const char *why);
void control_error(struct control *ctl, char *buf, size_t len);

#endif
