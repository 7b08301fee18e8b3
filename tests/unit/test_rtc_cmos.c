/* SPDX-License-Identifier: MIT */
/* test_rtc_cmos.c - the CMOS RTC's registers as a guest sees them, on a
 * fake host clock (local time in ns, set by hand). */
#include "check.h"
#include "rtc_calendar.h"
#include "rtc_cmos.h"

#include <stdint.h>

#define NS 1000000000LL
#define MS 1000000LL
#define MIB (1024ull * 1024ull)
/* 2024-03-15 13:45:30, a Friday (day of week 6), as local time. */
#define T_FRI_134530 1710510330LL

struct fake_host {
	int64_t now;         /* the "host local time", ns since 1970 */
	int clock_calls;
	int irq_changes;
	bool irq_level;
};

static int64_t fake_clock(void *ctx)
{
	struct fake_host *h = ctx;
	h->clock_calls++;
	return h->now;
}

static void fake_irq(void *ctx, bool level)
{
	struct fake_host *h = ctx;
	h->irq_changes++;
	h->irq_level = level;
}

static void setup_ram(struct rtc_cmos *r, struct fake_host *h, int64_t now, uint64_t ram)
{
	memset(h, 0, sizeof(*h));
	h->now = now;
	memset(r, 0xa5, sizeof(*r)); /* garbage: init must set everything */
	rtc_init(r, ram, fake_clock, h, fake_irq, h);
}

static void setup(struct rtc_cmos *r, struct fake_host *h, int64_t now)
{
	setup_ram(r, h, now, 64 * MIB);
}

/* Through the ports, as a guest does it. */
static uint8_t cmos_get(struct rtc_cmos *r, uint8_t index)
{
	rtc_pio_write(r, 0, 1, index);
	return (uint8_t)rtc_pio_read(r, 1, 1);
}

static void cmos_set(struct rtc_cmos *r, uint8_t index, uint8_t value)
{
	rtc_pio_write(r, 0, 1, index);
	rtc_pio_write(r, 1, 1, value);
}

static void test_calendar(void)
{
	struct rtc_date d;

	CHECK_EQ(rtc_days_from_date(1970, 1, 1), 0);
	CHECK_EQ(rtc_days_from_date(2000, 3, 1), 11017);
	CHECK_EQ((uint64_t)rtc_days_from_date(1900, 1, 1), (uint64_t)-25567);
	rtc_date_from_seconds(T_FRI_134530, &d);
	CHECK_EQ(d.year, 2024);
	CHECK_EQ(d.month, 3);
	CHECK_EQ(d.day, 15);
	CHECK_EQ(d.hour, 13);
	CHECK_EQ(d.minute, 45);
	CHECK_EQ(d.second, 30);
	CHECK_EQ(d.wday, 6);
	CHECK_EQ(rtc_date_to_seconds(&d), T_FRI_134530);
	/* 2000 is a leap year, 2100 is not; before 1970 counts down. */
	rtc_date_from_seconds(rtc_days_from_date(2000, 2, 28) * 86400 + 86400, &d);
	CHECK_EQ(d.month, 2);
	CHECK_EQ(d.day, 29);
	rtc_date_from_seconds(4107542399LL + 1, &d);
	CHECK_EQ(d.month, 3);
	CHECK_EQ(d.day, 1);
	CHECK_EQ(d.wday, 2);
	rtc_date_from_seconds(-1, &d);
	CHECK_EQ(d.year, 1969);
	CHECK_EQ(d.day, 31);
	CHECK_EQ(d.hour, 23);
	CHECK_EQ(d.second, 59);
	CHECK_EQ(d.wday, 4);
	/* Every day from 1900 to 2200 goes there and back. */
	int bad = 0;
	for (int64_t day = -25567; day < 84000; day++) {
		rtc_date_from_seconds(day * 86400, &d);
		if (rtc_days_from_date(d.year, d.month, d.day) != day)
			bad++;
	}
	CHECK_EQ(bad, 0);
	/* A day past the month's end carries into the next month. */
	d = (struct rtc_date){ .year = 2023, .month = 2, .day = 30, .hour = 0 };
	CHECK_EQ(rtc_date_to_seconds(&d), rtc_days_from_date(2023, 3, 2) * 86400);
}

