/* test_engine_control.c - pause, resume, step, next-exit, slow motion and
 * reset on real guests under real KVM, through the same seam the UI uses.
 * Exits 77 (SKIPPED) where /dev/kvm cannot be opened. */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "kvm_skip.h"
#include "vm.h"

/* A consumer thread: drains the ring like the UI would and keeps what the
 * checks need. */
struct drainer {
	struct seam *seam;
	pthread_t thread;
	_Atomic bool stop;
	_Atomic uint64_t uart_bytes;
	_Atomic uint64_t step_exits;
	_Atomic uint64_t intr_exits;
	_Atomic uint64_t exits_seen;
	_Atomic uint32_t last_generation;
};

static void *drain_main(void *arg)
{
	struct drainer *d = arg;
	struct event batch[256];
	while (!atomic_load(&d->stop)) {
		size_t n = ring_pop_batch(&d->seam->ring, batch, 256);
		for (size_t i = 0; i < n; i++) {
			const struct event *e = &batch[i];
			atomic_store(&d->last_generation, e->generation);
			const uint8_t *serial;
			atomic_fetch_add(&d->uart_bytes, event_serial_bytes(e, &serial));
			if (e->kind != EVENT_EXIT)
				continue;
			atomic_fetch_add(&d->exits_seen, 1);
			if (e->flags & EVENT_F_STEP)
				atomic_fetch_add(&d->step_exits, 1);
			if (e->reason == EXIT_INTR)
				atomic_fetch_add(&d->intr_exits, 1);
		}
		if (n == 0)
			usleep(1000);
	}
	return NULL;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
	nanosleep(&ts, NULL);
}

/* Polls until the vCPU reports state, up to timeout_ms. */
static bool wait_state(struct seam *s, enum vcpu_state state, int timeout_ms)
{
	for (int t = 0; t < timeout_ms; t += 5) {
		if (control_state(&s->control) == state)
			return true;
		sleep_ms(5);
	}
	fprintf(stderr, "  waited for %s, still %s\n", vcpu_state_name(state),
		vcpu_state_name(control_state(&s->control)));
	return false;
}

static bool wait_bytes(struct drainer *d, uint64_t n, int timeout_ms)
{
	for (int t = 0; t < timeout_ms; t += 5) {
		if (atomic_load(&d->uart_bytes) >= n)
			return true;
		sleep_ms(5);
	}
	return false;
}

struct session {
	struct seam *seam;
	struct vm *vm;
	struct drainer d;
};

static bool session_start(struct session *s, const char *guest, bool paused)
{
	char err[512];
	struct vm_options o = { .guest_path = guest, .start_paused = paused };
	memset(&s->d, 0, sizeof(s->d));
	s->seam = seam_create(SEAM_RING_CAPACITY);
	s->vm = vm_create(&o, s->seam, err, sizeof(err));
	if (!s->vm) {
		fprintf(stderr, "vm_create(%s): %s\n", guest, err);
		seam_destroy(s->seam);
		return false;
	}
	s->d.seam = s->seam;
	pthread_create(&s->d.thread, NULL, drain_main, &s->d);
	return vm_start(s->vm) == 0;
}

static void session_end(struct session *s)
{
	vm_destroy(s->vm);
	atomic_store(&s->d.stop, true);
	pthread_join(s->d.thread, NULL);
	seam_destroy(s->seam);
}

static void test_pause_resume(const char *count_guest)
{
	struct session s;
	CHECK(session_start(&s, count_guest, false));
	CHECK(wait_bytes(&s.d, 4, 10000)); /* "0\n1\n" */
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
	uint64_t exits = counters_total(&s.seam->counters);
	struct cpu_state a, b;
	snapshot_read(&s.seam->regs, &a);
	sleep_ms(300);
	snapshot_read(&s.seam->regs, &b);
	CHECK_EQ(counters_total(&s.seam->counters), exits); /* paused: no exits */
	CHECK_EQ(a.rip, b.rip);
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_RUNNING, 2000));
	uint64_t before = atomic_load(&s.d.uart_bytes);
	CHECK(wait_bytes(&s.d, before + 2, 10000));
	session_end(&s);
}

