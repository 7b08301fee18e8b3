/* SPDX-License-Identifier: MIT */
/* bare_loop.c - the floor kvm-tui's exit pipeline is measured against.
 *
 * Builds the same machine kvm-tui builds for a real-mode guest and then does
 * nothing but KVM_RUN and the least exit handling the shipped guests need:
 * count OUT bytes to COM1, answer IN from the UART's LSR as "ready", stop at
 * the isa-debug-exit write (port 0xf4) or at HLT. No threads, no ring, no
 * register snapshot, no devices.
 *
 * Machine, as in src/vmm (machine.c, guest_memory.c, cpu_setup.c): 16 MiB of
 * MAP_NORESERVE RAM in two slots with the PC hole 0xa0000-0xfffff unmapped,
 * KVM_SET_TSS_ADDR, the host's supported CPUID, real mode with all segments
 * 0. A 512-byte image ending 55 AA loads at 0x7c00 (CS:IP 0:7c00, SP 0x7c00,
 * DL 0x80), anything else at 0 (CS:IP 0:0, SP 0xfffe).
 *
 * Variants, to price one piece of the pipeline at a time on this host:
 *   --sync-regs   kvm_run->kvm_valid_regs = REGS|SREGS|EVENTS, as kvm-tui
 *                 sets it: the kernel copies the registers out at every exit.
 *   --touch-regs  also read the synced registers at every exit (what the
 *                 snapshot publish reads), to see user-space cost apart
 *                 from the kernel's copy.
 *   --ioctl-regs  read the registers with KVM_GET_REGS + KVM_GET_SREGS at
 *                 every exit instead: what sync regs saves (every vCPU ioctl
 *                 pays vcpu_load/vcpu_put in the kernel).
 *   --count       kvm-tui's per-exit bookkeeping: the exit stamp from the
 *                 project's exit clock (src/vmm/exit_clock.c: rdtsc scaled
 *                 against CLOCK_MONOTONIC, re-anchored every 10 ms) and the
 *                 exit counters (src/seam/counters.c: single writer,
 *                 relaxed load + store).
 *   --ring        push what kvm-tui pushes into the project's ring: one
 *                 exit record per exit; for an OUT to COM1 the byte rides in
 *                 that record (EVENT_F_SERIAL), as src/vmm/vcpu_loop.c does.
 *                 Records go in with ring_push_quiet and each exit ends with
 *                 one ring_notify (one wakeup check, one fence per exit).
 *                 A consumer thread drains them like the headless console
 *                 (batches, 2 ms naps while busy, eventfd sleep when idle,
 *                 serial bytes written to /dev/null).
 *   --publish     capture the synced registers into a cpu_state and publish
 *                 it through the project's seqlock snapshot at most every
 *                 1 ms, as vcpu_loop.c's publish_running_regs does while the
 *                 guest runs (implies --sync-regs). It uses --count's stamp,
 *                 or reads the exit clock itself without --count.
 *   --pipeline    all of the above: kvm-tui's vCPU-side work without its
 *                 device bus, control word and state machine. What is left
 *                 between this and kvm-tui --headless is in those.
 *   --nap-us N    the consumer's nap between busy drains (default 2000, as
 *                 headless.c): to see what its wakeups cost the vCPU thread.
 *
 * Output (stderr, the same shape as kvm-tui --stats so bench/run parses both):
 *   exits: N total in T s, R exits/s
 * and one line with the OUT byte count. Exit status 0, or 1 on an error or an
 * exit this loop does not handle.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/kvm.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cpu_capture.h"
#include "exit_clock.h"
#include "seam.h"

#define MEM_SIZE (16ull << 20)
#define HOLE_START 0xa0000ull
#define HOLE_END 0x100000ull
#define TSS_ADDR 0xfffbd000ul
#define BOOT_ADDR 0x7c00u
#define COM1 0x3f8
#define COM1_LSR (COM1 + 5)
#define LSR_READY 0x60 /* THRE | TEMT: the transmitter is always free */
#define DEBUG_EXIT_PORT 0xf4