static void test_power_on(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS);
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x26);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x02);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_REG_D), 0x80);
	CHECK_EQ(cmos_get(&r, RTC_SHUTDOWN), 0x00);
	CHECK_EQ(cmos_get(&r, 0x0e), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_EQUIPMENT), 0x02);
	CHECK(!rtc_nmi_masked(&r));
	CHECK(!rtc_irq_line(&r));
	CHECK_EQ(h.irq_changes, 0);
	rtc_init(&r, 64 * MIB, NULL, NULL, NULL, NULL);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x70); /* no clock: 1970-01-01 */
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x05);
}

static void test_time_bcd_24h(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS + 500 * MS);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x30);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x45);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x13);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x06);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_MONTH), 0x15);
	CHECK_EQ(cmos_get(&r, RTC_MONTH), 0x03);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x24);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x20);
	/* The clock runs with the host's: 61 s later. */
	h.now += 61 * NS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x31);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x46);
	CHECK(h.clock_calls > 0);
}

static void test_time_binary(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS);
	cmos_set(&r, RTC_REG_B, RTC_B_DM | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x06);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 30);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 45);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 13);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_MONTH), 15);
	CHECK_EQ(cmos_get(&r, RTC_MONTH), 3);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 24);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 20);
}

static uint8_t hours_at(int64_t seconds, uint8_t reg_b)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, seconds * NS);
	cmos_set(&r, RTC_REG_B, reg_b);
	return cmos_get(&r, RTC_HOURS);
}

static void test_time_12h(void)
{
	int64_t midnight = 1710460800LL; /* 2024-03-15 00:00:00 */

	/* BCD, 12 h */
	CHECK_EQ(hours_at(midnight, 0x00), 0x12);              /* 12 AM */
	CHECK_EQ(hours_at(midnight + 30 * 60, 0x00), 0x12);    /* 00:30 */
	CHECK_EQ(hours_at(midnight + 1 * 3600, 0x00), 0x01);
	CHECK_EQ(hours_at(midnight + 11 * 3600, 0x00), 0x11);
	CHECK_EQ(hours_at(midnight + 12 * 3600, 0x00), 0x92);  /* noon: 12 PM */
	CHECK_EQ(hours_at(midnight + 13 * 3600, 0x00), 0x81);
	CHECK_EQ(hours_at(midnight + 23 * 3600, 0x00), 0x91);
	/* binary, 12 h */
	CHECK_EQ(hours_at(midnight, RTC_B_DM), 0x0c);
	CHECK_EQ(hours_at(midnight + 12 * 3600, RTC_B_DM), 0x8c);
	CHECK_EQ(hours_at(midnight + 13 * 3600, RTC_B_DM), 0x81);
	CHECK_EQ(hours_at(midnight + 23 * 3600, RTC_B_DM), 0x8b);
	/* 24 h for comparison */
	CHECK_EQ(hours_at(midnight, 0x02), 0x00);
	CHECK_EQ(hours_at(midnight + 23 * 3600, 0x02), 0x23);
	CHECK_EQ(hours_at(midnight + 23 * 3600, 0x06), 23);
}

static void test_century(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, 946684799LL * NS); /* 1999-12-31 23:59:59 */
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x99);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x19);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x23);
	h.now += NS;
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x20);
	CHECK_EQ(cmos_get(&r, RTC_MONTH), 0x01);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_MONTH), 0x01);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x07); /* Saturday */
	h.now = (4107542399LL + 1) * NS;                /* 2100-03-01 */
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x21);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_MONTH), 0x03);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_MONTH), 0x01);
}

/* UIP is up for the last 244 us of each second, never during SET. */
static void test_uip_window(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int64_t second = T_FRI_134530 * NS;

	setup(&r, &h, second);
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x26);
	h.now = second + NS - 244001;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x26);
	h.now = second + NS - 244000;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0xa6);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x30); /* the update has not happened yet */
	h.now = second + NS - 1;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0xa6);
	h.now = second + NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x26);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x31);

	/* UIP is read-only; the other bits are stored. */
	cmos_set(&r, RTC_REG_A, 0xaf);
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x2f);
	h.now = second + 2 * NS - 100000;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0xaf);

	/* A guest polling loop: wait for UIP, then for it to drop, and the
	 * seconds have moved on by exactly one. */
	h.now = second + 5 * NS + 300 * MS;
	uint8_t before = cmos_get(&r, RTC_SECONDS);
	int polls = 0;
	while (!(cmos_get(&r, RTC_REG_A) & RTC_A_UIP) && polls < 100000) {
		h.now += 50000; /* 50 us between polls */
		polls++;
	}
	CHECK_EQ(before, 0x35);
	CHECK(polls > 0);
	while ((cmos_get(&r, RTC_REG_A) & RTC_A_UIP) && polls < 100000) {
		h.now += 50000;
		polls++;
	}
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x36);

	/* SET: no update, so no warning of one. */
	h.now = second + 7 * NS - 100000;
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0xaf);
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_A), 0x2f);
	cmos_set(&r, RTC_REG_B, RTC_B_24H);
}

