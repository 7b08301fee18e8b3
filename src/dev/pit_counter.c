/* SPDX-License-Identifier: MIT */
/* pit_counter.c - the six counting modes of an 8254 counter, in closed form.
 *
 * A run is "N loaded at a clock pulse, j pulses counted since" (j = 0 on the
 * loading pulse itself, which the data sheet says does not decrement). OUT,
 * the counting element's value and OUT's rising edges are functions of j,
 * per mode, following the Intel 8254 data sheet (231164) mode definitions:
 *
 *   mode 0  OUT low; high once j reaches N ("N+1 pulses after the count is
 *           written"), then stays high while the count wraps.
 *   mode 1  OUT low from the loading pulse (the one after a trigger) for N
 *           pulses, then high.
 *   mode 2  OUT low for one pulse when the count reaches 1, then reload:
 *           period N.
 *   mode 3  high for ceil(N/2) pulses, low for floor(N/2); an odd N loads
 *           N-1 and counts by two, so the high half shows an extra 0.
 *   mode 4  OUT low for the one pulse at which the count reaches 0 (j = N).
 *   mode 5  the same, counted from a trigger.
 *
 * GATE: modes 0, 2, 3 and 4 count only while it is high (the caller
 * re-bases a run when it changes); modes 2 and 3 also force OUT high while it
 * is low. Modes 2 and 3 with N = 1 are illegal on the chip; here they give a
 * rising edge on every pulse with OUT read high between them (a low pulse
 * shorter than a clock), so a guest asking for 1.19 MHz gets it, coalesced.
 */
#include "pit_counter.h"

static uint32_t pit_modulus(bool bcd)
{
	return bcd ? 10000u : 65536u;
}

uint32_t pit_count_decode(uint16_t raw, bool bcd)
{
	uint32_t v = raw;

	if (bcd) {
		/* Nibbles A-F are not BCD; they count their binary value. */
		v = (raw >> 12 & 15u) * 1000u + (raw >> 8 & 15u) * 100u +
		    (raw >> 4 & 15u) * 10u + (raw & 15u);
		v %= 10000u;
	}
	return v ? v : pit_modulus(bcd);
}

uint16_t pit_count_encode(uint32_t value, bool bcd)
{
	if (!bcd)
		return (uint16_t)value;
	value %= 10000u;
	return (uint16_t)((value / 1000u) << 12 | (value / 100u % 10u) << 8 |
			  (value / 10u % 10u) << 4 | value % 10u);
}

/* Modes 1 and 5 count whatever GATE does; it only triggers them. */
static bool pit_counting(const struct pit_channel *c)
{
	return c->gate || c->mode == 1 || c->mode == 5;
}

static uint64_t pit_run_j(const struct pit_channel *c, const struct pit_run *r, uint64_t t)
{
	if (!pit_counting(c) || t <= r->base)
		return r->j0;
	return r->j0 + (t - r->base);
}

static uint32_t pit_half_high(uint32_t n)
{
	return (n + 1) / 2;
}

static bool pit_run_level(const struct pit_channel *c, const struct pit_run *r, uint64_t j)
{
	uint32_t n = r->n;

	switch (c->mode) {
	case 0:
	case 1:
		return j >= n;
	case 2:
		return !c->gate || n == 1 || j % n != n - 1;
	case 3:
		return !c->gate || (j + r->off) % n < pit_half_high(n);
	default:
		return j != n;
	}
}

/* The counting element's value, 0 .. modulus-1. */
static uint32_t pit_run_value(const struct pit_channel *c, const struct pit_run *r, uint64_t j)
{
	uint32_t n = r->n, m = pit_modulus(c->bcd), v;

	switch (c->mode) {
	case 2:
		v = n - (uint32_t)(j % n);
		break;
	case 3: {
		/* Even N counts N, N-2 .. 2 in each half; odd N loads N-1 and
		 * counts N-1 .. 0 in the high half, N-1 .. 2 in the low one. */
		uint32_t p = (uint32_t)((j + r->off) % n), h = pit_half_high(n);
		uint32_t q = p < h ? p : p - h;
		v = (n & ~1u) - 2 * q;
		break;
	}
	default: /* counts down and wraps: 0, then FFFF (9999 in BCD) */
		v = (uint32_t)((n + m - j % m) % m);
		break;
	}
	return v % m;
}

