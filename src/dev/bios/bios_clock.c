/* SPDX-License-Identifier: MIT */
/* bios_clock.c - int 1Ah: the tick count at 0x46C and the CMOS clock, read
 * and set through ports 70h/71h as a BIOS does. */
#include "bios.h"
#include "bios_data_area.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY 0x32
#define STATUS_A_UPDATING 0x80
#define STATUS_B_BINARY 0x04
#define STATUS_B_24H 0x02
#define STATUS_B_DST 0x01

static bool have_cmos(const struct bios *b)
{
	return b->host.port_in && b->host.port_out;
}

static uint8_t cmos_read(struct bios *b, uint8_t reg)
{
	b->host.port_out(b->host.ctx, CMOS_INDEX, reg);
	return b->host.port_in(b->host.ctx, CMOS_DATA);
}

static void cmos_write(struct bios *b, uint8_t reg, uint8_t v)
{
	b->host.port_out(b->host.ctx, CMOS_INDEX, reg);
	b->host.port_out(b->host.ctx, CMOS_DATA, v);
}

static uint8_t to_bcd(uint8_t v)
{
	return (uint8_t)((v / 10) << 4 | v % 10);
}

static uint8_t from_bcd(uint8_t v)
{
	return (uint8_t)((v >> 4) * 10 + (v & 0x0f));
}

/* int 1Ah speaks BCD; a guest may have switched the clock to binary. */
static uint8_t read_bcd(struct bios *b, uint8_t reg)
{
	uint8_t v = cmos_read(b, reg);
	return cmos_read(b, RTC_STATUS_B) & STATUS_B_BINARY ? to_bcd(v) : v;
}

static void write_bcd(struct bios *b, uint8_t reg, uint8_t bcd)
{
	bool binary = cmos_read(b, RTC_STATUS_B) & STATUS_B_BINARY;
	cmos_write(b, reg, binary ? from_bcd(bcd) : bcd);
}

static void get_ticks(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint32_t ticks = bios_peek32(&b->mem, BDA_TICKS);
	bios_set_cx(r, (uint16_t)(ticks >> 16));
	bios_set_dx(r, (uint16_t)ticks);
	bios_set_al(r, bios_peek8(&b->mem, BDA_MIDNIGHT));
	bios_poke8(&b->mem, BDA_MIDNIGHT, 0); /* reading it clears the rollover */
	call->detail = ticks;
}

static void set_ticks(struct bios *b, struct bios_regs *r)
{
	bios_poke32(&b->mem, BDA_TICKS, (uint32_t)bios_cx(r) << 16 | bios_dx(r));
	bios_poke8(&b->mem, BDA_MIDNIGHT, 0);
}

static void get_time(struct bios *b, struct bios_regs *r)
{
	if (cmos_read(b, RTC_STATUS_A) & STATUS_A_UPDATING) {
		bios_set_carry(r, true); /* mid-update: the caller tries again */
		return;
	}
	bios_set_ch(r, read_bcd(b, RTC_HOURS));
	bios_set_cl(r, read_bcd(b, RTC_MINUTES));
	bios_set_dh(r, read_bcd(b, RTC_SECONDS));
	bios_set_dl(r, cmos_read(b, RTC_STATUS_B) & STATUS_B_DST);
	bios_set_carry(r, false);
}

static void get_date(struct bios *b, struct bios_regs *r)
{
	if (cmos_read(b, RTC_STATUS_A) & STATUS_A_UPDATING) {
		bios_set_carry(r, true);
		return;
	}
	bios_set_ch(r, read_bcd(b, RTC_CENTURY));
	bios_set_cl(r, read_bcd(b, RTC_YEAR));
	bios_set_dh(r, read_bcd(b, RTC_MONTH));
	bios_set_dl(r, read_bcd(b, RTC_DAY));
	bios_set_carry(r, false);
}

static void set_time(struct bios *b, struct bios_regs *r)
{
	write_bcd(b, RTC_HOURS, bios_ch(r));
	write_bcd(b, RTC_MINUTES, bios_cl(r));
	write_bcd(b, RTC_SECONDS, bios_dh(r));
	uint8_t sb = cmos_read(b, RTC_STATUS_B);
	cmos_write(b, RTC_STATUS_B, (uint8_t)((sb & ~STATUS_B_DST) | (bios_dl(r) & 1) | STATUS_B_24H));
	bios_set_carry(r, false);
}

static void set_date(struct bios *b, struct bios_regs *r)
{
	write_bcd(b, RTC_CENTURY, bios_ch(r));
	write_bcd(b, RTC_YEAR, bios_cl(r));
	write_bcd(b, RTC_MONTH, bios_dh(r));
	write_bcd(b, RTC_DAY, bios_dl(r));
	bios_set_carry(r, false);
}

void bios_clock_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint8_t ah = bios_ah(r);
	if (ah == 0x00) {
		get_ticks(b, r, call);
		return;
	}
	if (ah == 0x01) {
		set_ticks(b, r);
		return;
	}
	if (ah > 0x05 || !have_cmos(b)) {
		call->unknown = ah > 0x05;
		bios_set_carry(r, true);
		return;
	}
	void (*const fn[])(struct bios *, struct bios_regs *) = {
		[0x02] = get_time, [0x03] = set_time, [0x04] = get_date, [0x05] = set_date,
	};
	fn[ah](b, r);
}