static void set_time_bcd(struct rtc_cmos *r, uint8_t cent, uint8_t year, uint8_t month,
			 uint8_t day, uint8_t hour, uint8_t min, uint8_t sec)
{
	cmos_set(r, RTC_CENTURY, cent);
	cmos_set(r, RTC_YEAR, year);
	cmos_set(r, RTC_MONTH, month);
	cmos_set(r, RTC_DAY_OF_MONTH, day);
	cmos_set(r, RTC_HOURS, hour);
	cmos_set(r, RTC_MINUTES, min);
	cmos_set(r, RTC_SECONDS, sec);
}

/* SET freezes the registers; the time the guest writes becomes an offset
 * from the host clock that survives the host's time going on. */
static void test_set_and_offset(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int64_t t0 = T_FRI_134530 * NS + 700 * MS;

	setup(&r, &h, t0);
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x82);
	h.now += 5 * NS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x30); /* frozen at the SET */
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x45);
	set_time_bcd(&r, 0x19, 0x99, 0x12, 0x31, 0x23, 0x59, 0x58);
	h.now += 10 * NS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x58); /* reads what was written */
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x23);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x19);

	/* Release: that moment is 1999-12-31 23:59:58.000 for the guest. */
	int64_t release = h.now;
	cmos_get(&r, RTC_REG_C);
	cmos_set(&r, RTC_REG_B, RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00); /* a jump of the clock is no update */
	CHECK_EQ((uint64_t)r.offset_ns, (uint64_t)(946684798LL * NS - release));
	h.now = release + 999 * MS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x58); /* the second starts afresh */
	h.now = release + 1000 * MS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x59);
	h.now = release + 2 * NS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 0x20);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x07);
	/* An hour of host time later the guest is still an hour past its own. */
	h.now = release + 3602 * NS;
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x01);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_MONTH), 0x01);

	/* Binary, 12 h, set in the same write as SET: the frozen bytes are in
	 * the new format, and the guest's bytes are taken in it. */
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_DM);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x01);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0);
	CHECK_EQ(cmos_get(&r, RTC_CENTURY), 20);
	cmos_set(&r, RTC_HOURS, 0x80 | 12); /* 12 PM */
	cmos_set(&r, RTC_MINUTES, 30);
	cmos_set(&r, RTC_SECONDS, 0);
	cmos_set(&r, RTC_REG_B, RTC_B_DM);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x8c);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 30);
	cmos_set(&r, RTC_REG_B, RTC_B_DM | RTC_B_24H); /* running: shown in the new format */
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 12);

	/* Forward too: six years ahead, not six years of updates. */
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_DM | RTC_B_24H);
	cmos_set(&r, RTC_YEAR, 6);
	cmos_get(&r, RTC_REG_C);
	cmos_set(&r, RTC_REG_B, RTC_B_DM | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 6);

	/* Setting SET clears UIE; it cannot be set while SET is. */
	cmos_set(&r, RTC_REG_B, RTC_B_UIE | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x12);
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_UIE | RTC_B_24H);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x82);
	cmos_set(&r, RTC_REG_B, RTC_B_24H);

	/* A date before 1970 ticks into 1970. */
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_24H);
	set_time_bcd(&r, 0x19, 0x69, 0x12, 0x31, 0x23, 0x59, 0x59);
	cmos_set(&r, RTC_REG_B, RTC_B_24H);
	h.now += NS;
	CHECK_EQ(cmos_get(&r, RTC_YEAR), 0x70);
	CHECK_EQ(cmos_get(&r, RTC_MONTH), 0x01);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x05);
}