/* Rising edges at j in (ja, jb]. Modes 2 and 3 rise where a period starts. */
static uint64_t pit_run_edges(const struct pit_channel *c, const struct pit_run *r,
			      uint64_t ja, uint64_t jb)
{
	uint64_t n = r->n;

	if (jb <= ja)
		return 0;
	switch (c->mode) {
	case 0:
	case 1:
		return ja < n && n <= jb;
	case 2:
	case 3:
		return (jb + r->off) / n - (ja + r->off) / n;
	default:
		return ja <= n && n + 1 <= jb;
	}
}

static bool pit_run_next_edge(const struct pit_channel *c, const struct pit_run *r,
			      uint64_t ja, uint64_t *j)
{
	uint64_t n = r->n;

	switch (c->mode) {
	case 0:
	case 1:
		*j = n;
		return ja < n;
	case 2:
	case 3:
		*j = ((ja + r->off) / n + 1) * n - r->off;
		return true;
	default:
		*j = n + 1;
		return ja <= n;
	}
}

/* The run CR starts when the pending load happens. */
static struct pit_run pit_next_run(const struct pit_channel *c)
{
	struct pit_run r = { .n = pit_count_decode(c->cr, c->bcd), .base = c->pend_tick };

	if (c->mode == 3 && c->pend_low)
		r.off = pit_half_high(r.n);
	return r;
}

/* The run in effect at t, or false while nothing is loaded. */
static bool pit_run_at(const struct pit_channel *c, uint64_t t, struct pit_run *r)
{
	if (c->pend && t >= c->pend_tick) {
		*r = pit_next_run(c);
		return true;
	}
	*r = c->run;
	return c->running;
}

bool pit_counter_out(const struct pit_channel *c, uint64_t t)
{
	struct pit_run r;

	if (!pit_run_at(c, t, &r))
		return c->idle_out;
	return pit_run_level(c, &r, pit_run_j(c, &r, t));
}

uint16_t pit_counter_read(const struct pit_channel *c, uint64_t t)
{
	struct pit_run r;

	if (!pit_run_at(c, t, &r))
		return c->idle_raw;
	return pit_count_encode(pit_run_value(c, &r, pit_run_j(c, &r, t)), c->bcd);
}

bool pit_counter_null(const struct pit_channel *c, uint64_t t)
{
	return c->null_count && !(c->pend && t >= c->pend_tick);
}

uint32_t pit_counter_loaded(const struct pit_channel *c, uint64_t t)
{
	struct pit_run r;

	return pit_run_at(c, t, &r) ? r.n : 0;
}

static uint64_t pit_seg_edges(const struct pit_channel *c, const struct pit_run *r,
			      uint64_t a, uint64_t b)
{
	if (!r || b <= a)
		return 0;
	return pit_run_edges(c, r, pit_run_j(c, r, a), pit_run_j(c, r, b));
}

static bool pit_seg_next(const struct pit_channel *c, const struct pit_run *r,
			 uint64_t a, uint64_t *tick)
{
	uint64_t j;

	if (!pit_counting(c) || !pit_run_next_edge(c, r, pit_run_j(c, r, a), &j))
		return false;
	*tick = r->base + (j - r->j0);
	return true;
}

/* Does OUT rise at the pending load's tick R? A running count hands over
 * at R: its own edge there counts if the new run starts high (mode 2's
 * reload, the end of mode 3's low half, mode 4's strobe ending); mode 1
 * retriggered stays low. A stopped or idle element rises if it was low. */