/* The consumer's pacing, copied from src/app/headless.c on purpose: the
 * point is to price the same behaviour. */
#define CONSUMER_BATCH 512
#define CONSUMER_NAP_US 2000 /* headless.c: BUSY_NAP_MS 2 */
#define CONSUMER_IDLE_POLL_MS 10
/* vcpu_loop.c: SNAPSHOT_PERIOD_NS, the running snapshot's pacing. */
#define PUBLISH_PERIOD_NS 1000000ull

/* The pieces of kvm-tui's per-exit work this run adds to the bare loop. */
struct extras {
	bool sync_regs, touch_regs, ioctl_regs, count, ring, publish;
};

struct consumer {
	struct seam *seam;
	long nap_us;
	pthread_t thread;
	atomic_bool stop;
	int null_fd;
	uint64_t records, drains;
};

struct bare {
	int kvm, vm, vcpu;
	struct kvm_run *run;
	size_t run_size;
	uint8_t *mem;
	struct extras x;
	struct consumer c;
	uint64_t exits, out_bytes, t0;
	struct exit_clock clock; /* --count, --publish */
	uint64_t last_publish_ns, publishes;
	uint64_t regs_sum; /* keeps --touch-regs reads from being optimised away */
};

static void die(const char *what)
{
	fprintf(stderr, "bare_loop: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Returns the entry address: 0x7c00 for a boot sector, 0 for a flat image. */
static uint64_t load_guest(struct bare *b, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die(path);
	ssize_t n = read(fd, b->mem, HOLE_START);
	close(fd);
	if (n <= 0)
		die("reading the guest");
	bool boot = n == 512 && b->mem[510] == 0x55 && b->mem[511] == 0xaa;
	if (!boot)
		return 0;
	memmove(b->mem + BOOT_ADDR, b->mem, 512);
	memset(b->mem, 0, 512);
	return BOOT_ADDR;
}

static void map_slot(struct bare *b, uint32_t slot, uint64_t gpa, uint64_t len)
{
	struct kvm_userspace_memory_region r = {
		.slot = slot, .guest_phys_addr = gpa, .memory_size = len,
		.userspace_addr = (uint64_t)(uintptr_t)(b->mem + gpa),
	};
	if (ioctl(b->vm, KVM_SET_USER_MEMORY_REGION, &r) < 0)
		die("KVM_SET_USER_MEMORY_REGION");
}

/* kvm-tui hands the vCPU the host's CPUID; so do we, so both run the same CPU. */
static void set_cpuid(struct bare *b)
{
	int nent = 256;
	struct kvm_cpuid2 *c = calloc(1, sizeof(*c) + nent * sizeof(c->entries[0]));
	if (!c)
		die("calloc");
	c->nent = nent;
	if (ioctl(b->kvm, KVM_GET_SUPPORTED_CPUID, c) < 0)
		die("KVM_GET_SUPPORTED_CPUID");
	if (ioctl(b->vcpu, KVM_SET_CPUID2, c) < 0)
		die("KVM_SET_CPUID2");
	free(c);
}

static void set_real_mode(struct bare *b, uint64_t entry)
{
	struct kvm_sregs s;
	if (ioctl(b->vcpu, KVM_GET_SREGS, &s) < 0)
		die("KVM_GET_SREGS");
	struct kvm_segment *segs[] = { &s.cs, &s.ds, &s.es, &s.fs, &s.gs, &s.ss };
	for (size_t i = 0; i < sizeof(segs) / sizeof(segs[0]); i++) {
		segs[i]->selector = 0;
		segs[i]->base = 0;
	}
	if (ioctl(b->vcpu, KVM_SET_SREGS, &s) < 0)
		die("KVM_SET_SREGS");
	struct kvm_regs r = { .rflags = 0x2, .rip = entry };
	r.rsp = entry ? BOOT_ADDR : 0xfffe;
	r.rdx = entry ? 0x80 : 0;
	if (ioctl(b->vcpu, KVM_SET_REGS, &r) < 0)
		die("KVM_SET_REGS");
}

static void create_vcpu(struct bare *b)
{
	b->vcpu = ioctl(b->vm, KVM_CREATE_VCPU, 0);
	if (b->vcpu < 0)
		die("KVM_CREATE_VCPU");
	int size = ioctl(b->kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (size <= 0)
		die("KVM_GET_VCPU_MMAP_SIZE");
	b->run_size = (size_t)size;
	b->run = mmap(NULL, b->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, b->vcpu, 0);
	if (b->run == MAP_FAILED)
		die("mmap kvm_run");
	if (b->x.sync_regs)
		b->run->kvm_valid_regs = KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS | KVM_SYNC_X86_EVENTS;
}

static void build_machine(struct bare *b, const char *path)
{
	b->kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (b->kvm < 0)
		die("/dev/kvm");
	b->vm = ioctl(b->kvm, KVM_CREATE_VM, 0);
	if (b->vm < 0)
		die("KVM_CREATE_VM");
	(void)ioctl(b->vm, KVM_SET_TSS_ADDR, TSS_ADDR);
	b->mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (b->mem == MAP_FAILED)
		die("mmap guest memory");
	uint64_t entry = load_guest(b, path);
	map_slot(b, 0, 0, HOLE_START);
	map_slot(b, 1, HOLE_END, MEM_SIZE - HOLE_END);
	create_vcpu(b);
	set_cpuid(b);
	set_real_mode(b, entry);
}

/* ---- the consumer thread (--ring): the headless console's drain loop ---- */

static size_t consumer_drain(struct consumer *c)
{
	static struct event batch[CONSUMER_BATCH];
	static char out[65536];
	size_t total = 0, n, len = 0;
	while ((n = ring_pop_batch(&c->seam->ring, batch, CONSUMER_BATCH)) > 0) {
		for (size_t i = 0; i < n; i++) {
			const uint8_t *bytes;
			size_t k = event_serial_bytes(&batch[i], &bytes);
			if (!k)
				continue;
			if (len + k > sizeof(out)) {
				(void)!write(c->null_fd, out, len);
				len = 0;
			}
			memcpy(out + len, bytes, k);
			len += k;
		}
		total += n;
	}
	if (len)
		(void)!write(c->null_fd, out, len);
	return total;
}

static void consumer_sleep(struct consumer *c)
{
	struct pollfd pfd = { .fd = ring_wakeup_fd(&c->seam->ring), .events = POLLIN };
	if (ring_consumer_sleep_begin(&c->seam->ring))
		poll(&pfd, 1, CONSUMER_IDLE_POLL_MS);
	ring_consumer_sleep_end(&c->seam->ring);
}

static void *consumer_main(void *arg)
{
	struct consumer *c = arg;
	const struct timespec nap = { c->nap_us / 1000000, (c->nap_us % 1000000) * 1000 };
	while (!atomic_load(&c->stop)) {
		size_t n = consumer_drain(c);
		c->records += n;
		c->drains++;
		if (n)
			nanosleep(&nap, NULL);
		else
			consumer_sleep(c);
	}
	c->records += consumer_drain(c);
	return NULL;
}

static void consumer_start(struct bare *b)
{
	b->c.null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (b->c.null_fd < 0)
		die("/dev/null");
	if (pthread_create(&b->c.thread, NULL, consumer_main, &b->c))
		die("pthread_create");
}

static void consumer_stop(struct bare *b)
{
	atomic_store(&b->c.stop, true);
	pthread_join(b->c.thread, NULL);
	close(b->c.null_fd);
}

/* ---- the per-exit extras ---- */

/* Reads what publishing a snapshot reads: GPRs, RIP, RFLAGS, segments, CRs. */
static void touch_regs(struct bare *b)
{
	const struct kvm_sync_regs *s = &b->run->s.regs;
	uint64_t sum = s->regs.rax + s->regs.rip + s->regs.rflags + s->sregs.cr0 + s->sregs.efer;
	sum += s->sregs.cs.base + s->sregs.ds.base + s->sregs.ss.base + s->sregs.gdt.base;
	b->regs_sum += sum;
}

static void ioctl_regs(struct bare *b)
{
	struct kvm_regs r;
	struct kvm_sregs s;
	if (ioctl(b->vcpu, KVM_GET_REGS, &r) < 0 || ioctl(b->vcpu, KVM_GET_SREGS, &s) < 0)
		die("KVM_GET_REGS/SREGS");
	b->regs_sum += r.rip + s.cs.base;
}

static void publish(struct bare *b, uint64_t now)
{
	if (now - b->last_publish_ns < PUBLISH_PERIOD_NS)
		return;
	b->last_publish_ns = now;
	b->publishes++;
	struct cpu_state cpu;
	memset(&cpu, 0, sizeof(cpu));
	cpu_capture(&cpu, &b->run->s.regs.regs, &b->run->s.regs.sregs);
	cpu.exits = b->exits;
	snapshot_publish(&b->c.seam->regs, &cpu);
}

/* An exit record the way src/vmm fills one for an IO exit. For an OUT to
 * COM1 the transmitted byte rides in the same record (EVENT_F_SERIAL), so
 * there is one record per exit. It goes in quietly, and the exit ends with
 * one wakeup check, as in vcpu_loop.c's handle_exit. */
static void push_records(struct bare *b, uint64_t now)
{
	const struct kvm_run *run = b->run;
	struct event ev;
	memset(&ev, 0, sizeof(ev));
	ev.kind = EVENT_EXIT;
	ev.reason = (uint8_t)run->exit_reason;
	ev.seq = b->exits;
	ev.time_ns = now > b->t0 ? now - b->t0 : 0; /* as vcpu_loop.c: the TSC clock may lag */
	ev.rip = run->s.regs.sregs.cs.base + run->s.regs.regs.rip;
	if (run->exit_reason == KVM_EXIT_IO) {
		const uint8_t *data = (const uint8_t *)run + run->io.data_offset;
		ev.u.io.port = run->io.port;
		ev.u.io.size = run->io.size;
		ev.u.io.dir = run->io.direction == KVM_EXIT_IO_OUT ? IO_OUT : IO_IN;
		ev.u.io.count = run->io.count;
		memcpy(ev.u.io.data, data, run->io.size);
		if (run->io.port == COM1 && run->io.direction == KVM_EXIT_IO_OUT) {
			ev.u.io.serial[0] = data[0];
			ev.u.io.serial_len = 1;
			ev.flags |= EVENT_F_SERIAL;
		}
	}
	ring_push_quiet(&b->c.seam->ring, &ev);
	ring_notify(&b->c.seam->ring);
}

static void extras_per_exit(struct bare *b)
{
	uint64_t now = 0;
	if (b->x.touch_regs)
		touch_regs(b);
	if (b->x.ioctl_regs)
		ioctl_regs(b);
	if (b->x.count || b->x.publish)
		now = exit_clock_now(&b->clock);
	if (b->x.count)
		counters_count(&b->c.seam->counters, b->run->exit_reason);
	if (b->x.ring)
		push_records(b, now);
	if (b->x.publish)
		publish(b, now);
}

/* ---- the loop ---- */

/* Returns false when the run is over. */
static bool handle_io(struct bare *b)
{
	struct kvm_run *run = b->run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	if (run->io.direction == KVM_EXIT_IO_IN) {
		memset(data, run->io.port == COM1_LSR ? LSR_READY : 0xff,
		       (size_t)run->io.size * run->io.count);
		return true;
	}
	if (run->io.port == DEBUG_EXIT_PORT)
		return false;
	if (run->io.port == COM1)
		b->out_bytes += run->io.count;
	return true;
}

static bool handle_exit(struct bare *b)
{
	b->exits++;
	extras_per_exit(b);
	switch (b->run->exit_reason) {
	case KVM_EXIT_IO:
		return handle_io(b);
	case KVM_EXIT_HLT:
		return false;
	default:
		fprintf(stderr, "bare_loop: unexpected exit reason %u after %" PRIu64 " exits\n",
			b->run->exit_reason, b->exits);
		exit(1);
	}
}

static void run_guest(struct bare *b)
{
	for (;;) {
		if (ioctl(b->vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			die("KVM_RUN");
		}
		if (!handle_exit(b))
			return;
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: bare_loop [--sync-regs] [--touch-regs] [--ioctl-regs] [--count] [--ring] "
		"[--publish] [--pipeline] [--nap-us N] GUEST.bin\n");
	exit(2);
}

/* Returns false for an argument that is not one of the flags. */
static bool parse_flag(struct extras *x, const char *a)
{
	bool all = !strcmp(a, "--pipeline");
	if (all || !strcmp(a, "--sync-regs"))
		x->sync_regs = true;
	else if (!strcmp(a, "--touch-regs"))
		x->sync_regs = x->touch_regs = true;
	else if (!strcmp(a, "--ioctl-regs"))
		x->ioctl_regs = true;
	else if (!strcmp(a, "--count"))
		x->count = true;
	else if (!strcmp(a, "--ring"))
		x->ring = true;
	else if (!strcmp(a, "--publish"))
		x->sync_regs = x->publish = true;
	else
		return false;
	if (all)
		x->count = x->ring = x->publish = true;
	return true;
}

static const char *parse_args(struct bare *b, int argc, char **argv)
{
	const char *path = NULL;
	b->c.nap_us = CONSUMER_NAP_US;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && parse_flag(&b->x, argv[i]))
			continue;
		if (!strcmp(argv[i], "--nap-us") && i + 1 < argc) {
			b->c.nap_us = atol(argv[++i]);
			continue;
		}
		if (argv[i][0] == '-' || path)
			usage();
		path = argv[i];
	}
	if (!path)
		usage();
	return path;
}

static void report(const struct bare *b, double secs)
{
	fprintf(stderr, "exits: %" PRIu64 " total in %.6f s, %.0f exits/s\n", b->exits, secs,
		(double)b->exits / secs);
	fprintf(stderr, "out bytes to COM1: %" PRIu64 "; extras:%s%s%s%s%s%s%s\n", b->out_bytes,
		b->x.sync_regs ? " sync-regs" : "", b->x.touch_regs ? " touch-regs" : "",
		b->x.ioctl_regs ? " ioctl-regs" : "",
		b->x.count ? " count" : "", b->x.ring ? " ring" : "",
		b->x.publish ? " publish" : "", b->regs_sum == 1 ? " " : "");
	if (b->x.ring)
		fprintf(stderr, "ring: %" PRIu64 " records in %" PRIu64 " drains (nap %ld us), %" PRIu64
			" eventfd wakeups, %" PRIu64 " full waits\n", b->c.records, b->c.drains, b->c.nap_us,
			atomic_load(&b->c.seam->ring.wakeups), atomic_load(&b->c.seam->ring.full_waits));
	if (b->x.count || b->x.publish)
		fprintf(stderr, "exit clock: %s\n", b->clock.use_tsc ? "TSC" : "clock_gettime");
	if (b->x.publish)
		fprintf(stderr, "snapshots published: %" PRIu64 "\n", b->publishes);
}

int main(int argc, char **argv)
{
	struct bare b = { .kvm = -1, .vm = -1, .vcpu = -1 };
	const char *path = parse_args(&b, argc, argv);
	if (b.x.count || b.x.ring || b.x.publish) {
		b.c.seam = seam_create(SEAM_RING_CAPACITY);
		if (!b.c.seam)
			die("seam_create");
	}
	build_machine(&b, path);
	if (b.x.count || b.x.publish)
		exit_clock_init(&b.clock);
	if (b.x.ring)
		consumer_start(&b);
	b.t0 = seam_now_ns();
	run_guest(&b);
	double secs = (double)(seam_now_ns() - b.t0) / 1e9;
	if (b.x.ring)
		consumer_stop(&b);
	report(&b, secs);
	return 0;
}
