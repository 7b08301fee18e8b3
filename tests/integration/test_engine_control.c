/* SPDX-License-Identifier: MIT */
/* test_engine_control.c - pause, resume, step, next-exit, slow motion and
 * reset on real guests under real KVM, through the same seam the UI uses.
 * Exits 77 (SKIPPED: no-kvm) where the KVM device cannot be opened; where it
 * can, a VM that cannot be built fails the test. Waits are for conditions,
 * with deadlines; a sleep only ever watches for something that must NOT
 * happen. */
#include <dirent.h>
#include <errno.h>
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
#define EXIT_TIMES 16
struct drainer {
	struct seam *seam;
	pthread_t thread;
	_Atomic bool stop;
	_Atomic uint64_t uart_bytes;
	_Atomic uint64_t step_exits;
	_Atomic uint64_t intr_exits;
	_Atomic uint64_t exits_seen;
	_Atomic uint32_t last_generation;
	_Atomic uint64_t last_seq;                /* of the newest exit seen */
	_Atomic uint64_t exit_time[EXIT_TIMES];   /* time_ns of exit seq, at seq % EXIT_TIMES */
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
			atomic_store(&d->exit_time[e->seq % EXIT_TIMES], e->time_ns);
			atomic_store(&d->last_seq, e->seq);
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

/* How long a wait may take before it counts as failed. Generous: a wait
 * ends as soon as its condition holds, and on a busy kvm-pvm host one
 * KVM_SET_USER_MEMORY_REGION was seen to take 1.8 s, so a reset (two of
 * them, and closing the old VM) can take 5 s. */
#define WAIT_MS 30000

/* Polls until the vCPU reports state. */
static bool wait_state(struct seam *s, enum vcpu_state state)
{
	uint64_t deadline = check_deadline_ms(WAIT_MS);
	while (control_state(&s->control) != state && check_before(deadline))
		;
	if (control_state(&s->control) == state)
		return true;
	fprintf(stderr, "  waited for %s, still %s\n", vcpu_state_name(state),
		vcpu_state_name(control_state(&s->control)));
	return false;
}

static bool wait_bytes(struct drainer *d, uint64_t n)
{
	uint64_t deadline = check_deadline_ms(WAIT_MS);
	while (atomic_load(&d->uart_bytes) < n && check_before(deadline))
		;
	return atomic_load(&d->uart_bytes) >= n;
}

/* Exits the guest made, leaving out INTR: a kick that lands after its
 * request was taken makes the next KVM_RUN return at once (by design, see
 * vcpu_loop.c), an extra INTR that is no step of the guest's. */
static uint64_t guest_exits(struct seam *s)
{
	return counters_total(&s->counters) - counters_get(&s->counters, EXIT_INTR);
}

/* Which interrupt controller the sessions get: main runs the tests with
 * kvm-tui's own, then again with KVM's in-kernel one, where the vCPU
 * waits inside KVM_RUN and a reset also rebuilds KVM's PIC and PIT. */
static enum vm_irqchip irqchip = VM_IRQCHIP_USER;

struct session {
	struct seam *seam;
	struct vm *vm;
	struct drainer d;
};

/* false, with everything released and the reason on stderr, if the VM
 * cannot be built or started: KVM opened, so that is a failure. */
static bool session_start(struct session *s, const char *guest, bool paused)
{
	char err[512];
	struct vm_options o = { .guest_path = guest, .start_paused = paused, .irqchip = irqchip };
	memset(s, 0, sizeof(*s));
	s->seam = seam_create(SEAM_RING_CAPACITY);
	if (!s->seam) {
		perror("seam_create");
		return false;
	}
	s->vm = vm_create(&o, s->seam, err, sizeof(err));
	if (!s->vm) {
		fprintf(stderr, "vm_create(%s): %s\n", guest, err);
		seam_destroy(s->seam);
		return false;
	}
	s->d.seam = s->seam;
	int rc = pthread_create(&s->d.thread, NULL, drain_main, &s->d);
	if (rc) {
		fprintf(stderr, "pthread_create: %s\n", strerror(rc));
		vm_destroy(s->vm);
		seam_destroy(s->seam);
		return false;
	}
	rc = vm_start(s->vm);
	if (rc) {
		fprintf(stderr, "vm_start(%s): %s\n", guest, strerror(-rc));
		vm_destroy(s->vm);
		atomic_store(&s->d.stop, true);
		pthread_join(s->d.thread, NULL);
		seam_destroy(s->seam);
		return false;
	}
	return true;
}

/* Every test starts its session this way: no session, no test. */
#define SESSION_START(s, guest, paused)                        \
	do {                                                    \
		bool started_ = session_start(s, guest, paused); \
		CHECK(started_);                                \
		if (!started_)                                  \
			return;                                 \
	} while (0)

static void session_end(struct session *s)
{
	vm_destroy(s->vm);
	atomic_store(&s->d.stop, true);
	pthread_join(s->d.thread, NULL);
	seam_destroy(s->seam);
}

/* flood exits every few microseconds while it runs: 100 ms without an exit
 * can only mean it is paused. */
static void test_pause_resume(const char *flood_guest)
{
	struct session s;
	SESSION_START(&s, flood_guest, false);
	CHECK(wait_bytes(&s.d, 4));
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED));
	uint64_t exits = counters_total(&s.seam->counters);
	struct cpu_state a, b;
	snapshot_read(&s.seam->regs, &a);
	sleep_ms(100); /* watching for exits that must not come */
	snapshot_read(&s.seam->regs, &b);
	CHECK_EQ(counters_total(&s.seam->counters), exits); /* paused: no exits */
	CHECK_EQ(a.rip, b.rip);
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_RUNNING));
	uint64_t before = atomic_load(&s.d.uart_bytes);
	CHECK(wait_bytes(&s.d, before + 2));
	session_end(&s);
}

