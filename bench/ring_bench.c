/* SPDX-License-Identifier: MIT */
/* ring_bench.c - the event ring alone: records per second and push-to-seen
 * latency between two threads, with the project's own ring (src/seam/ring.c).
 *
 * The producer and the consumer are pinned to two different CPUs when the
 * machine has two (say so in the output if pinning failed): the cross-core
 * hand-off is what the vCPU thread and the console pay.
 *
 *   0. ping-pong: two threads bounce one cache line; half a round trip is
 *      what moving one line between these two CPUs costs, the hardware floor
 *      under every hand-off below.
 *   1. single thread: push a burst, pop it, repeat - the cost of the code
 *      itself with every cache line local (no sharing at all).
 *   2. throughput: the producer pushes as fast as it can (ring_try_push,
 *      spinning while full), the consumer pops batches as fast as it can.
 *   3. latency, busy consumer: one record every PACE ns, stamped with
 *      CLOCK_MONOTONIC right before the push; the consumer spins on the ring
 *      and takes the time when it sees the record: the cache-to-cache hand-off.
 *   4. latency, sleeping consumer: the same at a low rate, but the consumer
 *      sleeps the way the UI does (ring_consumer_sleep_begin, poll on the
 *      eventfd, ring_consumer_sleep_end): the producer's eventfd write and the
 *      scheduler's wakeup are in every sample.
 *
 * usage: ring_bench [--quick]   (--quick: fewer records, for a smoke run)
 * Output: one "key: value" line per figure (bench/run parses them).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ring.h"

#define CAPACITY 16384 /* SEAM_RING_CAPACITY: what kvm-tui runs with */
#define POP_BATCH 512  /* what the consumers in src/app and src/ui pop at once */
#define LAT_BUSY_PACE_NS 10000ull   /* 100k records/s: a flood's exit rate here */
#define LAT_SLEEP_PACE_NS 1000000ull /* 1k records/s: the consumer is asleep each time */

enum mode { MODE_THROUGHPUT, MODE_LAT_BUSY, MODE_LAT_SLEEP };

struct bench {
	struct ring ring;
	enum mode mode;
	uint64_t count;
	int cpu[2];        /* producer, consumer; -1: not pinned */
	bool pinned;
	atomic_int ready;  /* both threads up: start together */
	uint64_t t_start, t_end;
	uint64_t *lat;     /* latency samples, one per record (latency modes) */
	uint64_t order_errors;
};

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

static bool pin_self(int cpu)
{
	if (cpu < 0)
		return false;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(pthread_self(), sizeof(set), &set) == 0;
}

static void start_together(struct bench *b)
{
	atomic_fetch_add(&b->ready, 1);
	while (atomic_load(&b->ready) < 2)
		cpu_relax();
}

static void wait_until(uint64_t t)
{
	while (now_ns() < t)
		cpu_relax();
}

static void *producer_main(void *arg)
{
	struct bench *b = arg;
	if (!pin_self(b->cpu[0]))
		b->pinned = false;
	struct event ev;
	memset(&ev, 0, sizeof(ev));
	ev.kind = EVENT_EXIT;
	start_together(b);
	uint64_t pace = b->mode == MODE_LAT_BUSY ? LAT_BUSY_PACE_NS : LAT_SLEEP_PACE_NS;
	uint64_t next = now_ns();
	b->t_start = next;
	for (uint64_t i = 0; i < b->count; i++) {
		ev.seq = i;
		if (b->mode != MODE_THROUGHPUT) {
			next += pace;
			wait_until(next);
			ev.time_ns = now_ns();
		}
		while (!ring_try_push(&b->ring, &ev))
			cpu_relax();
	}
	return NULL;
}

/* Spins or sleeps (MODE_LAT_SLEEP) until at least one record is there. */
static size_t consumer_pop(struct bench *b, struct event *batch, size_t max)
{
	size_t n;
	while ((n = ring_pop_batch(&b->ring, batch, max)) == 0) {
		if (b->mode != MODE_LAT_SLEEP) {
			cpu_relax();
			continue;
		}
		struct pollfd pfd = { .fd = ring_wakeup_fd(&b->ring), .events = POLLIN };
		if (ring_consumer_sleep_begin(&b->ring))
			poll(&pfd, 1, 100);
		ring_consumer_sleep_end(&b->ring);
	}
	return n;
}

static void *consumer_main(void *arg)
{
	struct bench *b = arg;
	static struct event batch[POP_BATCH];
	if (!pin_self(b->cpu[1]))
		b->pinned = false;
	/* Latency modes look at each record the moment it lands. */
	size_t max = b->mode == MODE_THROUGHPUT ? POP_BATCH : 1;
	start_together(b);
	for (uint64_t seen = 0; seen < b->count;) {
		size_t n = consumer_pop(b, batch, max);
		uint64_t t = now_ns();
		for (size_t i = 0; i < n; i++, seen++) {
			if (batch[i].seq != seen)
				b->order_errors++;
			if (b->lat)
				b->lat[seen] = t - batch[i].time_ns;
		}
	}
	b->t_end = now_ns();
	return NULL;
}

static double median_of(double *v, int n);

struct pingpong {
	_Alignas(64) atomic_uint_fast64_t ball;
	int cpu;
	uint64_t rounds;
};

static void *pong_main(void *arg)
{
	struct pingpong *pp = arg;
	pin_self(pp->cpu);
	for (uint64_t i = 0; i < pp->rounds; i++) {
		while (atomic_load_explicit(&pp->ball, memory_order_acquire) != 2 * i + 1)
			cpu_relax();
		atomic_store_explicit(&pp->ball, 2 * i + 2, memory_order_release);
	}
	return NULL;
}

