/* SPDX-License-Identifier: MIT */
/* backend_replay.c - a recording as a CPU (see backend_replay.h).
 *
 * The recording holds, in order, what the live vCPU pushed to its console:
 * exits, each followed by its registers, the COM1 and debug-console text
 * around them, state changes and the kernel's statistics. A run reads up to
 * the next exit, handing text and statistics to the sink as it passes them,
 * waits until the exit is due, and returns it whole: the devices are not
 * asked, the recording already holds their answers.
 */
#include "backend_replay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "replay_index.h"
#include "replay_pace.h"
#include "seam.h"

struct replay_backend {
	struct cpu_backend base;
	struct control *ctl;
	struct rec_reader *reader;
	struct replay_index index;
	size_t gen;              /* the recorded generation playing */
	struct cpu_state regs;   /* as of the last exit returned (or the start) */
	bool stepping;
	struct replay_pace pace;
	/* Time the recorded run spent paused (its user reading the screen):
	 * not waited out again, the replay paces only the running time. */
	uint64_t paused_total, paused_since;
	bool rec_paused;
	struct rec_item item;    /* a record read but not yet acted on */
	bool held;
	bool at_end;
	bool corrupt;            /* the reader met damage (possibly while peeking) */
	/* The guest's memory as its image was loaded (backend_replay_set_memory):
	 * what the code and memory panes show; not the recorded run's writes. */
	size_t (*memory_read)(const void *ctx, uint64_t addr, void *buf, size_t len);
	const void *memory_ctx;
};

static struct replay_backend *rb(struct cpu_backend *be)
{
	return (struct replay_backend *)be;
}

/* The next record, the held one first. 1, 0 at the end, -1 corrupt. */
static int next_item(struct replay_backend *b)
{
	if (b->held) {
		b->held = false;
		return 1;
	}
	if (b->at_end)
		return 0;
	int rc = rec_reader_next(b->reader, &b->item);
	if (rc <= 0)
		b->at_end = true;
	if (rc < 0)
		b->corrupt = true;
	return rc;
}

static void hold(struct replay_backend *b)
{
	b->held = true;
}

static void note_recorded_pause(struct replay_backend *b, const struct event *ev)
{
	bool paused = ev->u.state.state == VCPU_PAUSED;
	if (paused && !b->rec_paused)
		b->paused_since = ev->time_ns;
	else if (!paused && b->rec_paused && ev->time_ns > b->paused_since)
		b->paused_total += ev->time_ns - b->paused_since;
	b->rec_paused = paused;
}

/* What happens between exits: registers, statistics, text, states. Returns
 * true when the record was one of those (and has been dealt with). */
static bool between_exits(struct replay_backend *b)
{
	const struct backend_sink *sink = &b->base.sink;
	switch (b->item.kind) {
	case REC_REGS:
		b->regs = b->item.u.regs;
		return true;
	case REC_KSTATS:
		if (sink->kstats)
			sink->kstats(sink->ctx, &b->item.u.kstats);
		return true;
	case REC_EVENT:
		break;
	}
	const struct event *ev = &b->item.u.event;
	if (ev->kind != EVENT_EXIT && ev->kind != EVENT_STATE) {
		/* Text, an injected interrupt, or a kind a newer kvm-tui wrote:
		 * shown as it comes, in its place between the exits. */
		if (sink->event)
			sink->event(sink->ctx, ev);
		return true;
	}
	/* Live pauses and resumes were the recording user's, not the run's. */
	if (ev->kind != EVENT_STATE || vcpu_state_is_final(ev->u.state.state))
		return false;
	note_recorded_pause(b, ev);
	return true;
}

/* Reads up to the next exit, final state, new generation or the end, and
 * holds it: the registers a generation starts with are then known. */
static int prime(struct replay_backend *b)
{
	int rc;
	while ((rc = next_item(b)) > 0) {
		if (!between_exits(b)) {
			hold(b);
			return 1;
		}
	}
	return rc;
}