static void test_step_and_next(const char *hello_guest)
{
	struct session s;
	SESSION_START(&s, hello_guest, true);
	CHECK(wait_state(s.seam, VCPU_PAUSED));
	struct cpu_state before, after;
	snapshot_read(&s.seam->regs, &before);
	CHECK_EQ(before.rip, 0x7c00);
	for (int i = 0; i < 3; i++) {
		uint64_t steps = atomic_load(&s.d.step_exits);
		control_request(&s.seam->control, CTRL_STEP);
		uint64_t deadline = check_deadline_ms(WAIT_MS);
		while (atomic_load(&s.d.step_exits) == steps && check_before(deadline))
			;
		CHECK(wait_state(s.seam, VCPU_PAUSED));
		CHECK_EQ(atomic_load(&s.d.step_exits), steps + 1);
	}
	snapshot_read(&s.seam->regs, &after);
	CHECK(after.rip != before.rip); /* three instructions later */
	uint64_t exits = guest_exits(s.seam);
	control_request(&s.seam->control, CTRL_NEXT_EXIT);
	uint64_t deadline = check_deadline_ms(WAIT_MS);
	while (guest_exits(s.seam) == exits && check_before(deadline))
		;
	CHECK(wait_state(s.seam, VCPU_PAUSED));
	CHECK_EQ(guest_exits(s.seam), exits + 1); /* exactly one exit */
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_HALTED));
	CHECK(wait_bytes(&s.d, 12));
	session_end(&s);
}

/* Whether KVM's own counters show the vCPU has been inside the guest
 * (exits the kernel handled itself, or instructions it emulated). */
static bool kvm_entered_guest(struct seam *s)
{
	struct kstats ks;
	kstats_read(&s->kstats, &ks);
	return ks.available && (kstats_find(&ks, "exits") > 0 || kstats_find(&ks, "insn_emulation") > 0);
}

/* A guest that spins without a single exit: only the kick can stop it. */
static void test_pause_spinner(void)
{
	char path[] = "/tmp/kvmtui-spin-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	const unsigned char jmp_self[] = { 0xeb, 0xfe }; /* jmp . */
	CHECK(write(fd, jmp_self, sizeof(jmp_self)) == 2);
	close(fd);
	struct session s;
	bool started = session_start(&s, path, false);
	unlink(path); /* read at vm_create: no longer needed */
	CHECK(started);
	if (!started)
		return;
	/* The kick shows as an INTR exit only if it finds the vCPU inside
	 * KVM_RUN: wait until KVM has counted guest work while kvm-tui saw no
	 * exit, which means the vCPU entered the guest and never came back. */
	uint64_t deadline = check_deadline_ms(WAIT_MS);
	while (!kvm_entered_guest(s.seam) && check_before(deadline))
		;
	bool inside = kvm_entered_guest(s.seam);
	if (!inside)
		printf("note: no KVM statistics on this host; the INTR check is left out\n");
	CHECK_EQ(counters_total(&s.seam->counters), 0);
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED));
	if (inside)
		CHECK(counters_get(&s.seam->counters, EXIT_INTR) >= 1); /* the kick shows as INTR */
	control_request(&s.seam->control, CTRL_RESUME);
	CHECK(wait_state(s.seam, VCPU_RUNNING));
	control_request(&s.seam->control, CTRL_PAUSE);
	CHECK(wait_state(s.seam, VCPU_PAUSED));
	session_end(&s);
}

