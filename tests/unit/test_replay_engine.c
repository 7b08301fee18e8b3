/* SPDX-License-Identifier: MIT */
/* test_replay_engine.c - the vCPU state machine driven through the replay
 * backend: no KVM needed, so it runs on every machine.
 *
 * Each test writes a small recording with the recording API (what a live
 * run would have written), opens it as a VM, and drives it through the same
 * seam the console uses: pause, resume, step, next exit, slow motion, seek,
 * step back, reset, loop, quit, and every way a recording can end.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "record.h"
#include "vm.h"

#define MS 1000000ull
#define WAIT_NS (10000 * MS) /* generous: a busy CI machine, sanitizers */

/* ---- writing a recording as a live run would ---- */

struct script {
	struct rec_writer *w;
	uint16_t gen;
	uint64_t seq;
	struct cpu_state regs;
};

static void put_state_at(struct script *s, enum vcpu_state state, int status, uint64_t ms)
{
	struct event ev = { .kind = EVENT_STATE, .generation = s->gen, .seq = s->seq, .time_ns = ms * MS };
	ev.u.state.state = state;
	ev.u.state.status = status;
	rec_writer_event(s->w, &ev);
}

static void put_state(struct script *s, enum vcpu_state state, int status)
{
	put_state_at(s, state, status, 0);
}

static void put_regs(struct script *s)
{
	s->regs.exits = s->seq;
	s->regs.generation = s->gen;
	s->regs.valid = 1;
	rec_writer_regs(s->w, &s->regs);
}

static void begin(struct script *s, const char *path, uint16_t gen)
{
	if (!s->w) {
		struct rec_info info = { .guest = "scripted", .image_kind = "boot sector",
					 .start_mode = "real", .mem_size = 16 << 20 };
		char err[256];
		s->w = rec_writer_open(path, &info, err, sizeof(err));
		if (!s->w)
			fprintf(stderr, "rec_writer_open: %s\n", err);
	}
	s->gen = gen;
	s->seq = 0;
	memset(&s->regs, 0, sizeof(s->regs));
	s->regs.rip = 0x7c00;
	put_state(s, VCPU_RUNNING, 0);
	put_regs(s);
}

/* An OUT of one byte to COM1 at time ms, the byte riding on the exit;
 * afterwards RAX holds the exit's number. */
static void put_out(struct script *s, uint64_t ms, uint8_t byte)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = s->gen,
			    .seq = ++s->seq, .time_ns = ms * MS, .rip = s->regs.rip };
	ev.u.io.port = 0x3f8;
	ev.u.io.size = 1;
	ev.u.io.dir = IO_OUT;
	ev.u.io.count = 1;
	ev.u.io.data[0] = byte;
	ev.u.io.serial[0] = byte;
	ev.u.io.serial_len = 1;
	ev.flags = EVENT_F_SERIAL;
	rec_writer_event(s->w, &ev);
	s->regs.gpr[GPR_RAX] = s->seq;
	s->regs.rip += 3;
	put_regs(s);
}

static void put_text(struct script *s, const char *text)
{
	struct event ev = { .kind = EVENT_UART, .generation = s->gen, .seq = s->seq };
	ev.len = (uint8_t)strlen(text);
	memcpy(ev.u.text, text, ev.len);
	rec_writer_event(s->w, &ev);
}

static void put_exit(struct script *s, uint64_t ms, enum exit_reason reason)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = (uint8_t)reason, .generation = s->gen,
			    .seq = ++s->seq, .time_ns = ms * MS, .rip = s->regs.rip };
	rec_writer_event(s->w, &ev);
	put_regs(s);
}

static void finish(struct script *s)
{
	char err[256];
	if (rec_writer_close(s->w, err, sizeof(err)))
		fprintf(stderr, "rec_writer_close: %s\n", err);
	s->w = NULL;
}

/* "ABCDEFGHIJ" one byte an exit 1 ms apart, a text record, then HLT. */
static void write_halting(const char *path)
{
	struct script s = { 0 };
	begin(&s, path, 0);
	for (int i = 0; i < 10; i++) {
		put_out(&s, 1 + (uint64_t)i, (uint8_t)('A' + i));
		if (i == 4)
			put_text(&s, "<text>");
	}
	put_exit(&s, 12, EXIT_HLT);
	put_state(&s, VCPU_HALTED, 0);
	put_state(&s, VCPU_QUIT, 0); /* never reached: HALTED is final */
	finish(&s);
}

/* ---- the console side ---- */

struct console {
	struct seam *seam;
	struct vm *vm;
	uint32_t generation;
	uint64_t exits;          /* this generation */
	uint64_t last_seq;
	char serial[256];
	size_t serial_len;
	enum vcpu_state state;
	int32_t status;
	uint64_t generations_seen;
};

