/* SPDX-License-Identifier: MIT */
/* rtc_flags.c - register C's flags and the IRQ 8 line they drive.
 *
 * The chip sets PF at each tick of the periodic rate, UF at each update
 * (once a second) and AF at an update whose time matches the alarm, all
 * whether or not the interrupt is enabled. Here they are worked out late,
 * from the clock, whenever the guest or the VMM looks: what ticks and
 * updates fell between the last look and now. IRQF is the OR of each flag
 * with its enable bit in register B, and it is the IRQ 8 line.
 */
#include "rtc_calendar.h"
#include "rtc_internal.h"

/* Periodic interrupt rate in Hz from RS3-0 with the 32.768 kHz time base:
 * 1 and 2 are the same as 8 and 9; 0 is off. */
static int64_t rtc_periodic_hz(const struct rtc_cmos *r)
{
	unsigned rs = r->ram[RTC_REG_A] & RTC_A_RS_MASK;

	if (rs == 0)
		return 0;
	if (rs < 3)
		rs += 7;
	return 65536 >> rs;
}

/* Which periodic tick a time falls in; split in seconds so that t * hz
 * cannot overflow. */
static int64_t rtc_tick_index(int64_t t, int64_t hz)
{
	return rtc_floor_div(t, RTC_NS_PER_SEC) * hz +
	       rtc_floor_mod(t, RTC_NS_PER_SEC) * hz / RTC_NS_PER_SEC;
}

/* The first nanosecond of tick k (rounded up, so it is inside the tick). */
static int64_t rtc_tick_time(int64_t k, int64_t hz)
{
	int64_t s = rtc_floor_div(k, hz), j = k - s * hz;

	return s * RTC_NS_PER_SEC + (j * RTC_NS_PER_SEC + hz - 1) / hz;
}

static bool rtc_alarm_byte_matches(uint8_t alarm, uint8_t now)
{
	return (alarm & RTC_ALARM_DONT_CARE) == RTC_ALARM_DONT_CARE || alarm == now;
}

/* Which hours, minutes and seconds the alarm accepts. The chip compares
 * register bytes, so each value is encoded in register B's format and
 * compared byte for byte; false if some field can never match. */
struct rtc_alarm_sets {
	bool h[24], m[60], s[60];
};

static bool rtc_alarm_sets(const struct rtc_cmos *r, struct rtc_alarm_sets *a)
{
	uint8_t b = r->ram[RTC_REG_B];
	bool bin = b & RTC_B_DM, h24 = b & RTC_B_24H, any_h = false, any_m = false, any_s = false;

	for (int v = 0; v < 60; v++) {
		a->m[v] = rtc_alarm_byte_matches(r->ram[RTC_MINUTES_ALARM], rtc_to_reg(v, bin));
		a->s[v] = rtc_alarm_byte_matches(r->ram[RTC_SECONDS_ALARM], rtc_to_reg(v, bin));
		any_m |= a->m[v];
		any_s |= a->s[v];
	}
	for (int v = 0; v < 24; v++) {
		a->h[v] = rtc_alarm_byte_matches(r->ram[RTC_HOURS_ALARM], rtc_hour_to_reg(v, bin, h24));
		any_h |= a->h[v];
	}
	return any_h && any_m && any_s;
}

/* The first second after `after` whose update matches the alarm. A day of
 * minutes is as far as it needs looking: the pattern repeats daily. */
static bool rtc_next_alarm(const struct rtc_cmos *r, int64_t after, int64_t *at)
{
	struct rtc_alarm_sets a;
	int64_t first = rtc_floor_div(after, 60);

	if (!rtc_alarm_sets(r, &a))
		return false;
	for (int64_t minute = first; minute <= first + 24 * 60; minute++) {
		int64_t of_day = rtc_floor_mod(minute, 24 * 60);

		if (!a.h[of_day / 60] || !a.m[of_day % 60])
			continue;
		for (int s = 0; s < 60; s++) {
			if (a.s[s] && minute * 60 + s > after) {
				*at = minute * 60 + s;
				return true;
			}
		}
	}
	return false;
}

/* Did an update in the seconds (first, last] match the alarm? */
static bool rtc_alarm_between(const struct rtc_cmos *r, int64_t first, int64_t last)
{
	int64_t at;

	return rtc_next_alarm(r, first, &at) && at <= last;
}

static bool rtc_irqf(const struct rtc_cmos *r)
{
	uint8_t c = r->ram[RTC_REG_C], b = r->ram[RTC_REG_B];

	return ((c & RTC_C_PF) && (b & RTC_B_PIE)) || ((c & RTC_C_AF) && (b & RTC_B_AIE)) ||
	       ((c & RTC_C_UF) && (b & RTC_B_UIE));
}

void rtc_update_irq(struct rtc_cmos *r)
{
	bool level = rtc_irqf(r);

	if (level == r->irq_level)
		return;
	r->irq_level = level;
	if (r->irq)
		r->irq(r->irq_ctx, level);
}

/* With SET there are no updates, so neither UF nor AF; the periodic
 * divider runs on. */
void rtc_catch_up(struct rtc_cmos *r)
{
	int64_t now = rtc_guest_now(r), from = r->flags_ns;
	int64_t hz = rtc_periodic_hz(r);
	int64_t s_from = rtc_floor_div(from, RTC_NS_PER_SEC), s_now = rtc_floor_div(now, RTC_NS_PER_SEC);
	uint8_t f = 0;

	if (now > from) {
		if (hz && rtc_tick_index(now, hz) > rtc_tick_index(from, hz))
			f |= RTC_C_PF;
		if (!(r->ram[RTC_REG_B] & RTC_B_SET) && s_now > s_from) {
			f |= RTC_C_UF;
			if (rtc_alarm_between(r, s_from, s_now))
				f |= RTC_C_AF;
		}
	}
	r->flags_ns = now; /* also when the host clock stepped back */
	r->ram[RTC_REG_C] |= f;
	rtc_update_irq(r);
}

uint8_t rtc_read_c(struct rtc_cmos *r)
{
	uint8_t value = r->ram[RTC_REG_C] | (rtc_irqf(r) ? RTC_C_IRQF : 0);

	r->ram[RTC_REG_C] = 0;
	rtc_update_irq(r);
	return value;
}

static int64_t rtc_min(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

uint64_t rtc_next_irq8_ns(struct rtc_cmos *r)
{
	uint8_t b = r->ram[RTC_REG_B];
	int64_t now, second, hz, alarm, best = INT64_MAX;

	rtc_catch_up(r);
	if (r->irq_level)
		return 0;
	now = r->flags_ns;
	second = rtc_floor_div(now, RTC_NS_PER_SEC);
	hz = rtc_periodic_hz(r);
	if ((b & RTC_B_PIE) && hz)
		best = rtc_tick_time(rtc_tick_index(now, hz) + 1, hz) - now;
	if (!(b & RTC_B_SET) && (b & RTC_B_UIE))
		best = rtc_min(best, (second + 1) * RTC_NS_PER_SEC - now);
	if (!(b & RTC_B_SET) && (b & RTC_B_AIE) && rtc_next_alarm(r, second, &alarm))
		best = rtc_min(best, alarm * RTC_NS_PER_SEC - now);
	return best == INT64_MAX ? UINT64_MAX : (uint64_t)best;
}

void rtc_poll(struct rtc_cmos *r)
{
	rtc_catch_up(r);
}

bool rtc_irq_line(const struct rtc_cmos *r)
{
	return r->irq_level;
}