static void test_step_and_next(const char *hello_guest)
{
	struct session s;
	CHECK(session_start(&s, hello_guest, true));
	CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
	struct cpu_state before, after;
	snapshot_read(&s.seam->regs, &before);
	CHECK_EQ(before.rip, 0x7c00);
	for (int i = 0; i < 3; i++) {
		uint64_t steps = atomic_load(&s.d.step_exits);
		control_request(&s.seam->control, CTRL_STEP);
		for (int t = 0; t < 400 && atomic_load(&s.d.step_exits) == steps; t++)
			sleep_ms(5);
		CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
		CHECK_EQ(atomic_load(&s.d.step_exits), steps + 1);
	}
	snapshot_read(&s.seam->regs, &after);
	CHECK(after.rip != before.rip); /* three instructions later */
	uint64_t exits = counters_total(&s.seam->counters);
	control_request(&s.seam->control, CTRL_NEXT_EXIT);
	for (int t = 0; t < 400 && counters_total(&s.seam->counters) == exits; t++)
		sleep_ms(5);
	CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
	CHECK_EQ(counters_total(&s.seam->counters), exits + 1); /* exactly one exit */
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_HALTED, 5000));
	CHECK(wait_bytes(&s.d, 12, 2000));
	session_end(&s);
}

/* A guest that spins without a single exit: only the kick can stop it. */
static void test_pause_spinner(void)
{
	char path[] = "/tmp/kvmtui-spin-XXXXXX";
	int fd = mkstemp(path);
	const unsigned char jmp_self[] = { 0xeb, 0xfe }; /* jmp . */
	CHECK(write(fd, jmp_self, sizeof(jmp_self)) == 2);
	close(fd);
	struct session s;
	CHECK(session_start(&s, path, false));
	sleep_ms(100);
	CHECK_EQ(counters_total(&s.seam->counters), 0);
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
	CHECK(counters_get(&s.seam->counters, EXIT_INTR) >= 1); /* the kick shows as INTR */
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_RUNNING, 2000));
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED, 2000));
	session_end(&s);
	unlink(path);
}

static void test_slow_motion(const char *count_guest)
{
	struct session s;
	CHECK(session_start(&s, count_guest, false));
	CHECK(wait_bytes(&s.d, 2, 10000));
	control_set_rate_limit(&s.seam->control, 5);
	sleep_ms(300); /* let the cap take hold */
	uint64_t a = counters_total(&s.seam->counters);
	sleep_ms(1000);
	uint64_t b = counters_total(&s.seam->counters);
	CHECK(b - a <= 6); /* at most 5 exits a second, plus one at the edge */
	control_set_rate_limit(&s.seam->control, 0);
	session_end(&s);
}

static int count_fds(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

static long rss_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

/* One reset, seen through: the generation moves on and the vCPU runs. */
static bool reset_and_wait(struct seam *s)
{
	uint32_t gen = atomic_load(&s->control.generation);
	control_request(&s->control, CTRL_RESET);
	for (int t = 0; t < 5000; t++) {
		if (atomic_load(&s->control.generation) != gen && control_state(&s->control) == VCPU_RUNNING)
			return true;
		sleep_ms(1);
	}
	return false;
}

static void test_reset_many(const char *count_guest)
{
	struct session s;
	CHECK(session_start(&s, count_guest, false));
	CHECK(wait_bytes(&s.d, 2, 10000));
	/* Warm up allocators before measuring. */
	for (int i = 0; i < 5; i++)
		CHECK(reset_and_wait(s.seam));
	int fds = count_fds();
	long rss = rss_kib();
	int resets = 0;
	for (int i = 0; i < 100; i++)
		resets += reset_and_wait(s.seam);
	CHECK_EQ(resets, 100);
	CHECK(wait_state(s.seam, VCPU_RUNNING, 2000));
	uint64_t seen = atomic_load(&s.d.uart_bytes);
	CHECK(wait_bytes(&s.d, seen + 2, 10000)); /* the fresh guest still runs */
	CHECK_EQ(count_fds(), fds);
	long grown = rss_kib() - rss;
	printf("after 100 resets: fds %d -> %d, RSS grew %ld KiB\n", fds, count_fds(), grown);
	CHECK(grown < 2048);
	session_end(&s);
}

int main(void)
{
	int skip = kvm_skip_unless_usable("the control tests drive real KVM");
	if (skip)
		return skip;
	const char *count = TEST_SOURCE_DIR "/guests/count.bin";
	const char *hello = TEST_SOURCE_DIR "/guests/hello.bin";
	test_pause_resume(count);
	test_step_and_next(hello);
	test_pause_spinner();
	test_slow_motion(count);
	test_reset_many(count);
	return check_done();
}
