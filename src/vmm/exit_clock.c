/* exit_clock.c - TSC extrapolation between CLOCK_MONOTONIC readings. */
#include "exit_clock.h"

#include <stdio.h>
#include <string.h>
#include <x86intrin.h>

#include "seam.h"

#define CALIBRATE_NS 2000000ull /* first rate after 2 ms of samples */
#define RESYNC_NS 10000000ull   /* then re-anchor every 10 ms */

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

void exit_clock_init(struct exit_clock *c)
{
	memset(c, 0, sizeof(*c));
	c->use_tsc = cpu_has_invariant_tsc();
	c->base_ns = c->last_ns = seam_now_ns();
	c->base_tsc = __rdtsc();
}

static uint64_t monotonic(struct exit_clock *c, uint64_t ns)
{
	if (ns < c->last_ns)
		ns = c->last_ns;
	c->last_ns = ns;
	return ns;
}

/* A real clock reading: refines the rate and moves the anchor. */
static uint64_t resync(struct exit_clock *c, uint64_t tsc)
{
	uint64_t ns = seam_now_ns();
	uint64_t dns = ns - c->base_ns, dtsc = tsc - c->base_tsc;
	if (tsc > c->base_tsc && dns >= CALIBRATE_NS) {
		c->ns_per_tick = (double)dns / (double)dtsc;
		c->calibrated = true;
		c->base_ns = ns;
		c->base_tsc = tsc;
	} else if (tsc < c->base_tsc) { /* another CPU's TSC, or a reset: start over */
		c->calibrated = false;
		c->base_ns = ns;
		c->base_tsc = tsc;
	}
	c->next_sync_tsc = c->calibrated ? tsc + (uint64_t)(RESYNC_NS / c->ns_per_tick) : 0;
	return monotonic(c, ns);
}

uint64_t exit_clock_now(struct exit_clock *c)
{
	if (!c->use_tsc)
		return monotonic(c, seam_now_ns());
	uint64_t tsc = __rdtsc();
	if (!c->calibrated || tsc >= c->next_sync_tsc || tsc < c->base_tsc)
		return resync(c, tsc);
	return monotonic(c, c->base_ns + (uint64_t)((double)(tsc - c->base_tsc) * c->ns_per_tick));
}