/* Without SET a write changes that field at once; the second goes on. */
static void test_write_without_set(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS + 600 * MS);
	cmos_set(&r, RTC_MINUTES, 0x10);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x10);
	CHECK_EQ(cmos_get(&r, RTC_HOURS), 0x13);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x30);
	h.now += 400 * MS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x31); /* phase kept: 0.6 + 0.4 */
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x10);
	/* The day of week follows the date, whatever is written to it. */
	cmos_set(&r, RTC_DAY_OF_WEEK, 0x02);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x06);
	cmos_set(&r, RTC_DAY_OF_MONTH, 0x16);
	CHECK_EQ(cmos_get(&r, RTC_DAY_OF_WEEK), 0x07);
}

static void test_alarm_registers_stored(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS);
	cmos_set(&r, RTC_SECONDS_ALARM, 0x12);
	cmos_set(&r, RTC_MINUTES_ALARM, 0x34);
	cmos_set(&r, RTC_HOURS_ALARM, 0xc0);
	h.now += 3 * NS;
	CHECK_EQ(cmos_get(&r, RTC_SECONDS_ALARM), 0x12);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES_ALARM), 0x34);
	CHECK_EQ(cmos_get(&r, RTC_HOURS_ALARM), 0xc0);
	CHECK_EQ(cmos_get(&r, RTC_SECONDS), 0x33);
}

static void test_register_c(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int64_t t0 = T_FRI_134530 * NS;

	setup(&r, &h, t0);
	cmos_set(&r, RTC_REG_A, 0x20); /* no periodic interrupt */
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	h.now = t0 + 999 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	h.now = t0 + NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_UF); /* set even without UIE */
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);     /* reading cleared it */
	cmos_set(&r, RTC_REG_B, RTC_B_UIE | RTC_B_24H);
	h.now = t0 + 2 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_UF);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	/* Writes to C and D do nothing. */
	cmos_set(&r, RTC_REG_C, 0xff);
	cmos_set(&r, RTC_REG_D, 0x00);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_REG_D), 0x80);

	/* Alarm at 13:45:35: AF only at that update. */
	cmos_set(&r, RTC_REG_B, RTC_B_AIE | RTC_B_24H);
	cmos_set(&r, RTC_SECONDS_ALARM, 0x35);
	cmos_set(&r, RTC_MINUTES_ALARM, 0x45);
	cmos_set(&r, RTC_HOURS_ALARM, 0x13);
	h.now = t0 + 4 * NS + 500 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_UF);
	h.now = t0 + 5 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_AF | RTC_C_UF);
	h.now = t0 + 6 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_UF);
	/* A match passed while nobody looked is still reported. */
	h.now = t0 + 70 * NS;
	cmos_set(&r, RTC_MINUTES_ALARM, 0x46);
	cmos_set(&r, RTC_SECONDS_ALARM, 0x50); /* 13:46:50 is t0 + 80 */
	h.now = t0 + 90 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_AF | RTC_C_UF);
	/* Don't-care bytes: every second matches. */
	cmos_set(&r, RTC_SECONDS_ALARM, 0xc0);
	cmos_set(&r, RTC_MINUTES_ALARM, 0xff);
	cmos_set(&r, RTC_HOURS_ALARM, 0xc0);
	h.now += NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_AF | RTC_C_UF);
	/* An alarm byte that no time can equal never matches. */
	cmos_set(&r, RTC_SECONDS_ALARM, 0x77);
	h.now += 100 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_UF);
	/* SET stops updates: no UF, no AF. */
	cmos_set(&r, RTC_SECONDS_ALARM, 0xc0);
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_AIE | RTC_B_24H);
	h.now += 3 * NS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
}

static void test_periodic_flag(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int64_t t0 = T_FRI_134530 * NS;

	setup(&r, &h, t0);
	cmos_set(&r, RTC_REG_A, 0x2f); /* 2 Hz */
	h.now = t0 + 499 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	h.now = t0 + 500 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_PF);
	cmos_set(&r, RTC_REG_B, RTC_B_PIE | RTC_B_24H);
	h.now = t0 + 999 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x00);
	h.now = t0 + 1000 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_PF | RTC_C_UF);
	/* Periodic ticks go on under SET. */
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_PIE | RTC_B_24H);
	h.now = t0 + 1500 * MS;
	CHECK_EQ(cmos_get(&r, RTC_REG_C), RTC_C_IRQF | RTC_C_PF);
}

