/* SPDX-License-Identifier: MIT */
/* test_exit_clock.c - the TSC-extrapolated exit clock stays with CLOCK_MONOTONIC.
 *
 * A read is judged against the clock readings just before and after it: the
 * true time of the call lies between them, so the error is how far outside
 * that interval the result falls. A read the scheduler stretches only widens
 * the interval, so no load on the machine can make a correct clock fail.
 */
#include <stdlib.h>

#include "check.h"
#include "exit_clock.h"
#include "seam.h"

/* Worst error allowed: the design bound is ~50 us (see exit_clock.c),
 * typically it is under 1 us. */
#define MAX_ERROR_NS 200000ull

static uint64_t outside(uint64_t t, uint64_t before, uint64_t after)
{
	return t < before ? before - t : t > after ? t - after : 0;
}

/* A simulated machine: a 2.596 GHz TSC, 25 ns per read, and a thread
 * preempted for preempt_ns right after every preempt_every-th TSC read,
 * i.e. between the TSC read and the clock read of a pair. */
struct sim {
	uint64_t ns;
	unsigned tsc_reads, preempt_every;
	uint64_t preempt_ns;
};

static uint64_t sim_ns(void *ctx)
{
	struct sim *s = ctx;
	s->ns += 25;
	return s->ns;
}

static uint64_t sim_tsc(void *ctx)
{
	struct sim *s = ctx;
	s->ns += 25;
	uint64_t tsc = s->ns * 2596 / 1000 + 123456789;
	if (s->preempt_every && ++s->tsc_reads % s->preempt_every == 0)
		s->ns += s->preempt_ns;
	return tsc;
}

/* Runs the clock for `run_ns` of simulated time, one exit every 1 us;
 * returns the worst error, counts reads that went backwards. */
static uint64_t sim_run(struct sim *s, uint64_t run_ns, unsigned *backwards, bool *calibrated)
{
	struct exit_clock_source src = { sim_ns, sim_tsc, s };
	struct exit_clock c;
	exit_clock_init_source(&c, &src);
	uint64_t worst = 0, prev = 0, end = s->ns + run_ns;
	while (s->ns < end) {
		uint64_t before = s->ns;
		uint64_t t = exit_clock_now(&c);
		uint64_t err = outside(t, before, s->ns);
		worst = err > worst ? err : worst;
		*backwards += t < prev;
		prev = t;
		s->ns += 1000;
	}
	*calibrated = c.calibrated;
	return worst;
}

/* Preemption between the TSC and clock reads of a pair used to tear the
 * pair: a wrong rate, and exit times milliseconds ahead. */
static void test_torn_pairs(void)
{
	static const unsigned every[] = { 1, 2, 3, 7, 50, 1000 };
	for (size_t i = 0; i < sizeof(every) / sizeof(every[0]); i++) {
		struct sim s = { .ns = 1000000000ull, .preempt_every = every[i], .preempt_ns = 4000000 };
		unsigned backwards = 0;
		bool calibrated;
		uint64_t worst = sim_run(&s, 200000000ull, &backwards, &calibrated);
		if (worst >= 1000 || backwards)
			printf("preempted every %u TSC reads: worst error %llu ns, %u backwards\n",
			       every[i], (unsigned long long)worst, backwards);
		CHECK(worst < 1000); /* a simulated clock has no excuse */
		CHECK_EQ(backwards, 0);
		/* every pair torn: plain clock readings, never a guessed rate */
		CHECK(calibrated == (every[i] > 1));
	}
}

static void test_real_clock(void)
{
	struct exit_clock c;
	exit_clock_init(&c);
	uint64_t prev = 0, worst = 0, backwards = 0;
	uint64_t end = seam_now_ns() + 60000000ull; /* 60 ms: calibration and several re-syncs */
	while (seam_now_ns() < end) {
		uint64_t before = seam_now_ns();
		uint64_t t = exit_clock_now(&c);
		uint64_t err = outside(t, before, seam_now_ns());
		backwards += t < prev;
		prev = t;
		worst = err > worst ? err : worst;
	}
	printf("exit clock: TSC %s, calibrated %s, worst error %llu ns\n", c.use_tsc ? "used" : "not used",
	       c.calibrated ? "yes" : "no", (unsigned long long)worst);
	CHECK_EQ(backwards, 0); /* never backwards */
	CHECK(worst < MAX_ERROR_NS);
	CHECK(!c.use_tsc || c.calibrated);
}

int main(void)
{
	CHECK(exit_clock_tsc_invariant("flags\t\t: fpu tsc constant_tsc rep_good nonstop_tsc cpuid\n"));
	CHECK(!exit_clock_tsc_invariant("flags\t\t: fpu tsc constant_tsc rep_good\n"));
	CHECK(!exit_clock_tsc_invariant("flags\t\t: fpu xconstant_tsc nonstop_tscx\n"));
	test_torn_pairs();
	test_real_clock();
	return check_done() ? EXIT_FAILURE : EXIT_SUCCESS;
}