static void go_to(struct replay_backend *b, size_t gen)
{
	b->gen = gen;
	b->held = b->at_end = b->corrupt = b->stepping = b->rec_paused = false;
	b->paused_total = b->paused_since = 0;
	memset(&b->regs, 0, sizeof(b->regs));
	replay_pace_restart(&b->pace);
	if (rec_reader_seek(b->reader, b->index.gen[gen].start) == 0)
		prime(b);
	else
		b->at_end = true;
}

static bool is_new_generation(const struct replay_backend *b, const struct event *ev)
{
	return b->gen + 1 < b->index.count && ev->generation == b->index.gen[b->gen + 1].number;
}

/* Waits until the held exit is due. false: a console request came first. */
static bool wait_until_due(struct replay_backend *b, uint64_t rec_ns)
{
	for (;;) {
		uint32_t speed = b->base.unpaced ? REPLAY_SPEED_MAX : atomic_load(&b->ctl->replay_speed);
		uint64_t now = seam_now_ns();
		uint64_t due = replay_pace_due(&b->pace, rec_ns, speed, now);
		if (control_has_pending(b->ctl))
			return false;
		if (due <= now)
			return true;
		control_wait(b->ctl, (int64_t)(due - now));
	}
}

/* The state record right after an exit's registers is what that exit did
 * to the vCPU (a HLT that ended the run or waited, a triple fault): a final
 * one ends the run with this exit, so a step onto it shows it at once. */
static void take_state(struct replay_backend *b, struct vcpu_exit *out)
{
	if (next_item(b) <= 0)
		return;
	const struct event *ev = &b->item.u.event;
	if (b->item.kind != REC_EVENT || ev->kind != EVENT_STATE || is_new_generation(b, ev)) {
		hold(b);
		return;
	}
	if (!vcpu_state_is_final(ev->u.state.state)) {
		note_recorded_pause(b, ev);
		return;
	}
	out->ends = true;
	out->end_state = (enum vcpu_state)ev->u.state.state;
	out->end_status = ev->u.state.status;
}

/* The exit just read comes with its registers right after it. */
static void take_registers(struct replay_backend *b, struct vcpu_exit *out)
{
	if (next_item(b) <= 0)
		return;
	if (b->item.kind != REC_REGS) {
		hold(b);
		return;
	}
	b->regs = b->item.u.regs;
	take_state(b, out);
}

/* The recorded run was reset here: the new generation's first record is
 * held, and its starting registers read. */
static enum backend_run next_generation(struct replay_backend *b)
{
	b->gen++;
	b->paused_total = b->paused_since = 0;
	b->rec_paused = false;
	replay_pace_restart(&b->pace);
	hold(b);
	prime(b);
	return BACKEND_RESET;
}

/* The exit just read, when it is due (the recorded run's paused time left out). */
static enum backend_run play_exit(struct replay_backend *b, struct vcpu_exit *out)
{
	const struct event *ev = &b->item.u.event;
	uint64_t running_ns = ev->time_ns > b->paused_total ? ev->time_ns - b->paused_total : 0;
	if (!wait_until_due(b, running_ns)) {
		hold(b);
		return BACKEND_KICKED;
	}
	out->ev = *ev;
	out->recorded = true;
	out->step_done = b->stepping;
	take_registers(b, out);
	return BACKEND_EXIT;
}

static enum backend_run replay_run(struct cpu_backend *be, struct vcpu_exit *out)
{
	struct replay_backend *b = rb(be);
	int rc;
	while ((rc = next_item(b)) > 0) {
		if (between_exits(b))
			continue;
		const struct event *ev = &b->item.u.event;
		if (is_new_generation(b, ev))
			return next_generation(b);
		if (ev->kind != EVENT_STATE)
			return play_exit(b, out);
		out->end_state = (enum vcpu_state)ev->u.state.state; /* a final state the devices reached live */
		out->end_status = ev->u.state.status;
		return BACKEND_END;
	}
	if (rc < 0 || b->corrupt) {
		/* The reason without the path, which the user gave and may be long. */
		snprintf(be->last_error, sizeof(be->last_error), "the recording: %s", rec_reader_error(b->reader));
		out->why = be->last_error;
		return BACKEND_ERROR;
	}
	out->end_state = VCPU_END; /* no final state: the recorded run was killed */
	return BACKEND_END;
}

