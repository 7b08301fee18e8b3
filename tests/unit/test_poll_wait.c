/* SPDX-License-Identifier: MIT */
/* test_poll_wait.c - a --timeout deadline as poll()'s timeout: never
 * negative (poll's "forever"), never early, whatever the deadline. */
#include <limits.h>

#include "check.h"
#include "poll_wait.h"

#define SEC 1000000000ull

static void test_short_waits(void)
{
	CHECK_EQ(poll_wait_ms(5 * SEC, 5 * SEC), 0);
	CHECK_EQ(poll_wait_ms(6 * SEC, 5 * SEC), 0); /* passed */
	CHECK_EQ(poll_wait_ms(0, 1), 1);              /* rounded up, never early */
	CHECK_EQ(poll_wait_ms(0, 1500000), 2);
	CHECK_EQ(poll_wait_ms(SEC, 3 * SEC), 2000);
}

/* From 2147484 s on, milliseconds no longer fit in an int. */
static void test_far_deadlines(void)
{
	static const uint64_t seconds[] = { 2147483, 2147484, 3000000, 4294967, 4294968, 10000000 };
	for (size_t i = 0; i < sizeof(seconds) / sizeof(seconds[0]); i++) {
		int ms = poll_wait_ms(SEC, SEC + seconds[i] * SEC);
		CHECK(ms > 0);
		CHECK(ms <= POLL_WAIT_MAX_MS);
	}
	CHECK_EQ(poll_wait_ms(0, UINT64_MAX), POLL_WAIT_MAX_MS);
	CHECK_EQ(poll_wait_ms(0, (uint64_t)POLL_WAIT_MAX_MS * 1000000 - 1), POLL_WAIT_MAX_MS);
}

int main(void)
{
	test_short_waits();
	test_far_deadlines();
	return check_done();
}
