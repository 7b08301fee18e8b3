/* SPDX-License-Identifier: MIT */
/* gdb_link.c - the engine as the GDB stub's target (gdb_link.h). */
#include "gdb_link.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdb_server.h"

#define POLL_NS 2000000ull         /* the watcher's look while a stop is owed */
#define IDLE_NS 50000000ull        /* ... and while none is */
#define MEM_WAIT_NS 2000000000ull  /* a paused vCPU answers a window at once */
#define GDB_SIGTRAP 5
#define GDB_SIGSEGV 11

struct gdb_link {
	struct seam *seam;
	struct gdb_server *srv;
	bool log_to_stderr;
	pthread_t watcher;
	bool watching;
	_Atomic bool quit;
	pthread_mutex_t lock;   /* guards the stops owed below */
	unsigned owed;          /* stops the stub waits for (resume, interrupt) */
	uint64_t since;         /* state_changes when the oldest was asked */
	bool interrupting;      /* the owed stop is an interrupt's */
	bool stepping;
};

/* ---- what gdb asks ---- */

static int get_regs(void *ctx, struct cpu_state *cpu)
{
	struct gdb_link *l = ctx;
	return snapshot_read(&l->seam->regs, cpu) ? 0 : -1;
}

static int set_regs(void *ctx, const struct cpu_state *cpu)
{
	(void)ctx;
	(void)cpu;
	return -1; /* not in this slice: the vCPU takes no registers from a console yet */
}

/* One window's worth, waiting for the vCPU's answer. */
static size_t read_chunk(struct gdb_link *l, uint64_t addr, uint8_t *buf, size_t len)
{
	struct addr_expr e = { .space = ADDR_LINEAR };
	e.offset.value = addr;
	uint64_t request = mem_view_want(&l->seam->memory, MEM_WIN_GDB, &e, (uint32_t)len);
	control_notify(&l->seam->control, CTRL_PEEK);
	static struct mem_window w; /* the stub's thread only: too large for its stack */
	uint64_t deadline = seam_now_ns() + MEM_WAIT_NS;
	while (seam_now_ns() < deadline) {
		if (mem_view_read(&l->seam->memory, MEM_WIN_GDB, &w) && w.request == request) {
			size_t n = 0;
			while (n < len && mem_window_readable(&w, (uint32_t)n))
				n++;
			memcpy(buf, w.bytes, n);
			return n;
		}
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
	return 0;
}

static size_t read_mem(void *ctx, uint64_t addr, uint8_t *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		size_t want = len - done < MEM_VIEW_MAX ? len - done : MEM_VIEW_MAX;
		size_t got = read_chunk(ctx, addr + done, buf + done, want);
		done += got;
		if (got < want)
			break;
	}
	mem_view_drop(&((struct gdb_link *)ctx)->seam->memory, MEM_WIN_GDB);
	return done;
}

static int write_mem(void *ctx, uint64_t addr, const uint8_t *buf, size_t len)
{
	(void)ctx, (void)addr, (void)buf, (void)len;
	return -1; /* not in this slice */
}

static int insert_break(void *ctx, enum gdb_break_type type, uint64_t addr, uint64_t kind)
{
	(void)ctx, (void)type, (void)addr, (void)kind;
	return GDB_TARGET_UNSUPPORTED; /* needs the debug registers (breakpoints.h) */
}

/* A stop is owed from now: the watcher reports it once the state has
 * changed (or at once, for a guest that is already stopped). */
static void owe(struct gdb_link *l, bool interrupting, bool stepping)
{
	pthread_mutex_lock(&l->lock);
	if (l->owed++ == 0) {
		l->since = atomic_load(&l->seam->control.state_changes);
		l->interrupting = interrupting;
		l->stepping = stepping;
	}
	pthread_mutex_unlock(&l->lock);
}

static int resume(void *ctx, enum gdb_resume_kind how)
{
	struct gdb_link *l = ctx;
	owe(l, false, how == GDB_RESUME_STEP);
	control_request(&l->seam->control, how == GDB_RESUME_STEP ? CTRL_STEP : CTRL_RESUME);
	return 0;
}

static void interrupt(void *ctx)
{
	struct gdb_link *l = ctx;
	owe(l, true, false);
	control_request(&l->seam->control, CTRL_PAUSE);
}

static const struct gdb_target_ops link_ops = {
	.get_regs = get_regs,
	.set_regs = set_regs,
	.read_mem = read_mem,
	.write_mem = write_mem,
	.insert_break = insert_break,
	.remove_break = insert_break,
	.resume = resume,
	.interrupt = interrupt,
};

