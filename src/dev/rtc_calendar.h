/* SPDX-License-Identifier: MIT */
/* rtc_calendar.h - dates to seconds and back, and the RTC's byte formats.
 *
 * The RTC keeps no calendar of its own: it reads a count of nanoseconds
 * and turns it into the broken-down fields its registers show. These are
 * the pure pieces of that, proleptic Gregorian, no time zones (the count
 * is already local time), no libc time functions (they read the host's
 * TZ, which a device must not depend on).
 */
#ifndef KVMTUI_RTC_CALENDAR_H
#define KVMTUI_RTC_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#define RTC_NS_PER_SEC 1000000000LL
#define RTC_SECS_PER_DAY 86400LL

struct rtc_date {
	int year;   /* e.g. 2024 */
	int month;  /* 1..12 */
	int day;    /* 1..31 */
	int hour;   /* 0..23 */
	int minute; /* 0..59 */
	int second; /* 0..59 */
	int wday;   /* 1..7, Sunday = 1, as the RTC counts */
};

/* Floor division and modulo: times before 1970 are negative. */
int64_t rtc_floor_div(int64_t a, int64_t b);
int64_t rtc_floor_mod(int64_t a, int64_t b);

int64_t rtc_days_from_date(int year, int month, int day);
void rtc_date_from_seconds(int64_t seconds, struct rtc_date *d);
/* Fields out of range are clamped (month 1..12, day 1..31, hour 0..23,
 * minute and second 0..59); a day past the month's end rolls over, as
 * the chip's own counters would carry. wday is ignored. */
int64_t rtc_date_to_seconds(const struct rtc_date *d);

/* A register byte: BCD unless binary. Decoding bad BCD (0x1a) is not an
 * error a guest can be told about; the digits are taken as they come. */
uint8_t rtc_to_reg(int value, bool binary);
int rtc_from_reg(uint8_t reg, bool binary);
/* Hours: 24 h as is; 12 h is 1..12 with bit 7 = PM (00:xx is 12 AM). */
uint8_t rtc_hour_to_reg(int hour24, bool binary, bool h24);
int rtc_hour_from_reg(uint8_t reg, bool binary, bool h24);

#endif