/* IRQ 8 follows IRQF; the VMM learns when to look from rtc_next_irq8_ns. */
static void test_irq8(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int64_t t0 = T_FRI_134530 * NS;

	setup(&r, &h, t0 + 250 * MS);
	cmos_set(&r, RTC_REG_A, 0x20);
	CHECK_EQ(rtc_next_irq8_ns(&r), UINT64_MAX); /* nothing enabled */
	cmos_set(&r, RTC_REG_B, RTC_B_UIE | RTC_B_24H);
	CHECK_EQ(rtc_next_irq8_ns(&r), 750 * MS);
	h.now = t0 + 999 * MS;
	rtc_poll(&r);
	CHECK(!rtc_irq_line(&r));
	CHECK_EQ(h.irq_changes, 0);
	h.now = t0 + NS;
	rtc_poll(&r);
	CHECK(rtc_irq_line(&r));
	CHECK(h.irq_level);
	CHECK_EQ(h.irq_changes, 1);
	CHECK_EQ(rtc_next_irq8_ns(&r), 0);
	CHECK_EQ(cmos_get(&r, RTC_REG_C), 0x90);
	CHECK(!rtc_irq_line(&r));
	CHECK(!h.irq_level);
	CHECK_EQ(h.irq_changes, 2);
	CHECK_EQ(rtc_next_irq8_ns(&r), NS);

	/* Periodic at 1024 Hz: the first tick of the second is 976562.5 ns in. */
	cmos_set(&r, RTC_REG_B, RTC_B_PIE | RTC_B_24H);
	cmos_set(&r, RTC_REG_A, 0x26);
	CHECK_EQ(rtc_next_irq8_ns(&r), 976563);
	/* Rates 1 and 2 are 256 and 128 Hz, as 8 and 9 are. */
	cmos_set(&r, RTC_REG_A, 0x21);
	CHECK_EQ(rtc_next_irq8_ns(&r), 3906250);
	cmos_set(&r, RTC_REG_A, 0x22);
	CHECK_EQ(rtc_next_irq8_ns(&r), 7812500);
	cmos_set(&r, RTC_REG_A, 0x2f);
	CHECK_EQ(rtc_next_irq8_ns(&r), 500 * MS);
	cmos_set(&r, RTC_REG_A, 0x26);
	h.now += 976562;
	rtc_poll(&r);
	CHECK(!rtc_irq_line(&r));
	h.now += 1;
	rtc_poll(&r);
	CHECK(rtc_irq_line(&r));
	cmos_get(&r, RTC_REG_C);

	/* Enabling an interrupt whose flag is already up raises the line. */
	cmos_set(&r, RTC_REG_B, RTC_B_24H);
	cmos_set(&r, RTC_REG_A, 0x20);
	h.now += NS;
	rtc_poll(&r);
	CHECK(!rtc_irq_line(&r));
	int changes = h.irq_changes;
	cmos_set(&r, RTC_REG_B, RTC_B_UIE | RTC_B_24H);
	CHECK(rtc_irq_line(&r));
	CHECK_EQ(h.irq_changes, changes + 1);
	cmos_get(&r, RTC_REG_C);

	/* The alarm: 13:45:40 from 13:45:33.250. */
	h.now = t0 + 3 * NS + 250 * MS;
	cmos_get(&r, RTC_REG_C);
	cmos_set(&r, RTC_SECONDS_ALARM, 0x40);
	cmos_set(&r, RTC_MINUTES_ALARM, 0x45);
	cmos_set(&r, RTC_HOURS_ALARM, 0x13);
	cmos_set(&r, RTC_REG_B, RTC_B_AIE | RTC_B_24H);
	CHECK_EQ(rtc_next_irq8_ns(&r), 6 * NS + 750 * MS);
	/* ... and tomorrow's, when today's has passed. */
	cmos_set(&r, RTC_SECONDS_ALARM, 0x31);
	CHECK_EQ(rtc_next_irq8_ns(&r), 86397 * NS + 750 * MS);
	/* SET: no updates, so no update or alarm interrupt to wait for. */
	cmos_set(&r, RTC_REG_B, RTC_B_SET | RTC_B_AIE | RTC_B_24H);
	CHECK_EQ(rtc_next_irq8_ns(&r), UINT64_MAX);
}

