/* SPDX-License-Identifier: MIT */
/* replay_speed.c - the replay's speed ladder (see replay_speed.h). */
#include "replay_speed.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

#include "control.h"
#include "slow_motion.h"

/* Above 1x, in thousandths; max (0) is above them all. Doubling to 16x,
 * then a big jump: past 16x a class no longer follows exits one by one,
 * it wants to get somewhere. */
static const uint32_t speeds[] = { 2000, 4000, 8000, 16000, 64000 };
#define SPEED_COUNT (sizeof(speeds) / sizeof(speeds[0]))

/* Speeds compared with max (0) as the fastest. */
static bool speed_below(uint32_t a, uint32_t b)
{
	if (a == REPLAY_SPEED_MAX)
		return false;
	return b == REPLAY_SPEED_MAX || a < b;
}

static struct replay_pace pace(uint32_t rate_limit, uint32_t speed)
{
	return (struct replay_pace){ .rate_limit = rate_limit, .speed = speed };
}

struct replay_pace replay_pace_faster(struct replay_pace p)
{
	if (p.rate_limit) /* up through slow motion; past its top, 1x */
		return pace(slow_motion_faster(p.rate_limit), REPLAY_SPEED_REAL);
	if (speed_below(p.speed, REPLAY_SPEED_REAL))
		return pace(0, REPLAY_SPEED_REAL); /* a pace set elsewhere, under 1x */
	for (size_t i = 0; i < SPEED_COUNT; i++)
		if (speed_below(p.speed, speeds[i]))
			return pace(0, speeds[i]);
	return pace(0, REPLAY_SPEED_MAX);
}

struct replay_pace replay_pace_slower(struct replay_pace p)
{
	if (p.rate_limit) /* down through slow motion, which stops at 1/s */
		return pace(slow_motion_slower(p.rate_limit), REPLAY_SPEED_REAL);
	if (!speed_below(REPLAY_SPEED_REAL, p.speed)) /* 1x or under: into slow motion */
		return pace(slow_motion_slower(0), REPLAY_SPEED_REAL);
	for (size_t i = SPEED_COUNT; i-- > 0;)
		if (speed_below(speeds[i], p.speed))
			return pace(0, speeds[i]);
	return pace(0, REPLAY_SPEED_REAL);
}

void replay_pace_label(char *buf, size_t n, struct replay_pace p)
{
	if (p.rate_limit)
		slow_motion_label(buf, n, p.rate_limit);
	else if (p.speed == REPLAY_SPEED_MAX)
		snprintf(buf, n, "max");
	else if (p.speed % 1000 == 0)
		snprintf(buf, n, "%" PRIu32 "x", p.speed / 1000);
	else {
		/* 1500 -> "1.5x", 250 -> "0.25x": no trailing zeros */
		uint32_t frac = p.speed % 1000;
		int digits = 3;
		for (; frac % 10 == 0; frac /= 10)
			digits--;
		snprintf(buf, n, "%" PRIu32 ".%0*" PRIu32 "x", p.speed / 1000, digits, frac);
	}
}
