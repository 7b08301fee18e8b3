/* SPDX-License-Identifier: MIT */
/* check.h - a tiny unit-test harness: CHECK records failures and goes on,
 * check_done() prints "N passed, N failed" and gives the exit status. */
#ifndef KVMTUI_CHECK_H
#define KVMTUI_CHECK_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (cond) {                                                      \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,   \
				__LINE__, #cond);                                \
		}                                                                \
	} while (0)

#define CHECK_EQ(a, b)                                                           \
	do {                                                                     \
		unsigned long long check_a_ = (unsigned long long)(a);           \
		unsigned long long check_b_ = (unsigned long long)(b);           \
		if (check_a_ == check_b_) {                                      \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: %s == %s failed: 0x%llx != 0x%llx\n", \
				__FILE__, __LINE__, #a, #b, check_a_, check_b_); \
		}                                                                \
	} while (0)

#define CHECK_STR(a, b)                                                          \
	do {                                                                     \
		const char *check_a_ = (a), *check_b_ = (b);                     \
		if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) {   \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: %s == %s failed: \"%s\" != \"%s\"\n", \
				__FILE__, __LINE__, #a, #b,                      \
				check_a_ ? check_a_ : "(null)",                  \
				check_b_ ? check_b_ : "(null)");                 \
		}                                                                \
	} while (0)

#define CHECK_CONTAINS(hay, needle)                                              \
	do {                                                                     \
		const char *check_h_ = (hay), *check_n_ = (needle);              \
		if (check_h_ && strstr(check_h_, check_n_)) {                    \
			check_passed++;                                          \
		} else {                                                         \
			check_failed++;                                          \
			fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", \
				__FILE__, __LINE__, check_h_ ? check_h_ : "(null)", \
				check_n_);                                       \
		}                                                                \
	} while (0)

/* A test that checked nothing proved nothing: zero checks fail, so a test
 * that lost its checks (an early return, an empty loop) cannot pass. */
static inline int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	if (check_passed + check_failed == 0) {
		fprintf(stderr, "FAIL: no checks ran\n");
		return 1;
	}
	return check_failed ? 1 : 0;
}

/* Waiting for a condition, never for a guessed time:
 *     uint64_t d = check_deadline_ms(5000);
 *     while (!cond && check_before(d))
 *         ;
 *     CHECK(cond);
 * check_before sleeps a millisecond, then says whether time is left. */
static inline uint64_t check_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static inline uint64_t check_deadline_ms(unsigned ms)
{
	return check_now_ns() + (uint64_t)ms * 1000000u;
}

static inline bool check_before(uint64_t deadline)
{
	struct timespec ms = { 0, 1000000 };
	nanosleep(&ms, NULL);
	return check_now_ns() < deadline;
}

#endif