static void take(struct console *c, const struct event *ev)
{
	if (ev->generation != c->generation) {
		c->generation = ev->generation;
		c->exits = c->last_seq = c->serial_len = 0;
		c->generations_seen++;
	}
	const uint8_t *bytes;
	size_t n = event_serial_bytes(ev, &bytes);
	if (n && c->serial_len + n < sizeof(c->serial)) {
		memcpy(c->serial + c->serial_len, bytes, n);
		c->serial_len += n;
		c->serial[c->serial_len] = 0;
	}
	if (ev->kind == EVENT_EXIT) {
		c->exits++;
		c->last_seq = ev->seq;
	}
	if (ev->kind == EVENT_STATE) {
		c->state = (enum vcpu_state)ev->u.state.state;
		c->status = ev->u.state.status;
	}
}

static void drain(struct console *c)
{
	struct event batch[64];
	size_t n;
	while ((n = ring_pop_batch(&c->seam->ring, batch, 64)) > 0)
		for (size_t i = 0; i < n; i++)
			take(c, &batch[i]);
}

/* Drains until the state is `want` with `exits` exits seen (any count if
 * exits is UINT64_MAX), or the deadline. */
static bool wait_for(struct console *c, enum vcpu_state want, uint64_t exits)
{
	uint64_t deadline = seam_now_ns() + WAIT_NS;
	while (seam_now_ns() < deadline) {
		drain(c);
		if (c->state == want && (exits == UINT64_MAX || c->exits == exits))
			return true;
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "waited for %s with %llu exits; have %s with %llu\n", vcpu_state_name(want),
		(unsigned long long)exits, vcpu_state_name(c->state), (unsigned long long)c->exits);
	return false;
}

/* Drains until a generation after `before` shows up. */
static bool wait_new_generation(struct console *c, uint32_t before)
{
	uint64_t deadline = seam_now_ns() + WAIT_NS;
	while (c->generation == before && seam_now_ns() < deadline) {
		drain(c);
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
	return c->generation != before;
}

static bool open_console(struct console *c, const char *path, bool paused, uint32_t speed)
{
	char err[512];
	memset(c, 0, sizeof(*c));
	c->seam = seam_create(SEAM_RING_CAPACITY);
	control_set_replay_speed(&c->seam->control, speed);
	c->vm = vm_open_replay(path, c->seam, paused, err, sizeof(err));
	if (!c->vm) {
		fprintf(stderr, "vm_open_replay: %s\n", err);
		return false;
	}
	return vm_start(c->vm) == 0;
}

static void close_console(struct console *c)
{
	vm_destroy(c->vm);
	seam_destroy(c->seam);
}

static uint64_t rax_now(struct console *c)
{
	struct cpu_state cpu;
	snapshot_read(&c->seam->regs, &cpu);
	return cpu.gpr[GPR_RAX];
}

static char tmp_path[64];

/* ---- tests ---- */

static void test_plays_whole(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, false, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	CHECK_STR(c.serial, "ABCDE<text>FGHIJ");
	CHECK_EQ(counters_get(&c.seam->counters, EXIT_IO), 10);
	CHECK_EQ(counters_get(&c.seam->counters, EXIT_HLT), 1);
	CHECK_EQ(rax_now(&c), 10);
	const struct replay_summary *sum = vm_replay_summary(c.vm);
	CHECK(sum && sum->exits == 11 && !sum->truncated && sum->generations == 1);
	CHECK(sum && strcmp(sum->guest, "scripted") == 0 && sum->duration_ns == 12 * MS);
	close_console(&c);
}

static void test_step_next_back_seek(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, true, REPLAY_SPEED_REAL));
	CHECK(wait_for(&c, VCPU_PAUSED, 0));
	struct control *ctl = &c.seam->control;
	control_request(ctl, CTRL_STEP); /* a step is the next recorded exit */
	CHECK(wait_for(&c, VCPU_PAUSED, 1));
	CHECK_EQ(rax_now(&c), 1);
	control_request(ctl, CTRL_NEXT_EXIT);
	CHECK(wait_for(&c, VCPU_PAUSED, 2));
	CHECK_EQ(rax_now(&c), 2);
	control_request(ctl, CTRL_STEP_BACK); /* a fresh console, replayed to exit 1 */
	uint32_t before = c.generation;
	CHECK(wait_for(&c, VCPU_PAUSED, 1));
	CHECK(c.generation != before);
	CHECK_EQ(c.last_seq, 1);
	CHECK_STR(c.serial, "A");
	CHECK_EQ(rax_now(&c), 1);
	CHECK_EQ(counters_get(&c.seam->counters, EXIT_IO), 1);
	control_seek(ctl, 7);
	CHECK(wait_for(&c, VCPU_PAUSED, 7));
	CHECK_STR(c.serial, "ABCDE<text>FG");
	CHECK_EQ(rax_now(&c), 7);
	control_seek(ctl, CONTROL_SEEK_TIME | (4 * MS + MS / 2)); /* exits at 1..4 ms */
	CHECK(wait_for(&c, VCPU_PAUSED, 4));
	CHECK_EQ(rax_now(&c), 4);
	control_seek(ctl, 0);
	CHECK(wait_for(&c, VCPU_PAUSED, 0));
	CHECK_EQ(rax_now(&c), 0);
	close_console(&c);
}