static void check_memory_bytes(uint64_t ram, uint16_t base, uint16_t ext, uint16_t high,
			       uint16_t checksum)
{
	struct rtc_cmos r;
	struct fake_host h;
	unsigned sum = 0;

	setup_ram(&r, &h, T_FRI_134530 * NS, ram);
	CHECK_EQ(cmos_get(&r, RTC_BASE_MEM_LO) | cmos_get(&r, RTC_BASE_MEM_HI) << 8, base);
	CHECK_EQ(cmos_get(&r, RTC_EXT_MEM_LO) | cmos_get(&r, RTC_EXT_MEM_HI) << 8, ext);
	CHECK_EQ(cmos_get(&r, RTC_EXT_MEM2_LO) | cmos_get(&r, RTC_EXT_MEM2_HI) << 8, ext);
	CHECK_EQ(cmos_get(&r, RTC_HIGH_MEM_LO) | cmos_get(&r, RTC_HIGH_MEM_HI) << 8, high);
	CHECK_EQ(cmos_get(&r, RTC_CHECKSUM_HI) << 8 | cmos_get(&r, RTC_CHECKSUM_LO), checksum);
	/* ... and the checksum is the sum a BIOS would compute. */
	for (uint8_t i = 0x10; i <= 0x2d; i++)
		sum += cmos_get(&r, i);
	CHECK_EQ(sum & 0xffff, checksum);
}

static void test_memory_bytes(void)
{
	/* equipment 0x02 + base 0x0280 (+ ext) */
	check_memory_bytes(512 * 1024, 512, 0, 0, 0x0004);
	check_memory_bytes(640 * 1024, 640, 0, 0, 0x0084);
	check_memory_bytes(16 * MIB, 640, 15 * 1024, 0, 0x00c0);
	check_memory_bytes(64 * MIB, 640, 63 * 1024, 768, 0x0180);
	check_memory_bytes(4096 * MIB, 640, 0xffff, 0xff00, 0x0282);
	check_memory_bytes(64 * 1024 * MIB, 640, 0xffff, 0xffff, 0x0282);
}

/* Battery-backed RAM: everything that is not a clock register keeps what
 * the guest writes; the checksum is not the device's to fix. */
static void test_nvram(void)
{
	struct rtc_cmos r;
	struct fake_host h;
	int bad = 0;

	setup(&r, &h, T_FRI_134530 * NS);
	uint8_t hi = cmos_get(&r, RTC_CHECKSUM_HI), lo = cmos_get(&r, RTC_CHECKSUM_LO);
	for (unsigned i = 0x0e; i < RTC_NBYTES; i++)
		if (i != RTC_CENTURY)
			cmos_set(&r, (uint8_t)i, (uint8_t)(i * 7 + 3));
	h.now += 2 * NS;
	for (unsigned i = 0x0e; i < RTC_NBYTES; i++)
		if (i != RTC_CENTURY && cmos_get(&r, (uint8_t)i) != (uint8_t)(i * 7 + 3))
			bad++;
	CHECK_EQ(bad, 0);
	cmos_set(&r, RTC_CHECKSUM_HI, hi);
	cmos_set(&r, RTC_CHECKSUM_LO, lo);
	cmos_set(&r, 0x20, 0x55);
	CHECK_EQ(cmos_get(&r, RTC_CHECKSUM_HI), hi);
	CHECK_EQ(cmos_get(&r, RTC_CHECKSUM_LO), lo);

	/* A reset is a new machine: NVRAM rebuilt, guest time forgotten. */
	cmos_set(&r, RTC_MINUTES, 0x00);
	cmos_set(&r, RTC_REG_B, RTC_B_DM);
	rtc_reset(&r);
	CHECK_EQ(cmos_get(&r, 0x20), 0x00);
	CHECK_EQ(cmos_get(&r, RTC_REG_B), 0x02);
	CHECK_EQ(cmos_get(&r, RTC_MINUTES), 0x45);
	CHECK_EQ(r.offset_ns, 0);
	CHECK_EQ(cmos_get(&r, RTC_CHECKSUM_LO), 0x80);
}

