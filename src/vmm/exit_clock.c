/* SPDX-License-Identifier: MIT */
/* exit_clock.c - TSC extrapolation between CLOCK_MONOTONIC readings.
 *
 * Everything rests on (CLOCK_MONOTONIC, TSC) pairs: the rate is the ratio of
 * two pairs' differences, and later times are extrapolated from the last
 * pair. A pair taken as "read the TSC, then read the clock" is torn when the
 * thread is preempted between the two reads: the clock value is then
 * milliseconds later than the TSC value. With two busy loops on this
 * two-core host that happened in 21 of 529 runs of unit.exit_clock (one in
 * four under ctest -j3), nearly always during calibration, when every call
 * takes a pair: a ~4 ms preemption turned a 1 ms calibration into a rate of
 * 2.16 ns/tick instead of 0.385 (a 2.6 GHz TSC), and exit times ran 5.6
 * times too fast, 6-73 ms ahead of the real clock; the monotonic clamp then
 * froze them until the clock caught up. The TSC itself never jumped: both
 * CPUs' TSCs agree with CLOCK_MONOTONIC to the nanosecond.
 *
 * So a pair is read as clock, TSC, clock, and kept only when the two clock
 * readings are close; the TSC value is paired with their midpoint, off by at
 * most PAIR_MAX_NS / 2. With no good pair (the thread keeps being
 * preempted) the call returns a plain clock reading and keeps the anchor.
 */
#include "exit_clock.h"

#include <stdio.h>
#include <string.h>
#include <x86intrin.h>

#include "seam.h"

#define CALIBRATE_NS 2000000ull /* first rate after 2 ms of samples */
#define RESYNC_NS 10000000ull   /* then re-anchor every 10 ms */
/* A pair whose clock readings are further apart was preempted or
 * interrupted; usual widths are 40-300 ns. At 10 us the first rate (over
 * 2 ms) is within 0.5%, later ones (over 10 ms) within 0.1%: at worst
 * ~50 us of drift before the next re-anchor, typically well under 1 us. */
#define PAIR_MAX_NS 10000ull
#define PAIR_TRIES 2

static bool has_flag(const char *flags, const char *flag)
{
	size_t n = strlen(flag);
	for (const char *p = strstr(flags, flag); p; p = strstr(p + 1, flag))
		if ((p == flags || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

bool exit_clock_tsc_invariant(const char *flags)
{
	return has_flag(flags, "constant_tsc") && has_flag(flags, "nonstop_tsc");
}

static bool cpu_has_invariant_tsc(void)
{
	char line[4096];
	bool ok = false;
	FILE *f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "flags", 5) == 0) {
			ok = exit_clock_tsc_invariant(line);
			break;
		}
	if (f)
		fclose(f);
	return ok;
}

static uint64_t read_ns(const struct exit_clock *c)
{
	return c->src ? c->src->now_ns(c->src->ctx) : seam_now_ns();
}

static uint64_t read_tsc(const struct exit_clock *c)
{
	return c->src ? c->src->tsc(c->src->ctx) : __rdtsc();
}

static uint64_t monotonic(struct exit_clock *c, uint64_t ns)
{
	if (ns < c->last_ns)
		ns = c->last_ns;
	c->last_ns = ns;
	return ns;
}

/* A trustworthy (ns, tsc) pair, or false with *ns a plain clock reading. */
static bool read_pair(const struct exit_clock *c, uint64_t *ns, uint64_t *tsc)
{
	for (int i = 0; i < PAIR_TRIES; i++) {
		uint64_t before = read_ns(c);
		uint64_t t = read_tsc(c);
		uint64_t after = read_ns(c);
		*ns = after;
		if (after - before <= PAIR_MAX_NS) {
			*ns = before + (after - before) / 2;
			*tsc = t;
			return true;
		}
	}
	return false;
}

static void anchor(struct exit_clock *c, uint64_t ns, uint64_t tsc)
{
	c->base_ns = ns;
	c->base_tsc = tsc;
	c->anchored = true;
}

/* A real clock reading: refines the rate and moves the anchor. */
static uint64_t resync(struct exit_clock *c)
{
	uint64_t ns, tsc = 0;
	bool good = read_pair(c, &ns, &tsc);
	if (good && (!c->anchored || tsc < c->base_tsc)) {
		/* the first pair, or the TSC went back (another CPU's, a reset): start over */
		c->calibrated = false;
		anchor(c, ns, tsc);
	} else if (good && tsc > c->base_tsc && ns - c->base_ns >= CALIBRATE_NS) {
		c->ns_per_tick = (double)(ns - c->base_ns) / (double)(tsc - c->base_tsc);
		c->calibrated = true;
		anchor(c, ns, tsc);
	}
	/* After a torn pair, 0: try again at the next call. */
	c->next_sync_tsc = good && c->calibrated ? tsc + (uint64_t)(RESYNC_NS / c->ns_per_tick) : 0;
	return monotonic(c, ns);
}

void exit_clock_init_source(struct exit_clock *c, const struct exit_clock_source *src)
{
	memset(c, 0, sizeof(*c));
	c->src = src;
	c->use_tsc = true;
	resync(c);
}

void exit_clock_init(struct exit_clock *c)
{
	exit_clock_init_source(c, NULL);
	c->use_tsc = cpu_has_invariant_tsc();
}

uint64_t exit_clock_now(struct exit_clock *c)
{
	if (!c->use_tsc)
		return monotonic(c, read_ns(c));
	uint64_t tsc = read_tsc(c);
	if (!c->calibrated || tsc >= c->next_sync_tsc || tsc < c->base_tsc)
		return resync(c);
	return monotonic(c, c->base_ns + (uint64_t)((double)(tsc - c->base_tsc) * c->ns_per_tick));
}
