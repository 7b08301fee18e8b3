/* SPDX-License-Identifier: MIT */
/* test_guest_clock.c - guest time stops while paused and resumes where it froze. */
#include "check.h"
#include "guest_clock.h"

int main(void)
{
	struct guest_clock c;
	guest_clock_start(&c, 1000);
	CHECK_EQ(guest_clock_at(&c, 1000), 0);
	CHECK_EQ(guest_clock_at(&c, 1500), 500);
	CHECK(guest_clock_running(&c));
	guest_clock_stop(&c, 2000);            /* paused at guest 1000 */
	CHECK(!guest_clock_running(&c));
	CHECK_EQ(guest_clock_at(&c, 2000), 1000);
	CHECK_EQ(guest_clock_at(&c, 9000), 1000); /* frozen */
	guest_clock_stop(&c, 3000);            /* a second stop changes nothing */
	CHECK_EQ(guest_clock_at(&c, 9000), 1000);
	guest_clock_run(&c, 10000);            /* 8000 ns later */
	CHECK_EQ(guest_clock_at(&c, 10000), 1000);
	CHECK_EQ(guest_clock_at(&c, 10250), 1250);
	CHECK_EQ(guest_clock_host_time(&c, 2000), 11000); /* when the guest reaches 2000 */
	guest_clock_run(&c, 20000);            /* running already: nothing */
	CHECK_EQ(guest_clock_at(&c, 20000), 11000);
	CHECK_EQ(guest_clock_at(&c, 500), 0);  /* before the origin: never negative */
	return check_done();
}