static void test_back_from_the_end(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, false, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	control_request(&c.seam->control, CTRL_STEP_BACK);
	CHECK(wait_for(&c, VCPU_PAUSED, 10));
	CHECK_EQ(rax_now(&c), 10);
	control_request(&c.seam->control, CTRL_RESUME);
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	uint32_t before = c.generation;
	control_request(&c.seam->control, CTRL_RESET); /* from the start, running */
	CHECK(wait_new_generation(&c, before));
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	CHECK_STR(c.serial, "ABCDE<text>FGHIJ");
	CHECK_EQ(c.generations_seen, 2); /* the step back, the reset */
	close_console(&c);
}

/* The recorded pace: 12 ms of recording take at least ~12 ms at 1x and
 * ~24 ms at half speed (a lower bound: a busy machine may only be slower). */
static void test_pace(void)
{
	struct console c;
	uint32_t speeds[2] = { REPLAY_SPEED_REAL, REPLAY_SPEED_REAL / 2 };
	for (int i = 0; i < 2; i++) {
		/* Before the replay starts: under TSan, opening may take longer
		 * than the first exits do, which a clock started after it misses. */
		uint64_t t0 = seam_now_ns();
		CHECK(open_console(&c, tmp_path, false, speeds[i]));
		CHECK(wait_for(&c, VCPU_HALTED, 11));
		uint64_t took = seam_now_ns() - t0;
		uint64_t least = (11 * MS) * REPLAY_SPEED_REAL / speeds[i]; /* first exit is due at once */
		CHECK(took >= least);
		close_console(&c);
	}
}

/* Slow motion caps exits per second on top of the pace: 50/s makes the 11
 * exits take at least 10 intervals of 20 ms. */
static void test_slow_motion(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, true, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_PAUSED, 0));
	control_set_rate_limit(&c.seam->control, 50);
	uint64_t t0 = seam_now_ns();
	control_request(&c.seam->control, CTRL_RESUME);
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	CHECK(seam_now_ns() - t0 >= 10 * 20 * MS);
	close_console(&c);
}

static void test_quit_midway(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, true, REPLAY_SPEED_REAL));
	CHECK(wait_for(&c, VCPU_PAUSED, 0));
	char err[128];
	CHECK(vm_stop(c.vm, err, sizeof(err)) == 0);
	CHECK(wait_for(&c, VCPU_QUIT, 0));
	close_console(&c);
}

/* A guest that ended itself through port 0xf4: the state comes from the recording. */
static void test_debug_exit_and_reset_recorded(void)
{
	char path[96];
	snprintf(path, sizeof(path), "%s.2", tmp_path);
	struct script s = { 0 };
	begin(&s, path, 0);
	put_out(&s, 1, 'x');
	put_state(&s, VCPU_PAUSED, 0); /* the live user's pause: not replayed */
	put_state(&s, VCPU_RUNNING, 0);
	put_out(&s, 2, 'y');
	begin(&s, path, 1);        /* the live user pressed R */
	put_out(&s, 5, 'z');
	put_exit(&s, 6, EXIT_IO);  /* the write to 0xf4 */
	put_state(&s, VCPU_DEBUG_EXIT, 7);
	finish(&s);
	struct console c;
	CHECK(open_console(&c, path, false, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_DEBUG_EXIT, 2));
	CHECK_EQ(c.status, 7);
	CHECK_STR(c.serial, "z");
	CHECK_EQ(c.generations_seen, 1); /* the recorded reset */
	CHECK_EQ(counters_get(&c.seam->counters, EXIT_IO), 2); /* counts restart at the reset */
	const struct replay_summary *sum = vm_replay_summary(c.vm);
	CHECK(sum && sum->generations == 2 && sum->exits == 4);
	close_console(&c);
	unlink(path);
}

/* The recording user paused for a minute: the replay does not wait it out,
 * yet shows the exits' recorded times. */
