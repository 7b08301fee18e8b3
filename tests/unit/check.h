/* check.h - a tiny unit-test harness: CHECK records failures and goes on,
 * check_done() prints "N passed, N failed" and gives the exit status. */
#ifndef KVMTUI_CHECK_H
#define KVMTUI_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

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

static inline int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
