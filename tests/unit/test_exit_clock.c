/* test_exit_clock.c - the TSC-extrapolated exit clock stays with CLOCK_MONOTONIC. */
#include <stdlib.h>

#include "check.h"
#include "exit_clock.h"
#include "seam.h"

static uint64_t absdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

int main(void)
{
	CHECK(exit_clock_tsc_invariant("flags\t\t: fpu tsc constant_tsc rep_good nonstop_tsc cpuid\n"));
	CHECK(!exit_clock_tsc_invariant("flags\t\t: fpu tsc constant_tsc rep_good\n"));
	CHECK(!exit_clock_tsc_invariant("flags\t\t: fpu xconstant_tsc nonstop_tscx\n"));

	struct exit_clock c;
	exit_clock_init(&c);
	uint64_t prev = 0, worst = 0, backwards = 0;
	uint64_t end = seam_now_ns() + 60000000ull; /* 60 ms: calibration and several re-syncs */
	while (seam_now_ns() < end) {
		uint64_t before = seam_now_ns();
		uint64_t t = exit_clock_now(&c);
		uint64_t after = seam_now_ns();
		backwards += t < prev;
		prev = t;
		uint64_t mid = before + (after - before) / 2;
		uint64_t err = absdiff(t, mid);
		if (err > worst && after - before < 100000) /* ignore reads the scheduler split */
			worst = err;
	}
	printf("exit clock: TSC %s, calibrated %s, worst error %llu ns\n", c.use_tsc ? "used" : "not used",
	       c.calibrated ? "yes" : "no", (unsigned long long)worst);
	CHECK_EQ(backwards, 0); /* never backwards */
	CHECK(worst < 500000);  /* well under a millisecond */
	CHECK(!c.use_tsc || c.calibrated);
	return check_done() ? EXIT_FAILURE : EXIT_SUCCESS;
}