static void test_index_and_nmi(void)
{
	struct rtc_cmos r;
	struct fake_host h;

	setup(&r, &h, T_FRI_134530 * NS);
	rtc_pio_write(&r, 0, 1, 0x8d);
	CHECK(rtc_nmi_masked(&r));
	CHECK_EQ(rtc_index(&r), 0x0d);
	CHECK_EQ(rtc_pio_read(&r, 1, 1), 0x80);
	CHECK_EQ(rtc_pio_read(&r, 0, 1), 0xff); /* 0x70 is write-only */
	rtc_pio_write(&r, 0, 1, 0x0a);
	CHECK(!rtc_nmi_masked(&r));
	CHECK_EQ(rtc_index(&r), 0x0a);
	CHECK_EQ(rtc_pio_read(&r, 1, 1), 0x26);
	/* The index sticks across data accesses, as on a PC. */
	CHECK_EQ(rtc_pio_read(&r, 1, 1), 0x26);
	/* Wide accesses use the low byte. */
	rtc_pio_write(&r, 0, 2, 0x1288);
	CHECK(rtc_nmi_masked(&r));
	CHECK_EQ(rtc_index(&r), 0x08);
	CHECK_EQ(rtc_pio_read(&r, 1, 4), 0x03);
	rtc_pio_write(&r, 0, 1, 0x40);
	rtc_pio_write(&r, 1, 2, 0xbeef);
	CHECK_EQ(rtc_pio_read(&r, 1, 1), 0xef);
}

static const char *describe(uint16_t port, bool is_write, uint8_t value, uint8_t index)
{
	static char buf[128];
	size_t n = rtc_describe(port, is_write, value, index, buf, sizeof(buf));
	CHECK_EQ(n, strlen(buf));
	return buf;
}

static void test_describe(void)
{
	CHECK_STR(describe(0x70, true, 0x04, 0), "CMOS select 0x04 (hours), NMI on");
	CHECK_STR(describe(0x70, true, 0x8f, 0), "CMOS select 0x0f (shutdown status), NMI off");
	CHECK_STR(describe(0x70, true, 0x50, 0), "CMOS select 0x50 (CMOS RAM), NMI on");
	CHECK_STR(describe(0x70, false, 0xff, 0), "CMOS index port read = 0xff (write-only)");
	CHECK_STR(describe(0x71, false, 0x13, 0x04), "CMOS read 0x04 hours = 0x13");
	CHECK_STR(describe(0x71, false, 0x20, 0x32), "CMOS read 0x32 century = 0x20");
	CHECK_STR(describe(0x71, true, 0x02, 0x0b), "CMOS write 0x0b register B = 0x02 (BCD, 24 h)");
	CHECK_STR(describe(0x71, true, 0x86, 0x0b),
		  "CMOS write 0x0b register B = 0x86 (SET, binary, 24 h)");
	CHECK_STR(describe(0x71, true, 0x71, 0x0b),
		  "CMOS write 0x0b register B = 0x71 (PIE, AIE, UIE, BCD, 12 h, DSE)");
	CHECK_STR(describe(0x71, false, 0xa6, 0x0a),
		  "CMOS read 0x0a register A = 0xa6 (UIP, 32.768 kHz, 1024 Hz)");
	CHECK_STR(describe(0x71, true, 0x20, 0x0a),
		  "CMOS write 0x0a register A = 0x20 (32.768 kHz, no periodic)");
	CHECK_STR(describe(0x71, true, 0x63, 0x0a),
		  "CMOS write 0x0a register A = 0x63 (divider reset, 8192 Hz)");
	CHECK_STR(describe(0x71, false, 0x90, 0x0c), "CMOS read 0x0c register C = 0x90 (IRQF, UF)");
	CHECK_STR(describe(0x71, false, 0x00, 0x0c), "CMOS read 0x0c register C = 0x00 (no flags)");
	CHECK_STR(describe(0x71, false, 0x80, 0x0d), "CMOS read 0x0d register D = 0x80 (VRT)");
	CHECK_STR(describe(0x71, false, 0x80, 0x15), "CMOS read 0x15 base memory low = 0x80");
	CHECK_STR(describe(0x71, false, 0x80, 0x95), "CMOS read 0x15 base memory low = 0x80");
	CHECK_STR(describe(0x60, false, 0x00, 0), "port 0x60 is not the RTC");

	/* A short buffer is cut and still terminated. */
	char small[10];
	CHECK_EQ(rtc_describe(0x71, false, 0x13, 0x04, small, sizeof(small)), 9);
	CHECK_STR(small, "CMOS read");
	CHECK_EQ(rtc_describe(0x71, false, 0x13, 0x04, small, 0), 0);
}

int main(void)
{
	test_calendar();
	test_power_on();
	test_time_bcd_24h();
	test_time_binary();
	test_time_12h();
	test_century();
	test_uip_window();
	test_set_and_offset();
	test_write_without_set();
	test_alarm_registers_stored();
	test_register_c();
	test_periodic_flag();
	test_irq8();
	test_memory_bytes();
	test_nvram();
	test_index_and_nmi();
	test_describe();
	return check_done();
}
