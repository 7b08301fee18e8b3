/* SPDX-License-Identifier: MIT */
/* test_ui_meters.c - sparklines, bars, the per-second rate and slow motion. */
#include "check.h"
#include "numfmt.h"
#include "rate_history.h"
#include "slow_motion.h"
#include "sparkline.h"

#define SEC 1000000000ull

static void test_sparkline(void)
{
	uint64_t v[] = { 0, 1, 50, 100, 99 };
	uint8_t lv[5];
	sparkline_levels(v, 5, lv);
	CHECK_EQ(lv[0], 0);
	CHECK_EQ(lv[1], 1);
	CHECK_EQ(lv[2], 4);
	CHECK_EQ(lv[3], 8);
	CHECK_EQ(lv[4], 8);
	uint64_t zeros[3] = { 0 };
	sparkline_levels(zeros, 3, lv);
	CHECK_EQ(lv[0] + lv[1] + lv[2], 0);
	CHECK_STR(sparkline_glyph(8, true), "\u2588");
	CHECK_STR(sparkline_glyph(0, false), " ");
	CHECK_STR(sparkline_glyph(8, false), "#");
}

static void test_bars(void)
{
	CHECK_EQ(bar_eighths(0, 10, 20), 0);
	CHECK_EQ(bar_eighths(10, 10, 20), 160);
	CHECK_EQ(bar_eighths(5, 10, 20), 80);
	CHECK_EQ(bar_eighths(1, 1000000, 20), 1);
	CHECK_EQ(bar_eighths(UINT64_MAX - 1, UINT64_MAX, 20), 159);
	CHECK_STR(bar_glyph(8, false), "#");
	CHECK_STR(bar_glyph(4, true), "\u258c");
}

static void test_rate(void)
{
	struct rate_history r;
	uint64_t s[RATE_SECONDS];
	rate_history_reset(&r, 100 * SEC, 0);
	CHECK_EQ(rate_history_samples(&r, s, RATE_SECONDS), 0);
	rate_history_update(&r, 100 * SEC + SEC / 2, 40);
	CHECK_EQ(rate_history_now(&r), 0);
	rate_history_update(&r, 101 * SEC + 1, 100);
	CHECK_EQ(rate_history_now(&r), 100);
	rate_history_update(&r, 102 * SEC + 1, 130);
	CHECK_EQ(rate_history_now(&r), 30);
	/* a five-second pause: quiet seconds */
	rate_history_update(&r, 107 * SEC + 1, 130);
	CHECK_EQ(rate_history_samples(&r, s, RATE_SECONDS), 7);
	CHECK_EQ(s[0], 100);
	CHECK_EQ(s[1], 30);
	CHECK_EQ(s[6], 0);
	/* hours later: only a minute of zeros is kept */
	rate_history_update(&r, 9000 * SEC, 130);
	CHECK_EQ(rate_history_samples(&r, s, RATE_SECONDS), RATE_SECONDS);
	CHECK_EQ(s[0] + s[RATE_SECONDS - 1], 0);
	/* counters going backwards: a reset */
	rate_history_update(&r, 9001 * SEC, 5);
	CHECK_EQ(rate_history_samples(&r, s, RATE_SECONDS), 0);
	CHECK_EQ(r.last_total, 5);
}

static void test_slow_motion(void)
{
	CHECK_EQ(slow_motion_slower(0), 10000);
	CHECK_EQ(slow_motion_slower(10), 5);
	CHECK_EQ(slow_motion_slower(1), 1);
	CHECK_EQ(slow_motion_slower(7), 5);
	CHECK_EQ(slow_motion_faster(1), 2);
	CHECK_EQ(slow_motion_faster(10000), 0);
	CHECK_EQ(slow_motion_faster(0), 0);
	char buf[32];
	slow_motion_label(buf, sizeof(buf), 0);
	CHECK_STR(buf, "unlimited");
	slow_motion_label(buf, sizeof(buf), 1);
	CHECK_STR(buf, "1 exit/s");
	slow_motion_label(buf, sizeof(buf), 20);
	CHECK_STR(buf, "20 exits/s");
}

static void test_numfmt(void)
{
	char b[32];
	numfmt_count(b, sizeof(b), 999);
	CHECK_STR(b, "999");
	numfmt_count(b, sizeof(b), 1234);
	CHECK_STR(b, "1.2k");
	numfmt_count(b, sizeof(b), 118000);
	CHECK_STR(b, "118k");
	numfmt_count(b, sizeof(b), 1500000);
	CHECK_STR(b, "1.5M");
	numfmt_duration(b, sizeof(b), 850000);
	CHECK_STR(b, "850us");
	numfmt_duration(b, sizeof(b), 2100000);
	CHECK_STR(b, "2.1ms");
	numfmt_duration(b, sizeof(b), 1420000000);
	CHECK_STR(b, "1.42s");
	numfmt_duration(b, sizeof(b), 245000000000ull);
	CHECK_STR(b, "4m05s");
	numfmt_duration(b, sizeof(b), 3720000000000ull);
	CHECK_STR(b, "1h02m");
}

int main(void)
{
	test_numfmt();
	test_sparkline();
	test_bars();
	test_rate();
	test_slow_motion();
	return check_done();
}
