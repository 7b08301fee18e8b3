/* SPDX-License-Identifier: MIT */
/* poll_wait.h - how long poll() may sleep before a deadline. */
#ifndef KVMTUI_POLL_WAIT_H
#define KVMTUI_POLL_WAIT_H

#include <stdint.h>

/* Longest single sleep: a later deadline is reached in several waits. */
#define POLL_WAIT_MAX_MS (60 * 60 * 1000)

/* Milliseconds from now_ns to deadline_ns, rounded up so a wake-up is never
 * early, 0 once it has passed, at most POLL_WAIT_MAX_MS; never negative,
 * which poll() would take as "forever". */
int poll_wait_ms(uint64_t now_ns, uint64_t deadline_ns);

#endif