static bool pit_handover_edge(const struct pit_channel *c, uint64_t R)
{
	struct pit_run next = pit_next_run(c);
	uint64_t j;

	if (!pit_run_level(c, &next, 0))
		return false;
	if (!c->running)
		return !c->idle_out;
	if (!pit_counting(c))
		return !pit_run_level(c, &c->run, c->run.j0);
	j = pit_run_j(c, &c->run, R);
	return pit_run_edges(c, &c->run, j - 1, j) != 0;
}

uint64_t pit_counter_edges(const struct pit_channel *c, uint64_t a, uint64_t b)
{
	const struct pit_run *old = c->running ? &c->run : NULL;
	struct pit_run next;
	uint64_t R;

	if (b <= a)
		return 0;
	if (!c->pend || c->pend_tick > b)
		return pit_seg_edges(c, old, a, b);
	next = pit_next_run(c);
	if (c->pend_tick <= a)
		return pit_seg_edges(c, &next, a, b);
	R = c->pend_tick;
	return pit_seg_edges(c, old, a, R - 1) + pit_handover_edge(c, R) +
	       pit_seg_edges(c, &next, R, b);
}

bool pit_counter_next_edge(const struct pit_channel *c, uint64_t a, uint64_t *tick)
{
	struct pit_run r;

	if (c->pend && c->pend_tick > a) {
		uint64_t R = c->pend_tick;

		if (c->running && pit_seg_next(c, &c->run, a, tick) && *tick < R)
			return true;
		if (pit_handover_edge(c, R)) {
			*tick = R;
			return true;
		}
		r = pit_next_run(c);
		return pit_seg_next(c, &r, R, tick);
	}
	return pit_run_at(c, a, &r) && pit_seg_next(c, &r, a, tick);
}

void pit_counter_sync(struct pit_channel *c, uint64_t t)
{
	if (!c->pend || t < c->pend_tick)
		return;
	c->run = pit_next_run(c);
	c->running = true;
	c->pend = false;
	c->null_count = false;
}

void pit_counter_stop(struct pit_channel *c, uint64_t t, bool out)
{
	c->idle_raw = pit_counter_read(c, t);
	c->idle_out = out;
	c->running = false;
	c->pend = false;
}

void pit_counter_load_next(struct pit_channel *c, uint64_t t)
{
	c->pend = true;
	c->pend_low = false;
	c->pend_tick = t + 1;
}

void pit_counter_load_at_reload(struct pit_channel *c, uint64_t t)
{
	const struct pit_run *r = &c->run;
	uint64_t j = pit_run_j(c, r, t), n = r->n, p, h;

	c->pend = true;
	c->pend_low = false;
	if (c->mode == 2) {
		c->pend_tick = t + (n - j % n); /* the pulse where 1 reloads */
		return;
	}
	p = (j + r->off) % n;
	h = pit_half_high(r->n);
	if (p < h) {
		c->pend_tick = t + (h - p);
		c->pend_low = true; /* the new count starts with a low half */
	} else {
		c->pend_tick = t + (n - p);
	}
}

void pit_counter_set_gate(struct pit_channel *c, bool level, uint64_t t)
{
	if (level == c->gate)
		return;
	if (c->running) { /* what was counted so far, under the old level */
		c->run.j0 = pit_run_j(c, &c->run, t);
		c->run.base = t;
	}
	c->gate = level;
	switch (c->mode) {
	case 1:
	case 5: /* a trigger loads CR on the next pulse; retriggerable */
		if (level && c->cr_valid)
			pit_counter_load_next(c, t);
		break;
	case 2:
	case 3: /* low stops the count and forces OUT high; rising reloads */
		if (!level)
			pit_counter_stop(c, t, true);
		else if (c->cr_valid)
			pit_counter_load_next(c, t);
		break;
	default: /* 0 and 4: the level only enables counting */
		break;
	}
}
