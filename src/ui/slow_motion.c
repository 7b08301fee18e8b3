/* SPDX-License-Identifier: MIT */
/* slow_motion.c - a 1-2-5 ladder of exit-rate caps. */
#include "slow_motion.h"

#include <inttypes.h>
#include <stdio.h>

static const uint32_t steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 };
#define STEP_COUNT (sizeof(steps) / sizeof(steps[0]))

uint32_t slow_motion_faster(uint32_t limit)
{
	if (limit == 0)
		return 0;
	for (size_t i = 0; i < STEP_COUNT; i++)
		if (steps[i] > limit)
			return steps[i];
	return 0;
}

uint32_t slow_motion_slower(uint32_t limit)
{
	if (limit == 0)
		return steps[STEP_COUNT - 1];
	for (size_t i = STEP_COUNT; i-- > 0;)
		if (steps[i] < limit)
			return steps[i];
	return steps[0];
}

void slow_motion_label(char *buf, size_t n, uint32_t limit)
{
	if (limit == 0)
		snprintf(buf, n, "unlimited");
	else
		snprintf(buf, n, "%" PRIu32 " exit%s/s", limit, limit == 1 ? "" : "s");
}
