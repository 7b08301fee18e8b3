/* SPDX-License-Identifier: MIT */
/* rtc_cmos.c - the RTC's ports, its time registers and registers A and B.
 *
 * The chip's counters are not simulated second by second: the guest's time
 * is always "host clock + offset", turned into register bytes when the guest
 * reads them. Setting the clock only moves the offset, so a guest that sets
 * the time keeps it, ticking at the host's pace, without a thread.
 */
#include "rtc_cmos.h"

#include "rtc_calendar.h"
#include "rtc_internal.h"

/* Beyond these the nanosecond count would overflow int64; no PC century
 * byte outside 19..21 means anything anyway. */
#define RTC_YEAR_MIN 1900
#define RTC_YEAR_MAX 2199

static const uint8_t rtc_time_regs[] = {
	RTC_SECONDS, RTC_MINUTES, RTC_HOURS, RTC_DAY_OF_WEEK,
	RTC_DAY_OF_MONTH, RTC_MONTH, RTC_YEAR, RTC_CENTURY,
};

static bool rtc_binary(const struct rtc_cmos *r)
{
	return r->ram[RTC_REG_B] & RTC_B_DM;
}

static bool rtc_24h(const struct rtc_cmos *r)
{
	return r->ram[RTC_REG_B] & RTC_B_24H;
}

static bool rtc_frozen(const struct rtc_cmos *r)
{
	return r->ram[RTC_REG_B] & RTC_B_SET;
}

static bool rtc_is_time_reg(uint8_t index)
{
	for (unsigned i = 0; i < sizeof(rtc_time_regs); i++)
		if (rtc_time_regs[i] == index)
			return true;
	return false;
}

static int64_t rtc_host_now(const struct rtc_cmos *r)
{
	return r->clock ? r->clock(r->clock_ctx) : 0;
}

int64_t rtc_guest_now(const struct rtc_cmos *r)
{
	return rtc_host_now(r) + r->offset_ns;
}

/* A time register's byte for a guest second, in register B's format. */
static uint8_t rtc_time_byte(const struct rtc_cmos *r, uint8_t index, int64_t second)
{
	struct rtc_date d;
	bool bin = rtc_binary(r);

	rtc_date_from_seconds(second, &d);
	switch (index) {
	case RTC_SECONDS: return rtc_to_reg(d.second, bin);
	case RTC_MINUTES: return rtc_to_reg(d.minute, bin);
	case RTC_HOURS: return rtc_hour_to_reg(d.hour, bin, rtc_24h(r));
	case RTC_DAY_OF_WEEK: return rtc_to_reg(d.wday, bin);
	case RTC_DAY_OF_MONTH: return rtc_to_reg(d.day, bin);
	case RTC_MONTH: return rtc_to_reg(d.month, bin);
	case RTC_YEAR: return rtc_to_reg((int)rtc_floor_mod(d.year, 100), bin);
	case RTC_CENTURY: return rtc_to_reg((int)rtc_floor_div(d.year, 100), bin);
	default: return 0;
	}
}

static int64_t rtc_guest_second(const struct rtc_cmos *r)
{
	return rtc_floor_div(rtc_guest_now(r), RTC_NS_PER_SEC);
}

/* The time registers take the bytes of the current time: the guest reads
 * and edits these while SET holds the clock. */
static void rtc_freeze(struct rtc_cmos *r)
{
	int64_t second = rtc_guest_second(r);

	for (unsigned i = 0; i < sizeof(rtc_time_regs); i++)
		r->ram[rtc_time_regs[i]] = rtc_time_byte(r, rtc_time_regs[i], second);
}

static void rtc_frozen_date(const struct rtc_cmos *r, struct rtc_date *d)
{
	bool bin = rtc_binary(r);
	int year = rtc_from_reg(r->ram[RTC_CENTURY], bin) * 100 + rtc_from_reg(r->ram[RTC_YEAR], bin);

	d->year = year < RTC_YEAR_MIN ? RTC_YEAR_MIN : year > RTC_YEAR_MAX ? RTC_YEAR_MAX : year;
	d->month = rtc_from_reg(r->ram[RTC_MONTH], bin);
	d->day = rtc_from_reg(r->ram[RTC_DAY_OF_MONTH], bin);
	d->hour = rtc_hour_from_reg(r->ram[RTC_HOURS], bin, rtc_24h(r));
	d->minute = rtc_from_reg(r->ram[RTC_MINUTES], bin);
	d->second = rtc_from_reg(r->ram[RTC_SECONDS], bin);
}

/* The frozen bytes become the guest's time, phase_ns into their second:
 * only the offset from the host clock changes. Flags start counting from
 * the new time, so the jump itself is no update. */