static void test_recorded_pause_skipped(void)
{
	char path[96];
	snprintf(path, sizeof(path), "%s.5", tmp_path);
	struct script s = { 0 };
	begin(&s, path, 0);
	put_out(&s, 1, 'a');
	put_state_at(&s, VCPU_PAUSED, 0, 2);
	put_state_at(&s, VCPU_RUNNING, 0, 60002);
	put_out(&s, 60003, 'b');
	put_exit(&s, 60004, EXIT_HLT);
	put_state(&s, VCPU_HALTED, 0);
	finish(&s);
	struct console c;
	CHECK(open_console(&c, path, false, REPLAY_SPEED_REAL));
	CHECK(wait_for(&c, VCPU_HALTED, 3)); /* within WAIT_NS, far less than 60 s */
	CHECK_STR(c.serial, "ab");
	close_console(&c);
	unlink(path);
}

/* A run killed mid-way: the file ends inside a block. */
static void test_truncated(void)
{
	char path[96];
	snprintf(path, sizeof(path), "%s.3", tmp_path);
	struct script s = { 0 };
	begin(&s, path, 0);
	put_out(&s, 1, 'a');
	CHECK(rec_writer_sync(s.w) == 0); /* a whole block on disk... */
	put_out(&s, 2, 'b');
	finish(&s);            /* ...and a second one, cut below */
	struct stat st;
	CHECK(stat(path, &st) == 0);
	CHECK(truncate(path, st.st_size - 3) == 0);
	struct console c;
	CHECK(open_console(&c, path, false, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_END, 1));
	CHECK_STR(c.serial, "a");
	const struct replay_summary *sum = vm_replay_summary(c.vm);
	CHECK(sum && sum->truncated);
	close_console(&c);
	unlink(path);
}

/* The file is damaged under a running replay (after it was checked at
 * open): the vCPU stops in ERROR and says what the reader found. */
static void test_damaged_while_playing(void)
{
	char path[96];
	snprintf(path, sizeof(path), "%s.6", tmp_path);
	struct script s = { 0 };
	begin(&s, path, 0);
	put_out(&s, 1, 'a');
	CHECK(rec_writer_sync(s.w) == 0); /* block 1 */
	put_out(&s, 2, 'b');
	put_exit(&s, 3, EXIT_HLT);
	put_state(&s, VCPU_HALTED, 0);
	finish(&s);                        /* block 2, damaged below */
	struct console c;
	CHECK(open_console(&c, path, true, REPLAY_SPEED_MAX));
	CHECK(wait_for(&c, VCPU_PAUSED, 0));
	struct stat st;
	CHECK(stat(path, &st) == 0);
	int fd = open(path, O_WRONLY);
	CHECK(fd >= 0 && pwrite(fd, "\xff\xff\xff\xff", 4, st.st_size - 8) == 4);
	close(fd);
	control_request(&c.seam->control, CTRL_RESUME);
	CHECK(wait_for(&c, VCPU_ERROR, 1));
	char why[256];
	control_error(&c.seam->control, why, sizeof(why));
	CHECK_CONTAINS(why, "block");
	close_console(&c);
	unlink(path);
}

static void test_loop(void)
{
	struct console c;
	CHECK(open_console(&c, tmp_path, false, REPLAY_SPEED_MAX));
	control_set_replay_loop(&c.seam->control, true);
	CHECK(wait_for(&c, VCPU_HALTED, 11));
	CHECK(wait_new_generation(&c, c.generation)); /* it started over by itself */
	control_set_replay_loop(&c.seam->control, false);
	close_console(&c);
}

static void test_refusals(void)
{
	char err[512], path[96];
	struct seam *seam = seam_create(SEAM_RING_CAPACITY);
	CHECK(vm_open_replay("/nonexistent/x.rec", seam, false, err, sizeof(err)) == NULL);
	CHECK_CONTAINS(err, "/nonexistent/x.rec");
	snprintf(path, sizeof(path), "%s.4", tmp_path);
	FILE *f = fopen(path, "w");
	fputs("#!/bin/sh\necho not a recording\n", f);
	fclose(f);
	CHECK(vm_open_replay(path, seam, false, err, sizeof(err)) == NULL);
	CHECK_CONTAINS(err, "not a kvm-tui recording");
	unlink(path);
	seam_destroy(seam);
}

int main(void)
{
	snprintf(tmp_path, sizeof(tmp_path), "/tmp/kvmtui-replay-%d.rec", (int)getpid());
	write_halting(tmp_path);
	test_plays_whole();
	test_step_next_back_seek();
	test_back_from_the_end();
	test_pace();
	test_slow_motion();
	test_quit_midway();
	test_debug_exit_and_reset_recorded();
	test_truncated();
	test_recorded_pause_skipped();
	test_damaged_while_playing();
	test_loop();
	test_refusals();
	unlink(tmp_path);
	return check_done();
}
