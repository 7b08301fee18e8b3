/* SPDX-License-Identifier: MIT */
/* test_snapshot.c - the seqlocks (registers and kernel statistics): a reader
 * racing a writer must only ever see whole versions, never a mix. */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "check.h"
#include "kstats.h"
#include "snapshot.h"

#define RACE_NS 700000000ull /* per race; enough for millions of overlaps */

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Writers pause now and then: a writer that never stops would starve the
 * reader into retrying forever (real writers publish once per exit). */
static void writer_breathe(uint64_t k)
{
	if (k % 32 == 0) {
		struct timespec t = { 0, 1000 };
		nanosleep(&t, NULL);
	}
}

/* A state whose every word is k: any torn read has two different words. */
static void fill_words(void *p, size_t nwords, uint64_t k)
{
	for (size_t i = 0; i < nwords; i++)
		memcpy((char *)p + i * 8, &k, 8);
}

/* Returns the common word, or UINT64_MAX if the words differ. */
static uint64_t common_word(const void *p, size_t nwords)
{
	uint64_t first, w;
	memcpy(&first, p, 8);
	for (size_t i = 1; i < nwords; i++) {
		memcpy(&w, (const char *)p + i * 8, 8);
		if (w != first)
			return UINT64_MAX;
	}
	return first;
}

static void test_snapshot_basic(void)
{
	struct snapshot snap;
	snapshot_init(&snap);
	struct cpu_state cpu, out;
	memset(&out, 0xaa, sizeof(out));
	CHECK_EQ(snapshot_read(&snap, &out), 0);
	CHECK_EQ(out.rip, 0); /* never published reads as zeros */
	memset(&cpu, 0, sizeof(cpu));
	cpu.rip = 0x7c00;
	cpu.gpr[GPR_RAX] = 0xa21;
	cpu.seg[SEG_CS].selector = 0x8;
	cpu.valid = 1;
	snapshot_publish(&snap, &cpu);
	CHECK_EQ(snapshot_read(&snap, &out), 1);
	CHECK(memcmp(&cpu, &out, sizeof(cpu)) == 0);
	cpu.rip = 0x7c02;
	snapshot_publish(&snap, &cpu);
	CHECK_EQ(snapshot_read(&snap, &out), 2);
	CHECK_EQ(out.rip, 0x7c02);
}

struct snap_race {
	struct snapshot snap;
	atomic_int stop;
	uint64_t published;
};

static void *snap_writer(void *arg)
{
	struct snap_race *r = arg;
	struct cpu_state cpu;
	uint64_t k = 0;
	while (!atomic_load_explicit(&r->stop, memory_order_relaxed)) {
		fill_words(&cpu, SNAPSHOT_WORDS, ++k);
		snapshot_publish(&r->snap, &cpu);
		writer_breathe(k);
	}
	r->published = k;
	return NULL;
}

static void test_snapshot_race(void)
{
	static struct snap_race r;
	snapshot_init(&r.snap);
	pthread_t t;
	pthread_create(&t, NULL, snap_writer, &r);
	uint64_t reads = 0, torn = 0, backwards = 0, last = 0, changes = 0;
	uint64_t end = now_ns() + RACE_NS;
	struct cpu_state out;
	while (now_ns() < end) {
		uint64_t seq = snapshot_read(&r.snap, &out);
		uint64_t k = common_word(&out, SNAPSHOT_WORDS);
		reads++;
		if (k == UINT64_MAX)
			torn++;
		else if (k < last || (seq && seq != k))
			backwards++; /* version k is the k-th publish */
		changes += k != last;
		if (k != UINT64_MAX)
			last = k;
	}
	atomic_store(&r.stop, 1);
	pthread_join(t, NULL);
	printf("snapshot: %llu reads, %llu distinct versions, %llu publishes\n",
	       (unsigned long long)reads, (unsigned long long)changes,
	       (unsigned long long)r.published);
	CHECK_EQ(torn, 0);
	CHECK_EQ(backwards, 0);
	CHECK(changes > 10); /* the reader really overlapped the writer */
}

static void test_kstats_basic(void)
{
	struct kstats_box box;
	kstats_box_init(&box);
	static struct kstats ks, out;
	memset(&ks, 0, sizeof(ks));
	CHECK_EQ(kstats_read(&box, &out), 0);
	CHECK_EQ(out.available, 0);
	ks.available = 1;
	ks.count = 3;
	strcpy(ks.item[0].name, "exits");
	ks.item[0].value = 42;
	strcpy(ks.item[1].name, "io_exits");
	ks.item[1].value = 13;
	/* A name that fills the field with no terminator. */
	memset(ks.item[2].name, 'x', KSTATS_NAME);
	ks.item[2].value = 7;
	strcpy(ks.item[3].name, "beyond_count");
	kstats_publish(&box, &ks);
	CHECK_EQ(kstats_read(&box, &out), 1);
	CHECK(memcmp(&ks, &out, sizeof(ks)) == 0);
	CHECK_EQ(kstats_find(&out, "exits"), 42);
	CHECK_EQ(kstats_find(&out, "io_exits"), 13);
	CHECK_EQ(kstats_find(&out, "io"), -1);
	CHECK_EQ(kstats_find(&out, "halt_exits"), -1);
	CHECK_EQ(kstats_find(&out, "beyond_count"), -1);
	char full[KSTATS_NAME + 2];
	memset(full, 'x', KSTATS_NAME);
	full[KSTATS_NAME] = 0;
	CHECK_EQ(kstats_find(&out, full), 7);
	full[KSTATS_NAME] = 'x';
	full[KSTATS_NAME + 1] = 0;
	CHECK_EQ(kstats_find(&out, full), -1); /* longer: only a prefix matches */
}

struct kstats_race {
	struct kstats_box box;
	atomic_int stop;
};

static void *kstats_writer(void *arg)
{
	struct kstats_race *r = arg;
	static struct kstats ks;
	uint64_t k = 0;
	while (!atomic_load_explicit(&r->stop, memory_order_relaxed)) {
		fill_words(&ks, sizeof(ks) / 8, ++k);
		kstats_publish(&r->box, &ks);
		writer_breathe(k);
	}
	return NULL;
}

static void test_kstats_race(void)
{
	static struct kstats_race r;
	static struct kstats out;
	kstats_box_init(&r.box);
	pthread_t t;
	pthread_create(&t, NULL, kstats_writer, &r);
	uint64_t torn = 0, reads = 0, last = 0, changes = 0;
	uint64_t end = now_ns() + RACE_NS / 2;
	while (now_ns() < end) {
		kstats_read(&r.box, &out);
		uint64_t k = common_word(&out, sizeof(out) / 8);
		reads++;
		torn += k == UINT64_MAX;
		changes += k != UINT64_MAX && k != last;
		if (k != UINT64_MAX)
			last = k;
	}
	atomic_store(&r.stop, 1);
	pthread_join(t, NULL);
	printf("kstats: %llu reads, %llu distinct versions\n", (unsigned long long)reads,
	       (unsigned long long)changes);
	CHECK_EQ(torn, 0);
	CHECK(changes > 10);
}

int main(void)
{
	test_snapshot_basic();
	test_kstats_basic();
	test_snapshot_race();
	test_kstats_race();
	return check_done();
}