static void rtc_thaw(struct rtc_cmos *r, int64_t phase_ns)
{
	struct rtc_date d;
	int64_t guest;

	rtc_frozen_date(r, &d);
	guest = rtc_date_to_seconds(&d) * RTC_NS_PER_SEC + phase_ns;
	r->offset_ns = guest - rtc_host_now(r);
	r->flags_ns = guest;
}

void rtc_init(struct rtc_cmos *r, uint64_t ram_bytes, rtc_clock_fn clock, void *clock_ctx,
	      rtc_irq_fn irq, void *irq_ctx)
{
	r->ram_bytes = ram_bytes;
	r->clock = clock;
	r->clock_ctx = clock_ctx;
	r->irq = irq;
	r->irq_ctx = irq_ctx;
	r->irq_level = false;
	rtc_reset(r);
}

void rtc_reset(struct rtc_cmos *r)
{
	rtc_nvram_init(r);
	r->index = 0;
	r->nmi_masked = false;
	r->offset_ns = 0;
	r->flags_ns = rtc_guest_now(r);
	rtc_update_irq(r);
}

void rtc_select(struct rtc_cmos *r, uint8_t value)
{
	r->index = value & RTC_INDEX_MASK;
	r->nmi_masked = value & RTC_NMI_MASK;
}

uint8_t rtc_index(const struct rtc_cmos *r)
{
	return r->index;
}

bool rtc_nmi_masked(const struct rtc_cmos *r)
{
	return r->nmi_masked;
}

/* UIP warns a polling guest that the registers are about to change; with
 * SET there is no update, so no warning either. */
static uint8_t rtc_read_a(const struct rtc_cmos *r)
{
	int64_t phase = rtc_floor_mod(rtc_guest_now(r), RTC_NS_PER_SEC);
	bool uip = !rtc_frozen(r) && phase >= RTC_NS_PER_SEC - RTC_UIP_NS;

	return (uint8_t)((r->ram[RTC_REG_A] & (uint8_t)~RTC_A_UIP) | (uip ? RTC_A_UIP : 0));
}

uint8_t rtc_read(struct rtc_cmos *r)
{
	uint8_t i = r->index;

	rtc_catch_up(r);
	if (rtc_is_time_reg(i) && !rtc_frozen(r))
		return rtc_time_byte(r, i, rtc_guest_second(r));
	switch (i) {
	case RTC_REG_A: return rtc_read_a(r);
	case RTC_REG_C: return rtc_read_c(r);
	case RTC_REG_D: return RTC_D_VRT;
	default: return r->ram[i];
	}
}

/* Without SET the field changes at once and the second goes on where it
 * was; with SET the byte waits for SET to be cleared. */
static void rtc_write_time(struct rtc_cmos *r, uint8_t index, uint8_t value)
{
	int64_t phase;

	if (rtc_frozen(r)) {
		r->ram[index] = value;
		return;
	}
	phase = rtc_floor_mod(rtc_guest_now(r), RTC_NS_PER_SEC);
	rtc_freeze(r);
	r->ram[index] = value;
	rtc_thaw(r, phase);
}

/* The snapshot is taken after B is stored, so a guest that sets SET and
 * DM in one write reads the frozen time in its new format. Setting SET
 * clears UIE (MC146818/DS12887 data sheets). */
static void rtc_write_b(struct rtc_cmos *r, uint8_t value)
{
	uint8_t old = r->ram[RTC_REG_B];

	if (value & RTC_B_SET)
		value &= (uint8_t)~RTC_B_UIE;
	r->ram[RTC_REG_B] = value;
	if (!(old & RTC_B_SET) && (value & RTC_B_SET))
		rtc_freeze(r);
	else if ((old & RTC_B_SET) && !(value & RTC_B_SET))
		rtc_thaw(r, 0);
}

void rtc_write(struct rtc_cmos *r, uint8_t value)
{
	uint8_t i = r->index;

	rtc_catch_up(r); /* flags up to now under the old settings */
	if (rtc_is_time_reg(i)) {
		rtc_write_time(r, i, value);
		return;
	}
	switch (i) {
	case RTC_REG_A: r->ram[i] = value & (uint8_t)~RTC_A_UIP; break;
	case RTC_REG_B: rtc_write_b(r, value); break;
	case RTC_REG_C: case RTC_REG_D: break; /* read-only */
	default: r->ram[i] = value; break;
	}
	rtc_update_irq(r);
}

uint32_t rtc_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)size;
	if (offset == 0)
		return 0xff; /* 0x70 is write-only: the bus floats high */
	return rtc_read(ctx);
}

void rtc_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)size;
	if (offset == 0)
		rtc_select(ctx, (uint8_t)value);
	else
		rtc_write(ctx, (uint8_t)value);
}