static void replay_nothing(struct cpu_backend *be)
{
	(void)be; /* no thread state, no pending read: the recording has the answers */
}

static int replay_get_regs(struct cpu_backend *be, struct cpu_state *out)
{
	*out = rb(be)->regs;
	return 0;
}

static int replay_set_regs(struct cpu_backend *be, const struct cpu_state *in)
{
	(void)be;
	(void)in;
	return -2; /* a recording cannot be changed */
}

static int replay_set_single_step(struct cpu_backend *be, bool on)
{
	rb(be)->stepping = on; /* a step is the next recorded exit */
	return 0;
}

static int replay_reset(struct cpu_backend *be, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	go_to(rb(be), 0);
	return 0;
}

static int replay_rewind(struct cpu_backend *be)
{
	struct replay_backend *b = rb(be);
	go_to(b, b->gen);
	return b->at_end && !b->held ? -1 : 0;
}

static uint64_t replay_exits_until(struct cpu_backend *be, uint64_t time_ns)
{
	struct replay_backend *b = rb(be);
	return replay_index_exits_until(&b->index, b->gen, time_ns);
}

static void replay_destroy(struct cpu_backend *be)
{
	struct replay_backend *b = rb(be);
	if (b->reader)
		rec_reader_close(b->reader);
	replay_index_free(&b->index);
	free(b);
}

static size_t replay_read_phys(struct cpu_backend *be, uint64_t addr, void *buf, size_t len)
{
	struct replay_backend *b = rb(be);
	return b->memory_read ? b->memory_read(b->memory_ctx, addr, buf, len) : 0;
}

void backend_replay_set_memory(struct cpu_backend *be,
			       size_t (*read)(const void *ctx, uint64_t addr, void *buf, size_t len),
			       const void *ctx)
{
	struct replay_backend *b = rb(be);
	b->memory_read = read;
	b->memory_ctx = ctx;
	be->memory_as_loaded = true;
}

static const struct cpu_backend_ops replay_ops = {
	.name = "replay",
	.thread_begin = replay_nothing,
	.thread_end = replay_nothing,
	.run = replay_run,
	.arm_kick = replay_nothing,
	/* A pacing wait sleeps on the control's condition variable, which every
	 * request signals: no kick needed. */
	.kick = replay_nothing,
	.get_regs = replay_get_regs,
	.set_regs = replay_set_regs,
	.complete_pending = replay_nothing,
	.set_single_step = replay_set_single_step,
	.state_changed = NULL,
	.irq_ready = NULL, /* the recording holds the interrupts the live run injected */
	.irq_inject = NULL,
	.irq_window = NULL,
	.reset = replay_reset,
	.rewind = replay_rewind,
	.exits_until = replay_exits_until,
	.read_phys = replay_read_phys,
	.destroy = replay_destroy,
};

static void summarize(struct replay_summary *sum, const struct rec_info *info)
{
	memset(sum, 0, sizeof(*sum));
	snprintf(sum->guest, sizeof(sum->guest), "%s", info->guest);
	snprintf(sum->image_kind, sizeof(sum->image_kind), "%s", info->image_kind);
	snprintf(sum->start_mode, sizeof(sum->start_mode), "%s", info->start_mode);
	sum->mem_size = info->mem_size;
}

struct cpu_backend *backend_replay_open(const char *path, struct control *ctl, const struct backend_sink *sink,
					struct replay_summary *summary, char *err, size_t errlen)
{
	struct replay_backend *b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	b->base.ops = &replay_ops;
	b->base.sink = *sink;
	b->ctl = ctl;
	struct rec_info info;
	b->reader = rec_reader_open(path, &info, err, errlen);
	if (!b->reader)
		goto fail;
	summarize(summary, &info);
	if (replay_index_build(&b->index, b->reader, path, summary, err, errlen))
		goto fail;
	if (summary->exits == 0) {
		snprintf(err, errlen, "%s: the recording holds no exits: nothing to replay", path);
		goto fail;
	}
	go_to(b, 0);
	return &b->base;
fail:
	replay_destroy(&b->base);
	return NULL;
}