/* ---- the stops it owes ---- */

static struct gdb_stop stop_of(struct gdb_link *l, enum vcpu_state state)
{
	struct gdb_stop s = { .kind = GDB_STOP_SIGNAL, .signal = GDB_SIGTRAP };
	switch (state) {
	case VCPU_PAUSED:
		s.kind = l->interrupting ? GDB_STOP_INTERRUPTED : l->stepping ? GDB_STOP_STEP_DONE : GDB_STOP_SIGNAL;
		break;
	case VCPU_DEBUG_EXIT:
		s.kind = GDB_STOP_EXITED;
		s.status = (uint8_t)(atomic_load(&l->seam->control.exit_status) >> 1);
		break;
	case VCPU_HALTED: case VCPU_QUIT: case VCPU_END: case VCPU_EXIT_LIMIT:
		s.kind = GDB_STOP_EXITED; /* the guest is done: gdb says it exited */
		break;
	case VCPU_SHUTDOWN: case VCPU_INTERNAL_ERROR: case VCPU_FAIL_ENTRY: case VCPU_ERROR:
		s.signal = GDB_SIGSEGV; /* stopped for good, the registers still there to read */
		break;
	default:
		break;
	}
	return s;
}

/* One owed stop, if the vCPU has stopped since it was asked for: a state
 * change after the request, or a guest that was stopped already and stays
 * so (an interrupt of a paused guest, a resume of one that has ended). */
static void look(struct gdb_link *l)
{
	enum vcpu_state st = control_state(&l->seam->control);
	if (vcpu_state_is_live(st) || st == VCPU_STARTING)
		return;
	pthread_mutex_lock(&l->lock);
	uint64_t changes = atomic_load(&l->seam->control.state_changes);
	bool due = l->owed && (changes != l->since || l->interrupting || vcpu_state_is_final(st));
	struct gdb_stop s = stop_of(l, st);
	if (due) {
		l->owed--;
		l->since = changes;
	}
	pthread_mutex_unlock(&l->lock);
	if (due)
		gdb_server_notify_stop(l->srv, &s);
}

static void *watch(void *arg)
{
	struct gdb_link *l = arg;
	while (!atomic_load(&l->quit)) {
		look(l);
		pthread_mutex_lock(&l->lock);
		uint64_t ns = l->owed ? POLL_NS : IDLE_NS;
		pthread_mutex_unlock(&l->lock);
		struct timespec ts = { 0, (long)ns };
		nanosleep(&ts, NULL);
	}
	return NULL;
}

static void log_line(void *ctx, const char *line)
{
	struct gdb_link *l = ctx;
	if (l->log_to_stderr)
		fprintf(stderr, "kvm-tui: %s\n", line);
}

struct gdb_link *gdb_link_open(struct seam *seam, uint16_t port, bool log_to_stderr, char *err, size_t errlen)
{
	struct gdb_link *l = calloc(1, sizeof(*l));
	if (!l) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	l->seam = seam;
	l->log_to_stderr = log_to_stderr;
	pthread_mutex_init(&l->lock, NULL);
	struct gdb_server_config cfg = { .port = port, .arch = GDB_ARCH_CHOICE_AUTO, .log = log_line, .log_ctx = l };
	l->srv = gdb_server_open(&cfg, &link_ops, l, err, errlen);
	if (!l->srv) {
		gdb_link_close(l);
		return NULL;
	}
	return l;
}

int gdb_link_start(struct gdb_link *l, char *err, size_t errlen)
{
	if (pthread_create(&l->watcher, NULL, watch, l)) {
		snprintf(err, errlen, "cannot start the gdb watcher thread");
		return -1;
	}
	l->watching = true;
	return gdb_server_start(l->srv, err, errlen);
}

void gdb_link_close(struct gdb_link *l)
{
	if (!l)
		return;
	atomic_store(&l->quit, true);
	if (l->watching)
		pthread_join(l->watcher, NULL);
	/* The guest's end, if gdb is still owed it ("exited normally"), goes
	 * out before the connection closes: the stub's thread gets a moment. */
	pthread_mutex_lock(&l->lock);
	bool owed = l->owed > 0;
	pthread_mutex_unlock(&l->lock);
	if (owed && l->watching) {
		look(l);
		struct timespec ts = { 0, 100000000 };
		nanosleep(&ts, NULL);
	}
	gdb_server_close(l->srv);
	pthread_mutex_destroy(&l->lock);
	free(l);
}