/* 0: one-way cache-line transfer between the two CPUs, in ns (median of 5). */
static double pingpong_ns(const struct bench *b, uint64_t rounds)
{
	static struct pingpong pp;
	double one_way[5];
	pin_self(b->cpu[0]);
	for (int r = 0; r < 5; r++) {
		pthread_t t;
		atomic_store(&pp.ball, 0);
		pp.cpu = b->cpu[1];
		pp.rounds = rounds;
		if (pthread_create(&t, NULL, pong_main, &pp))
			exit(1);
		uint64_t t0 = now_ns();
		for (uint64_t i = 0; i < rounds; i++) {
			atomic_store_explicit(&pp.ball, 2 * i + 1, memory_order_release);
			while (atomic_load_explicit(&pp.ball, memory_order_acquire) != 2 * i + 2)
				cpu_relax();
		}
		one_way[r] = (double)(now_ns() - t0) / (double)rounds / 2;
		pthread_join(t, NULL);
	}
	return median_of(one_way, 5);
}

static void run_two_threads(struct bench *b)
{
	pthread_t p, c;
	atomic_store(&b->ready, 0);
	b->order_errors = 0;
	if (ring_init(&b->ring, CAPACITY)) {
		fprintf(stderr, "ring_bench: ring_init failed\n");
		exit(1);
	}
	if (pthread_create(&c, NULL, consumer_main, b) || pthread_create(&p, NULL, producer_main, b)) {
		fprintf(stderr, "ring_bench: pthread_create failed\n");
		exit(1);
	}
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	ring_destroy(&b->ring);
	if (b->order_errors)
		printf("ERROR: %" PRIu64 " records out of order or lost\n", b->order_errors);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static double median_of(double *v, int n)
{
	for (int i = 1; i < n; i++) /* insertion sort: n is tiny */
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			double t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

/* 1: push and pop in one thread, bursts of CAPACITY/2. ns per record. */
static double single_thread_ns(uint64_t records)
{
	struct ring r;
	static struct event batch[POP_BATCH];
	struct event ev = { .kind = EVENT_EXIT };
	if (ring_init(&r, CAPACITY))
		exit(1);
	uint64_t t0 = now_ns();
	for (uint64_t done = 0; done < records; done += CAPACITY / 2) {
		for (uint64_t i = 0; i < CAPACITY / 2; i++) {
			ev.seq = done + i;
			ring_try_push(&r, &ev);
		}
		while (ring_pop_batch(&r, batch, POP_BATCH) > 0)
			;
	}
	double ns = (double)(now_ns() - t0) / (double)records;
	ring_destroy(&r);
	return ns;
}

static void throughput(struct bench *b, uint64_t records, int rounds)
{
	double rate[8];
	b->mode = MODE_THROUGHPUT;
	b->count = records;
	b->lat = NULL;
	for (int i = 0; i < rounds; i++) {
		run_two_threads(b);
		rate[i] = (double)records / ((double)(b->t_end - b->t_start) / 1e9);
	}
	printf("throughput_records_per_s: %.0f (median of %d runs of %" PRIu64 " records)\n",
	       median_of(rate, rounds), rounds, records);
}

static void latency(struct bench *b, enum mode mode, uint64_t records, const char *name)
{
	b->mode = mode;
	b->count = records;
	b->lat = calloc(records, sizeof(uint64_t));
	if (!b->lat)
		exit(1);
	run_two_threads(b);
	qsort(b->lat, records, sizeof(uint64_t), cmp_u64);
	printf("%s_median_ns: %" PRIu64 "\n", name, b->lat[records / 2]);
	printf("%s_p90_ns: %" PRIu64 "\n", name, b->lat[records * 90 / 100]);
	printf("%s_p99_ns: %" PRIu64 "\n", name, b->lat[records * 99 / 100]);
	printf("%s_max_ns: %" PRIu64 " (%" PRIu64 " samples)\n", name, b->lat[records - 1], records);
	free(b->lat);
	b->lat = NULL;
}

static void choose_cpus(struct bench *b)
{
	cpu_set_t set;
	int found = 0;
	b->cpu[0] = b->cpu[1] = -1;
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		for (int i = 0; i < CPU_SETSIZE && found < 2; i++)
			if (CPU_ISSET(i, &set))
				b->cpu[found++] = i;
	if (found < 2)
		b->cpu[0] = b->cpu[1] = -1;
	b->pinned = found == 2;
}

int main(int argc, char **argv)
{
	bool quick = argc > 1 && !strcmp(argv[1], "--quick");
	static struct bench b;
	choose_cpus(&b);
	uint64_t scale = quick ? 10 : 1;
	printf("cache_line_one_way_ns: %.0f\n", pingpong_ns(&b, 200000 / scale));
	printf("single_thread_ns_per_record: %.1f\n", single_thread_ns(20000000 / scale));
	throughput(&b, 10000000 / scale, quick ? 1 : 5);
	latency(&b, MODE_LAT_BUSY, 300000 / scale, "latency_busy");
	latency(&b, MODE_LAT_SLEEP, 3000 / scale, "latency_sleeping");
	if (b.pinned)
		printf("pinning: producer cpu %d, consumer cpu %d\n", b.cpu[0], b.cpu[1]);
	else
		printf("pinning: none (fewer than two CPUs allowed, or pinning failed)\n");
	return 0;
}