/* Slow motion at 5 exits a second, on flood (which would otherwise make
 * ~100,000): both bounds, from the exits' own timestamps (the clock the cap
 * uses), so a busy machine cannot fail it. */
static void test_slow_motion(const char *flood_guest)
{
	enum { RATE = 5, GAPS = 5 };
	const uint64_t gap_ns = 1000000000ull / RATE;
	struct session s;
	SESSION_START(&s, flood_guest, false);
	CHECK(wait_bytes(&s.d, 2));
	control_set_rate_limit(&s.seam->control, RATE);
	/* Exit c0 + 1 may have passed its throttle before the cap was set;
	 * every later one waited for it. */
	uint64_t c0 = counters_total(&s.seam->counters);
	uint64_t first = c0 + 1, last = first + GAPS;
	uint64_t deadline = check_deadline_ms(10000);
	while (atomic_load(&s.d.last_seq) < last && check_before(deadline))
		;
	/* Lower bound: the guest still runs, GAPS exits within the deadline. */
	CHECK(atomic_load(&s.d.last_seq) >= last);
	/* Upper bound: no two exits closer than 1/RATE s. */
	uint64_t closest = UINT64_MAX;
	for (uint64_t seq = first + 1; seq <= last; seq++) {
		uint64_t gap = atomic_load(&s.d.exit_time[seq % EXIT_TIMES]) -
			       atomic_load(&s.d.exit_time[(seq - 1) % EXIT_TIMES]);
		closest = gap < closest ? gap : closest;
	}
	printf("slow motion at %d/s: closest exits %.1f ms apart\n", RATE, closest / 1e6);
	CHECK(closest >= gap_ns);
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
	uint64_t deadline = check_deadline_ms(WAIT_MS);
	do {
		if (atomic_load(&s->control.generation) != gen && control_state(&s->control) == VCPU_RUNNING)
			return true;
	} while (check_before(deadline));
	fprintf(stderr, "  reset from generation %u: now generation %u, %s, requests pending 0x%x\n", gen,
		atomic_load(&s->control.generation), vcpu_state_name(control_state(&s->control)),
		atomic_load(&s->control.pending));
	return false;
}

static void test_reset_many(const char *count_guest)
{
	struct session s;
	SESSION_START(&s, count_guest, false);
	CHECK(wait_bytes(&s.d, 2));
	/* Warm up allocators before measuring. */
	for (int i = 0; i < 5; i++)
		CHECK(reset_and_wait(s.seam));
	int fds = count_fds();
	long rss = rss_kib();
	int resets = 0;
	for (int i = 0; i < 100; i++)
		resets += reset_and_wait(s.seam);
	CHECK_EQ(resets, 100);
	CHECK(wait_state(s.seam, VCPU_RUNNING));
	uint64_t seen = atomic_load(&s.d.uart_bytes);
	CHECK(wait_bytes(&s.d, seen + 2)); /* the fresh guest still runs */
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
	const char *flood = TEST_SOURCE_DIR "/guests/flood.bin";
	const char *hello = TEST_SOURCE_DIR "/guests/hello.bin";
	test_pause_resume(flood);
	test_step_and_next(hello);
	test_pause_spinner();
	test_slow_motion(flood);
	test_reset_many(count);
	char why[160];
	if (!kvm_irqchip_usable(why, sizeof(why))) {
		/* tests/integration/test_irqchip.sh SKIPs (host) on such a host. */
		printf("# not run again with --irqchip kernel: this host's KVM has no in-kernel irqchip (%s)\n", why);
		return check_done();
	}
	irqchip = VM_IRQCHIP_KERNEL;
	printf("# again with --irqchip kernel\n");
	test_pause_resume(flood);
	test_step_and_next(hello);
	test_pause_spinner();
	test_slow_motion(flood);
	test_reset_many(count);
	return check_done();
}
