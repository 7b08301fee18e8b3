/* SPDX-License-Identifier: MIT */
/* poll_wait.c - a deadline as a poll() timeout.
 *
 * --timeout takes up to 1e7 s; in milliseconds that is far beyond an int,
 * and a cast wrapped from 2147484 s on to a negative timeout, an endless
 * poll: the run never timed out. The wait is capped instead; the caller's
 * loop checks the deadline after every wake-up anyway.
 */
#include "poll_wait.h"

int poll_wait_ms(uint64_t now_ns, uint64_t deadline_ns)
{
	if (now_ns >= deadline_ns)
		return 0;
	uint64_t left = deadline_ns - now_ns;
	uint64_t ms = left / 1000000 + (left % 1000000 != 0); /* cannot wrap */
	return ms < POLL_WAIT_MAX_MS ? (int)ms : POLL_WAIT_MAX_MS;
}
