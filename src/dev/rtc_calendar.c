/* SPDX-License-Identifier: MIT */
/* rtc_calendar.c - civil dates from a day count and back, and BCD.
 *
 * The day count uses the usual trick of starting the year in March, so
 * February's odd length falls at the end of the year and every other
 * month has a fixed offset (153 days per 5 months); eras of 400 years
 * repeat exactly, which keeps negative years honest.
 */
#include "rtc_calendar.h"

int64_t rtc_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t rtc_floor_mod(int64_t a, int64_t b)
{
	return a - rtc_floor_div(a, b) * b;
}

int64_t rtc_days_from_date(int year, int month, int day)
{
	int64_t y = year - (month <= 2);
	int64_t era = rtc_floor_div(y, 400);
	int64_t yoe = y - era * 400;                             /* 0..399 */
	int64_t mp = (month + 9) % 12;                           /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + day - 1;              /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;     /* 0..146096 */

	return era * 146097 + doe - 719468; /* 719468: 0000-03-01 to 1970-01-01 */
}

static void rtc_date_from_days(int64_t days, struct rtc_date *d)
{
	int64_t z = days + 719468;
	int64_t era = rtc_floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->year = (int)(yoe + era * 400 + (d->month <= 2));
	/* 1970-01-01 was a Thursday: 5 when Sunday is 1. */
	d->wday = (int)rtc_floor_mod(days + 4, 7) + 1;
}

void rtc_date_from_seconds(int64_t seconds, struct rtc_date *d)
{
	int64_t days = rtc_floor_div(seconds, RTC_SECS_PER_DAY);
	int64_t tod = seconds - days * RTC_SECS_PER_DAY;

	rtc_date_from_days(days, d);
	d->hour = (int)(tod / 3600);
	d->minute = (int)(tod / 60 % 60);
	d->second = (int)(tod % 60);
}

static int rtc_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int64_t rtc_date_to_seconds(const struct rtc_date *d)
{
	int month = rtc_clamp(d->month, 1, 12);
	int64_t days = rtc_days_from_date(d->year, month, 1) + rtc_clamp(d->day, 1, 31) - 1;

	return days * RTC_SECS_PER_DAY + rtc_clamp(d->hour, 0, 23) * 3600 +
	       rtc_clamp(d->minute, 0, 59) * 60 + rtc_clamp(d->second, 0, 59);
}

uint8_t rtc_to_reg(int value, bool binary)
{
	if (binary)
		return (uint8_t)value;
	return (uint8_t)(((value / 10) % 10) << 4 | (value % 10));
}

int rtc_from_reg(uint8_t reg, bool binary)
{
	if (binary)
		return reg;
	return (reg >> 4) * 10 + (reg & 0x0f);
}

uint8_t rtc_hour_to_reg(int hour24, bool binary, bool h24)
{
	int h12;

	if (h24)
		return rtc_to_reg(hour24, binary);
	h12 = hour24 % 12 == 0 ? 12 : hour24 % 12;
	return (uint8_t)(rtc_to_reg(h12, binary) | (hour24 >= 12 ? 0x80 : 0));
}

int rtc_hour_from_reg(uint8_t reg, bool binary, bool h24)
{
	int h;

	if (h24)
		return rtc_from_reg(reg, binary);
	h = rtc_from_reg(reg & 0x7f, binary) % 12; /* 12 AM is hour 0 */
	return (reg & 0x80) ? h + 12 : h;
}
