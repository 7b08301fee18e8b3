/* SPDX-License-Identifier: MIT */
/* test_pit8254.c - the 8254 PIT and port 0x61 against the data sheet's
 * waveforms, with a fake clock: OUT and the count are sampled at the
 * instants of clock pulses (at(k) is the ns of pulse k), and a write at
 * at(k) lands just after pulse k, so "the next CLK pulse" is k + 1.
 * Time only moves forward (the PIT takes an earlier time as the latest it
 * has seen), so each test samples a stretch before writing after it.
 */
#include "check.h"
#include "pit8254.h"
#include "port61.h"

#include <limits.h>

static uint64_t at(uint64_t k)
{
	return pit_ticks_to_ns(k);
}

/* The guest clock the bus adapters read. */
static uint64_t fake_ns;

static uint64_t fake_now(void *ctx)
{
	(void)ctx;
	return fake_ns;
}

static void setup(struct pit8254 *p)
{
	memset(p, 0xa5, sizeof(*p)); /* garbage: init must set everything */
	fake_ns = 0;
	pit_init(p, fake_now, NULL);
}

static void ctl(struct pit8254 *p, uint8_t cw, uint64_t k)
{
	pit_write(p, PIT_CONTROL, cw, at(k));
}

static void put(struct pit8254 *p, unsigned ch, uint8_t v, uint64_t k)
{
	pit_write(p, ch, v, at(k));
}

static void put16(struct pit8254 *p, unsigned ch, uint16_t v, uint64_t k)
{
	put(p, ch, (uint8_t)v, k);
	put(p, ch, (uint8_t)(v >> 8), k);
}

static uint8_t get(struct pit8254 *p, unsigned ch, uint64_t k)
{
	return pit_read(p, ch, at(k));
}

static void gate(struct pit8254 *p, bool level, uint64_t k)
{
	pit_set_gate(p, 2, level, at(k));
}

/* OUT at pulses k0, k0+1, ... as "0011". */
static const char *wave(const struct pit8254 *p, unsigned ch, uint64_t k0, unsigned n)
{
	static char buf[256];

	for (unsigned i = 0; i < n && i < sizeof(buf) - 1; i++)
		buf[i] = pit_out(p, ch, at(k0 + i)) ? '1' : '0';
	buf[n < sizeof(buf) ? n : sizeof(buf) - 1] = '\0';
	return buf;
}

/* The counting element at pulses k0, k0+1, ... as "3 2 1 0 ffff". */
static const char *counts(const struct pit8254 *p, unsigned ch, uint64_t k0, unsigned n)
{
	static char buf[512];
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < n && used < sizeof(buf) - 8; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%x", i ? " " : "",
					 pit_count(p, ch, at(k0 + i)));
	return buf;
}

/* The status byte, latched by a read-back command and read at once. */
static uint8_t status(struct pit8254 *p, unsigned ch, uint64_t k)
{
	ctl(p, (uint8_t)(0xc0 | PIT_RB_NOCOUNT | PIT_RB_CH(ch)), k);
	return get(p, ch, k);
}

/* The exact ns of pulse k, computed apart from the code under test. */
static uint64_t exact_ns(uint64_t k)
{
	unsigned __int128 n = (unsigned __int128)k * 1000000000u;

	return (uint64_t)((n + PIT_HZ - 1) / PIT_HZ);
}

static void test_clock(void)
{
	int bad = 0;

	CHECK_EQ(pit_ns_to_ticks(0), 0);
	CHECK_EQ(pit_ns_to_ticks(838), 0);
	CHECK_EQ(pit_ns_to_ticks(839), 1);
	CHECK_EQ(pit_ns_to_ticks(999999999), 1193181);
	CHECK_EQ(pit_ns_to_ticks(1000000000), 1193182);
	CHECK_EQ(pit_ticks_to_ns(0), 0);
	CHECK_EQ(pit_ticks_to_ns(1), 839);
	CHECK_EQ(pit_ticks_to_ns(18), 15086);
	CHECK_EQ(pit_ticks_to_ns(65536), 54925402);
	CHECK_EQ(pit_ticks_to_ns(1193182), 1000000000);
	CHECK_EQ(pit_ticks_to_ns(3600ull * 1193182), 3600000000000ull);
	/* Every pulse at the first ns that has it, near 0 and a century out. */
	for (uint64_t i = 1; i < 200000; i++) {
		uint64_t k = i * 7919 + (i % 97) * 104729 + (i > 100000 ? 3763000000000000ull : 0);
		uint64_t ns = pit_ticks_to_ns(k);
		if (ns != exact_ns(k) || pit_ns_to_ticks(ns) != k || pit_ns_to_ticks(ns - 1) != k - 1)
			bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(pit_ticks_to_ns(UINT64_MAX), UINT64_MAX); /* saturates */
}

/* What a BIOS leaves: 18.2 Hz on IRQ 0, refresh on counter 1, counter 2 idle. */
static void test_power_on(void)
{
	struct pit8254 p;

	setup(&p);
	/* Mode 3, 65536: high for 32768 pulses, low for 32768. */
	CHECK_STR(wave(&p, 0, 0, 2), "11");
	CHECK_STR(wave(&p, 0, 32766, 4), "1100");
	CHECK_STR(wave(&p, 0, 65534, 4), "0011");
	CHECK_STR(counts(&p, 0, 0, 3), "0 fffe fffc");
	/* Mode 2, 18: one pulse low every 18. */
	CHECK_STR(wave(&p, 1, 16, 4), "1011");
	CHECK_STR(counts(&p, 1, 0, 3), "12 11 10");
	/* Counter 2: mode 3 control word, no count: OUT high, nothing counts. */
	CHECK_STR(wave(&p, 2, 0, 3), "111");
	CHECK_STR(counts(&p, 2, 0, 3), "0 0 0");
	CHECK_EQ(pit_mode(&p, 0), 3);
	CHECK_EQ(pit_mode(&p, 1), 2);

	CHECK_EQ(pit_next_irq0_ns(&p, 0), 54925402);
	CHECK_EQ(pit_irq0_edges(&p, 54925401), 0);
	CHECK_EQ(pit_irq0_edges(&p, 54925402), 1);
	CHECK_EQ(pit_next_irq0_ns(&p, 54925402), at(2 * 65536));

	CHECK_EQ(status(&p, 0, 65537), 0xb6); /* OUT high, count loaded, 0x36 */
	CHECK_EQ(status(&p, 1, 65537), 0x14); /* 65537 % 18 == 17: OUT1's low pulse */
	CHECK_EQ(status(&p, 1, 65538), 0x94);
	CHECK_EQ(status(&p, 2, 65538), 0xf6); /* null count: nothing loaded */

	/* Reset is a fresh power-on from the time given. */
	ctl(&p, 0x30, 70000);
	pit_reset(&p, at(100000));
	CHECK_EQ(pit_irq0_edges(&p, at(100000)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(100000)), at(100000 + 65536));
	CHECK_EQ(status(&p, 0, 100001), 0xb6);
}

/* Mode 0: interrupt on terminal count. */
static void test_mode0(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x30, 100); /* ch0 lo/hi mode 0: OUT low at once */
	CHECK_STR(wave(&p, 0, 100, 1), "0");
	CHECK_EQ(status(&p, 0, 100), 0x70); /* null count until a count is loaded */
	put16(&p, 0, 3, 100);
	/* Loaded on the next pulse, which does not count: high N+1 after. */
	CHECK_STR(wave(&p, 0, 100, 7), "0000111");
	CHECK_STR(counts(&p, 0, 101, 6), "3 2 1 0 ffff fffe");
	CHECK_EQ(pit_irq0_edges(&p, at(100)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(100)), at(104));
	CHECK_EQ(status(&p, 0, 100), 0x70);
	CHECK_EQ(status(&p, 0, 101), 0x30);
	CHECK_EQ(status(&p, 0, 104), 0xb0);
	CHECK_EQ(pit_irq0_edges(&p, at(104)), 1);
	CHECK_EQ(pit_next_irq0_ns(&p, at(104)), UINT64_MAX); /* high until rewritten */

	/* A new count: the first byte drops OUT and stops the count, the
	 * second loads on the next pulse. */
	put(&p, 0, 5, 110);
	CHECK_STR(wave(&p, 0, 110, 3), "000");
	CHECK_STR(counts(&p, 0, 110, 3), "fffa fffa fffa");
	put(&p, 0, 0, 112);
	CHECK_STR(wave(&p, 0, 110, 9), "000000001");
	CHECK_STR(counts(&p, 0, 112, 7), "fffa 5 4 3 2 1 0");
	CHECK_EQ(pit_irq0_edges(&p, at(118)), 1);

	/* Counter 2 with GATE: low pauses the count, OUT untouched. */
	gate(&p, true, 200);
	ctl(&p, 0xb0, 200);
	put16(&p, 2, 5, 200);
	CHECK_STR(counts(&p, 2, 201, 2), "5 4");
	gate(&p, false, 202);
	CHECK_STR(counts(&p, 2, 202, 4), "4 4 4 4");
	gate(&p, true, 205);
	CHECK_STR(counts(&p, 2, 205, 5), "4 3 2 1 0");
	CHECK_STR(wave(&p, 2, 205, 5), "00001");

	/* A count written while GATE is low still loads on the next pulse. */
	gate(&p, false, 300);
	ctl(&p, 0xb0, 300);
	put16(&p, 2, 7, 300);
	CHECK_STR(counts(&p, 2, 301, 3), "7 7 7");
	CHECK_EQ(status(&p, 2, 301), 0x30);
	gate(&p, true, 303);
	CHECK_STR(wave(&p, 2, 303, 8), "00000001");
	CHECK_STR(counts(&p, 2, 303, 8), "7 6 5 4 3 2 1 0");

	/* Rewritten mid-count: the first byte freezes the count (OUT stays
	 * low), the second starts the new count over. */
	ctl(&p, 0x30, 1000);
	put16(&p, 0, 10, 1000);
	put(&p, 0, 2, 1004);
	CHECK_STR(counts(&p, 0, 1004, 2), "7 7");
	put(&p, 0, 0, 1005);
	CHECK_STR(counts(&p, 0, 1005, 4), "7 2 1 0");
	CHECK_STR(wave(&p, 0, 1005, 4), "0001");
}

/* Mode 1: hardware retriggerable one-shot (counter 2, GATE from the test). */
static void test_mode1(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x92, 10); /* ch2 LSB mode 1 */
	put(&p, 2, 3, 10);
	CHECK_STR(wave(&p, 2, 10, 5), "11111"); /* armed, not triggered */
	CHECK_EQ(status(&p, 2, 14), 0xd2);       /* OUT high, null count */
	gate(&p, true, 20);                      /* trigger */
	CHECK_STR(wave(&p, 2, 20, 6), "100011");
	CHECK_STR(counts(&p, 2, 21, 5), "3 2 1 0 ffff");
	CHECK_EQ(status(&p, 2, 21), 0x12);
	gate(&p, false, 22); /* GATE low: no effect */
	CHECK_STR(wave(&p, 2, 22, 4), "0011");
	CHECK_STR(counts(&p, 2, 22, 4), "2 1 0 ffff");

	/* Retriggered mid-pulse: low for N more from the new trigger. */
	gate(&p, true, 30);
	CHECK_STR(wave(&p, 2, 30, 3), "100");
	gate(&p, false, 32);
	gate(&p, true, 33);
	CHECK_STR(wave(&p, 2, 33, 6), "000011");
	CHECK_STR(counts(&p, 2, 33, 5), "1 3 2 1 0");

	/* A new count does not change the pulse running, only the next one. */
	gate(&p, false, 39);
	gate(&p, true, 40);
	CHECK_STR(wave(&p, 2, 40, 2), "10");
	put(&p, 2, 6, 42);
	CHECK_STR(wave(&p, 2, 42, 4), "0011");
	gate(&p, false, 49);
	gate(&p, true, 50);
	CHECK_STR(wave(&p, 2, 50, 8), "10000001");

	/* Counter 0's GATE is tied high: mode 1 never triggers, no IRQ. */
	ctl(&p, 0x12, 60);
	put(&p, 0, 2, 60);
	CHECK_STR(wave(&p, 0, 60, 8), "11111111");
	CHECK_EQ(pit_irq0_edges(&p, at(60)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(60)), UINT64_MAX);
}

/* Mode 2: rate generator. */
static void test_mode2(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x34, 100);
	put16(&p, 0, 4, 100);
	/* Low for one pulse when the count reaches 1, N pulses after the write. */
	CHECK_STR(wave(&p, 0, 100, 10), "1111011101");
	CHECK_STR(counts(&p, 0, 101, 6), "4 3 2 1 4 3");
	CHECK_EQ(pit_irq0_edges(&p, at(100)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(100)), at(105));

	/* A new count waits for the end of the period. */
	put16(&p, 0, 2, 106);
	CHECK_STR(wave(&p, 0, 106, 7), "1101010");
	CHECK_STR(counts(&p, 0, 106, 7), "3 2 1 2 1 2 1");
	CHECK_EQ(status(&p, 0, 107), 0xf4); /* null count until the reload */
	CHECK_EQ(status(&p, 0, 109), 0xb4);
	CHECK_EQ(pit_irq0_edges(&p, at(113)), 4); /* 105, 109, 111, 113 */

	/* GATE low during the low pulse: OUT high at once, counting stops;
	 * rising: reload on the next pulse, OUT low N pulses after the trigger. */
	gate(&p, true, 200);
	ctl(&p, 0xb4, 200);
	put16(&p, 2, 5, 200);
	CHECK_STR(wave(&p, 2, 201, 5), "11110");
	CHECK_STR(counts(&p, 2, 201, 5), "5 4 3 2 1");
	uint64_t before = pit_edges(&p, 2, at(205));
	gate(&p, false, 205);
	CHECK_STR(wave(&p, 2, 205, 2), "11");
	CHECK_STR(counts(&p, 2, 205, 2), "1 1");
	CHECK_EQ(pit_edges(&p, 2, at(205)), before + 1); /* the forced rise */
	gate(&p, true, 207);
	CHECK_STR(wave(&p, 2, 207, 7), "1111101");
	CHECK_STR(counts(&p, 2, 208, 6), "5 4 3 2 1 5");

	/* Mode 6 is mode 2; the status shows the bits as written. */
	ctl(&p, 0x3c, 300);
	put16(&p, 0, 3, 300);
	CHECK_EQ(pit_mode(&p, 0), 2);
	CHECK_STR(wave(&p, 0, 300, 6), "111011");
	CHECK_EQ(status(&p, 0, 301), 0xbc);
}

/* Mode 3: square wave, even and odd counts. */
static void test_mode3(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x36, 100);
	put16(&p, 0, 4, 100);
	CHECK_STR(wave(&p, 0, 100, 9), "111001100");
	CHECK_STR(counts(&p, 0, 101, 6), "4 2 4 2 4 2");
	CHECK_EQ(pit_irq0_edges(&p, at(198)), 24); /* 105, 109 .. 197 */

	/* Odd: high (N+1)/2, low (N-1)/2; N-1 is loaded, the high half
	 * counts down to 0, the low half reloads at 2. */
	ctl(&p, 0x36, 200);
	put16(&p, 0, 5, 200);
	CHECK_STR(wave(&p, 0, 201, 10), "1110011100");
	CHECK_STR(counts(&p, 0, 201, 10), "4 2 0 4 2 4 2 0 4 2");
	/* The control word at 200 ended a low half: OUT rose at once. */
	CHECK_EQ(pit_irq0_edges(&p, at(200)), 1);
	CHECK_EQ(pit_next_irq0_ns(&p, at(200)), at(206));
	ctl(&p, 0x36, 300);
	put16(&p, 0, 7, 300);
	CHECK_STR(wave(&p, 0, 301, 14), "11110001111000");

	/* A new count in a high half starts at its end, with a low half. */
	ctl(&p, 0x36, 400);
	put16(&p, 0, 6, 400);
	CHECK_STR(counts(&p, 0, 401, 1), "6");
	put16(&p, 0, 4, 402);
	CHECK_STR(wave(&p, 0, 402, 9), "110011001");
	CHECK_STR(counts(&p, 0, 402, 6), "4 2 4 2 4 2");
	pit_irq0_edges(&p, at(404)); /* the waves above */
	CHECK_EQ(pit_next_irq0_ns(&p, at(404)), at(406));
	CHECK_EQ(pit_irq0_edges(&p, at(410)), 2);
	/* ... and in a low half, at its end, with a high half. */
	ctl(&p, 0x36, 500);
	put16(&p, 0, 6, 500);
	pit_irq0_edges(&p, at(500)); /* the waves above */
	CHECK_STR(wave(&p, 0, 503, 3), "100");
	CHECK_EQ(pit_irq0_edges(&p, at(505)), 0);
	put16(&p, 0, 2, 505);
	CHECK_STR(wave(&p, 0, 505, 6), "001010");
	CHECK_EQ(pit_next_irq0_ns(&p, at(505)), at(507));
	CHECK_EQ(pit_irq0_edges(&p, at(511)), 3); /* 507, 509, 511 */

	/* GATE low forces OUT high and stops; rising reloads. */
	gate(&p, true, 600);
	ctl(&p, 0xb6, 600);
	put16(&p, 2, 4, 600);
	CHECK_STR(wave(&p, 2, 601, 3), "110");
	gate(&p, false, 603);
	CHECK_STR(wave(&p, 2, 603, 3), "111");
	CHECK_STR(counts(&p, 2, 603, 3), "4 4 4");
	gate(&p, true, 606);
	CHECK_STR(wave(&p, 2, 606, 6), "111001");

	/* Mode 7 is mode 3. */
	ctl(&p, 0x3e, 700);
	put16(&p, 0, 4, 700);
	CHECK_EQ(pit_mode(&p, 0), 3);
	CHECK_STR(wave(&p, 0, 701, 4), "1100");
	CHECK_EQ(status(&p, 0, 701), 0xbe);
}

/* Mode 4: software triggered strobe. */
static void test_mode4(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x38, 100);
	put16(&p, 0, 3, 100);
	CHECK_STR(wave(&p, 0, 100, 7), "1111011");
	CHECK_STR(counts(&p, 0, 101, 5), "3 2 1 0 ffff");
	CHECK_EQ(pit_irq0_edges(&p, at(100)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(100)), at(105));
	CHECK_EQ(pit_irq0_edges(&p, at(104)), 0); /* the strobe is low */
	CHECK_EQ(pit_irq0_edges(&p, at(105)), 1); /* its end is the edge */
	CHECK_EQ(pit_irq0_edges(&p, at(200)), 0);

	/* Rewritten: the first byte changes nothing, the second reloads. */
	put16(&p, 0, 3, 200);
	CHECK_STR(counts(&p, 0, 201, 2), "3 2");
	put(&p, 0, 3, 202);
	CHECK_STR(counts(&p, 0, 202, 2), "2 1");
	put(&p, 0, 0, 203);
	CHECK_STR(counts(&p, 0, 203, 5), "1 3 2 1 0");
	CHECK_STR(wave(&p, 0, 203, 6), "111101");

	/* GATE low pauses; OUT untouched. */
	gate(&p, true, 300);
	ctl(&p, 0xb8, 300);
	put16(&p, 2, 4, 300);
	CHECK_STR(counts(&p, 2, 301, 2), "4 3");
	gate(&p, false, 302);
	CHECK_STR(counts(&p, 2, 302, 3), "3 3 3");
	gate(&p, true, 305);
	CHECK_STR(counts(&p, 2, 305, 4), "3 2 1 0");
	CHECK_STR(wave(&p, 2, 305, 5), "11101");
}

/* Mode 5: hardware triggered strobe, retriggerable. */
static void test_mode5(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x9a, 10);
	put(&p, 2, 3, 10);
	CHECK_STR(wave(&p, 2, 10, 6), "111111");
	gate(&p, true, 20);
	CHECK_STR(wave(&p, 2, 20, 7), "1111011");
	CHECK_STR(counts(&p, 2, 21, 5), "3 2 1 0 ffff");

	gate(&p, false, 29);
	gate(&p, true, 30);
	CHECK_STR(counts(&p, 2, 31, 2), "3 2");
	gate(&p, false, 32);
	gate(&p, true, 33); /* retrigger before the strobe */
	CHECK_STR(wave(&p, 2, 33, 6), "111101");
	CHECK_STR(counts(&p, 2, 33, 5), "1 3 2 1 0");

	/* A new count waits for a trigger. */
	put(&p, 2, 5, 40);
	CHECK_STR(wave(&p, 2, 40, 8), "11111111");
	gate(&p, false, 49);
	gate(&p, true, 50);
	CHECK_STR(wave(&p, 2, 50, 8), "11111101");
}

static void test_bcd(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x35, 100); /* mode 2 BCD */
	put16(&p, 0, 0x0010, 100);
	CHECK_STR(counts(&p, 0, 101, 12), "10 9 8 7 6 5 4 3 2 1 10 9");
	CHECK_STR(wave(&p, 0, 109, 3), "101");

	/* 0 is 10000 in BCD, and the count wraps to 9999. */
	ctl(&p, 0x31, 200);
	put16(&p, 0, 0, 200);
	CHECK_STR(counts(&p, 0, 201, 3), "0 9999 9998");
	CHECK_STR(wave(&p, 0, 10200, 2), "01");
	CHECK_STR(counts(&p, 0, 10201, 2), "0 9999");

	/* Digits A-F are not BCD: 0xA005 counts as 10005, modulo 10000. */
	ctl(&p, 0x31, 15000);
	put16(&p, 0, 0xa005, 15000);
	CHECK_STR(counts(&p, 0, 15001, 2), "5 4");
	CHECK_STR(wave(&p, 0, 15005, 2), "01");

	/* Mode 3, odd BCD count 15: 8 high, 7 low. */
	ctl(&p, 0x37, 20000);
	put16(&p, 0, 0x15, 20000);
	CHECK_STR(counts(&p, 0, 20001, 10), "14 12 10 8 6 4 2 0 14 12");
	CHECK_STR(wave(&p, 0, 20001, 16), "1111111100000001");
	CHECK_EQ(status(&p, 0, 20001), 0xb7);
}

/* Count 0 is 65536 in binary. */
static void test_count_zero(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x30, 500);
	put16(&p, 0, 0, 500);
	CHECK_STR(wave(&p, 0, 66036, 2), "01");
	CHECK_STR(counts(&p, 0, 501, 2), "0 ffff");
	ctl(&p, 0x34, 70000);
	put16(&p, 0, 0, 70000);
	CHECK_STR(wave(&p, 0, 135535, 3), "101");
	CHECK_STR(counts(&p, 0, 70001, 2), "0 ffff");
	CHECK_EQ(pit_irq0_edges(&p, at(70000)), 1); /* mode 0's */
	CHECK_EQ(pit_next_irq0_ns(&p, at(70000)), at(135537));
}

/* LSB only, MSB only, LSB then MSB; reads and writes have their own flip-flops. */
static void test_access_modes(void)
{
	struct pit8254 p;

	setup(&p);
	gate(&p, true, 1);
	ctl(&p, 0x90, 10); /* LSB only: MSB is 0 */
	put(&p, 2, 0x12, 10);
	CHECK_EQ(get(&p, 2, 11), 0x12);
	CHECK_EQ(get(&p, 2, 11), 0x12);
	CHECK_EQ(get(&p, 2, 12), 0x11);

	ctl(&p, 0xa0, 20); /* MSB only: LSB is 0 */
	put(&p, 2, 0x12, 20);
	CHECK_EQ(pit_count(&p, 2, at(21)), 0x1200);
	CHECK_EQ(get(&p, 2, 21), 0x12);
	CHECK_EQ(get(&p, 2, 22), 0x11);

	ctl(&p, 0xb0, 30);
	put(&p, 2, 0x34, 30);
	put(&p, 2, 0x12, 30);
	CHECK_EQ(get(&p, 2, 31), 0x34);
	CHECK_EQ(get(&p, 2, 31), 0x12);
	CHECK_EQ(get(&p, 2, 32), 0x33);
	CHECK_EQ(get(&p, 2, 32), 0x12);

	/* The data sheet's interleaving: read LSB, write LSB, read MSB,
	 * write MSB. Mode 2: the new count waits for the period's end. */
	ctl(&p, 0xb4, 40);
	put16(&p, 2, 0x0100, 40);
	CHECK_EQ(get(&p, 2, 45), 0xfc);
	put(&p, 2, 0x00, 45);
	CHECK_EQ(get(&p, 2, 45), 0x00);
	put(&p, 2, 0x02, 45);
	CHECK_STR(counts(&p, 2, 296, 2), "1 200");

	/* A control word resets both flip-flops. */
	put(&p, 2, 0x99, 300);
	CHECK_EQ(get(&p, 2, 300), pit_count(&p, 2, at(300)) & 0xff);
	ctl(&p, 0xb0, 301);
	put16(&p, 2, 0x0203, 301);
	CHECK_EQ(pit_count(&p, 2, at(302)), 0x0203);
	CHECK_EQ(get(&p, 2, 302), 0x03);
	CHECK_EQ(get(&p, 2, 302), 0x02);
}

static void test_latch(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x34, 10);
	put16(&p, 0, 1000, 10);
	ctl(&p, 0x00, 20); /* 1000 - 9 = 0x3df */
	CHECK_EQ(get(&p, 0, 30), 0xdf);
	ctl(&p, 0x00, 35); /* ignored: the latch is not read out yet */
	CHECK_EQ(get(&p, 0, 40), 0x03);
	CHECK_EQ(get(&p, 0, 50), 0xc1); /* live again: 1000 - 39 */
	CHECK_EQ(get(&p, 0, 50), 0x03);

	ctl(&p, 0x00, 60); /* 951 = 0x3b7 */
	ctl(&p, 0x00, 70);
	CHECK_EQ(get(&p, 0, 80), 0xb7);
	CHECK_EQ(get(&p, 0, 80), 0x03);

	/* One byte releases a one-byte latch. */
	ctl(&p, 0x50, 100); /* ch1 LSB only, mode 0 */
	put(&p, 1, 0x80, 100);
	ctl(&p, 0x40, 110);
	CHECK_EQ(get(&p, 1, 120), 0x80 - 9);
	CHECK_EQ(get(&p, 1, 120), 0x80 - 19);

	/* Reprogramming drops a latch. */
	ctl(&p, 0x00, 200);
	ctl(&p, 0x34, 201);
	put16(&p, 0, 0x1234, 201);
	CHECK_EQ(get(&p, 0, 202), 0x34);
	CHECK_EQ(get(&p, 0, 202), 0x12);
}

/* The data sheet's read-back example, command by command. */
static void test_read_back(void)
{
	struct pit8254 p;

	setup(&p);
	gate(&p, true, 10);
	ctl(&p, 0x34, 10);
	put16(&p, 0, 1000, 10);
	ctl(&p, 0xb0, 10);
	put16(&p, 2, 0x0400, 10);

	ctl(&p, 0xc2, 100); /* count and status of counter 0 */
	ctl(&p, 0xe4, 100); /* status of counter 1 */
	ctl(&p, 0xec, 100); /* status of 2 and 1: 1's is already latched */
	ctl(&p, 0xd8, 100); /* count of counter 2 */
	ctl(&p, 0xc4, 100); /* count and status of 1: only the count latches */
	ctl(&p, 0xe2, 200); /* status of 0: ignored */

	/* Status first, whatever was latched first, then the count. */
	CHECK_EQ(get(&p, 0, 300), 0xb4);
	CHECK_EQ(get(&p, 0, 300), 0x8f); /* 1000 - 89 = 0x38f */
	CHECK_EQ(get(&p, 0, 300), 0x03);
	CHECK_EQ(get(&p, 0, 300), 0xc7); /* live: 1000 - 289 = 0x2c7 */
	CHECK_EQ(get(&p, 0, 300), 0x02);
	CHECK_EQ(get(&p, 1, 300), 0x94);
	CHECK_EQ(get(&p, 1, 300), 8);    /* 18 - 100 % 18 */
	CHECK_EQ(get(&p, 1, 300), 18 - 300 % 18);
	CHECK_EQ(get(&p, 2, 300), 0x30); /* OUT low, loaded */
	CHECK_EQ(get(&p, 2, 300), 0xa7); /* 1024 - 89 = 0x3a7 */
	CHECK_EQ(get(&p, 2, 300), 0x03);

	/* Nothing asked for: nothing latched. */
	ctl(&p, 0xfe, 400);
	CHECK_EQ(get(&p, 0, 401), 0x62); /* 1000 - 390 = 0x262 */
	CHECK_EQ(get(&p, 0, 401), 0x02);
}

/* The long run a guest's clock depends on: each edge at the exact ns of
 * its pulse, taken one by one as a host timer would. */
static uint64_t run_irq0(struct pit8254 *p, uint64_t first, uint64_t period,
			 uint64_t until_ns, uint64_t *last_ns)
{
	uint64_t now = 0, k = 0;
	int bad = 0;

	for (;;) {
		uint64_t next = pit_next_irq0_ns(p, now);
		if (next > until_ns)
			break;
		if (next <= now && k > 0) { /* a timer that never moves on */
			bad++;
			break;
		}
		if (next != exact_ns(first + k * period))
			bad++;
		now = next;
		if (pit_irq0_edges(p, now) != 1)
			bad++;
		k++;
		*last_ns = now;
	}
	CHECK_EQ(bad, 0);
	return k;
}

static void test_irq0_rates(void)
{
	const uint64_t hour = 3600000000000ull;
	struct pit8254 p;
	uint64_t last = 0;

	setup(&p); /* 18.2 Hz as the BIOS left it */
	CHECK_EQ(run_irq0(&p, 65536, 65536, hour, &last), 65543);
	CHECK_EQ(last, 3599975567852ull);

	setup(&p); /* 100 Hz: mode 2, 11932 */
	ctl(&p, 0x34, 0);
	put16(&p, 0, 11932, 0);
	CHECK_EQ(run_irq0(&p, 1 + 11932, 11932, hour, &last), 359994);
	CHECK_EQ(last, 3599994308497ull);

	setup(&p); /* 1000 Hz: mode 3, 1193 */
	ctl(&p, 0x36, 0);
	put16(&p, 0, 1193, 0);
	CHECK_EQ(run_irq0(&p, 1 + 1193, 1193, hour, &last), 3600549);
	CHECK_EQ(last, 3599999797181ull);

	/* The same hour in one call: the same count, nothing lost. */
	setup(&p);
	ctl(&p, 0x36, 0);
	put16(&p, 0, 1193, 0);
	CHECK_EQ(pit_next_irq0_ns(&p, hour), hour); /* due, not taken */
	CHECK_EQ(pit_irq0_edges(&p, hour), 3600549);
	CHECK_EQ(pit_irq0_edges(&p, hour), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, hour), exact_ns(1 + 3600550ull * 1193));

	/* One ns before an edge, that edge is next; at it, it is taken. */
	setup(&p);
	ctl(&p, 0x36, 0);
	put16(&p, 0, 1193, 0);
	CHECK_EQ(pit_irq0_edges(&p, 3599999797181ull - 1), 3600548);
	CHECK_EQ(pit_next_irq0_ns(&p, 3599999797181ull - 1), 3599999797181ull);
	CHECK_EQ(pit_irq0_edges(&p, 3599999797181ull - 1), 0);
	CHECK_EQ(pit_irq0_edges(&p, 3599999797181ull), 1);
}

/* A guest asking for count 1 gets an edge per pulse, handed out in bulk. */
static void test_irq0_coalescing(void)
{
	struct pit8254 p;

	setup(&p);
	ctl(&p, 0x34, 10);
	put16(&p, 0, 1, 10); /* mode 2, count 1: illegal on the chip */
	CHECK_EQ(pit_irq0_edges(&p, at(10)), 0);
	CHECK_EQ(pit_next_irq0_ns(&p, at(10)), at(12));
	CHECK_STR(wave(&p, 0, 11, 3), "111");
	CHECK_EQ(pit_irq0_edges(&p, at(11 + 1193)), 1193);
	CHECK_EQ(pit_next_irq0_ns(&p, at(11 + 1193)), at(12 + 1193));
	CHECK_EQ(pit_irq0_edges(&p, at(11 + 1193) + 500), 0);
	/* An hour unattended: more than fits, saturated, not wrapped. */
	CHECK_EQ(pit_irq0_edges(&p, 3600000000000ull), UINT_MAX);

	/* Mode 3, count 1: the same. */
	setup(&p);
	ctl(&p, 0x36, 10);
	put16(&p, 0, 1, 10);
	CHECK_EQ(pit_irq0_edges(&p, at(1000)), 1000 - 11);

	/* A control word that raises a low OUT0 is an edge, due at once. */
	setup(&p);
	ctl(&p, 0x36, 100);
	put16(&p, 0, 4, 100);
	CHECK_EQ(pit_irq0_edges(&p, at(103)), 0);
	ctl(&p, 0x34, 103);
	CHECK_EQ(pit_next_irq0_ns(&p, at(103)), at(103));
	CHECK_EQ(pit_irq0_edges(&p, at(103)), 1);
	CHECK_EQ(pit_next_irq0_ns(&p, at(103)), UINT64_MAX); /* no count yet */

	/* Time does not run backwards: an earlier now is the latest seen. */
	CHECK_EQ(pit_irq0_edges(&p, at(50)), 0);
	put16(&p, 0, 2, 50);
	CHECK_EQ(pit_next_irq0_ns(&p, at(103)), at(106));
}

static void test_port61(void)
{
	struct pit8254 p;
	struct port61 s;
	double hz = -1;

	setup(&p);
	port61_init(&s, &p);
	CHECK_EQ(port61_read(&s, at(0)), 0x20); /* OUT2 high: mode 3, idle */

	/* Bits 0-3 stored, 4-7 not writable; bits 6-7 read 0. */
	port61_write(&s, 0xfc, at(1));
	CHECK_EQ(port61_read(&s, at(1)), 0x2c);

	/* The refresh toggle flips with each rising OUT1: every 18 pulses. */
	CHECK_EQ(port61_read(&s, at(17)) & PORT61_REFRESH, 0);
	CHECK_EQ(port61_read(&s, at(18)) & PORT61_REFRESH, PORT61_REFRESH);
	CHECK_EQ(port61_read(&s, at(35)) & PORT61_REFRESH, PORT61_REFRESH);
	CHECK_EQ(port61_read(&s, at(36)) & PORT61_REFRESH, 0);

	/* A short delay as Linux times one: GATE2 on, mode 0, poll OUT2. */
	port61_write(&s, 0x01, at(100));
	ctl(&p, 0xb0, 100);
	put16(&p, 2, 1000, 100);
	CHECK_EQ(port61_read(&s, at(1101) - 1) & PORT61_OUT2, 0);
	CHECK_EQ(port61_read(&s, at(1101)) & PORT61_OUT2, PORT61_OUT2);

	/* The speaker: both bits and a square wave. */
	CHECK(!port61_speaker(&s, at(2000), &hz));
	CHECK(hz == 0);
	ctl(&p, 0xb6, 2000);
	put16(&p, 2, 1193, 2000);
	CHECK(!port61_speaker(&s, at(2001), &hz)); /* speaker data off */
	port61_write(&s, 0x03, at(2001));
	CHECK(port61_speaker(&s, at(2001), &hz));
	CHECK(hz > 1000.15 && hz < 1000.16);
	CHECK(port61_speaker(&s, at(2001), NULL));
	/* GATE2 is on since 100: the count loaded at 2001; 597 high, 596 low. */
	CHECK_EQ(port61_read(&s, at(2001 + 596)) & PORT61_OUT2, PORT61_OUT2);
	CHECK_EQ(port61_read(&s, at(2001 + 597)) & PORT61_OUT2, 0);
	CHECK_EQ(port61_read(&s, at(2001 + 1192)) & PORT61_OUT2, 0);
	CHECK_EQ(port61_read(&s, at(2001 + 1193)) & PORT61_OUT2, PORT61_OUT2);
	port61_write(&s, 0x02, at(3000)); /* GATE2 off: OUT2 high, silent */
	CHECK(!port61_speaker(&s, at(3000), &hz));
	CHECK_EQ(port61_read(&s, at(3000)) & PORT61_OUT2, PORT61_OUT2);
	ctl(&p, 0xb0, 3001);
	put16(&p, 2, 1193, 3001);
	port61_write(&s, 0x03, at(3001));
	CHECK(!port61_speaker(&s, at(3002), &hz)); /* mode 0: a click, not a tone */

	/* Reset: all bits clear, GATE2 low. */
	port61_reset(&s, at(4000));
	CHECK_EQ(port61_read(&s, at(4000)) & 0x0f, 0);
	CHECK(!p.ch[2].gate);
}

static void test_describe(void)
{
	char buf[96];

	CHECK_EQ(pit_describe(0x43, true, 0x36, buf, sizeof(buf)), strlen(buf));
	CHECK_STR(buf, "PIT control: ch0 lo/hi mode 3 binary");
	pit_describe(0x43, true, 0x54, buf, sizeof(buf));
	CHECK_STR(buf, "PIT control: ch1 lo mode 2 binary");
	pit_describe(0x43, true, 0xa1, buf, sizeof(buf));
	CHECK_STR(buf, "PIT control: ch2 hi mode 0 bcd");
	pit_describe(0x43, true, 0x3d, buf, sizeof(buf));
	CHECK_STR(buf, "PIT control: ch0 lo/hi mode 6 (= 2) bcd");
	pit_describe(0x40, true, 0xa9, buf, sizeof(buf));
	CHECK_STR(buf, "PIT ch0 count byte 0xa9");
	pit_describe(0x42, false, 0x12, buf, sizeof(buf));
	CHECK_STR(buf, "PIT ch2 read 0x12");
	pit_describe(0x43, true, 0xca, buf, sizeof(buf));
	CHECK_STR(buf, "PIT read-back ch0 ch2 count status");
	pit_describe(0x43, true, 0xe4, buf, sizeof(buf));
	CHECK_STR(buf, "PIT read-back ch1 status");
	pit_describe(0x43, true, 0xf0, buf, sizeof(buf));
	CHECK_STR(buf, "PIT read-back (no counter) (nothing latched)");
	pit_describe(0x43, true, 0x80, buf, sizeof(buf));
	CHECK_STR(buf, "PIT ch2 latch");
	pit_describe(0x43, false, 0xff, buf, sizeof(buf));
	CHECK_STR(buf, "PIT control read (not readable: 0xff)");
	pit_describe(0x61, true, 0x03, buf, sizeof(buf));
	CHECK_STR(buf, "port 61h: gate2 on, speaker on");
	pit_describe(0x61, true, 0x0d, buf, sizeof(buf));
	CHECK_STR(buf, "port 61h: gate2 on, speaker off, parity check off, io check off");
	pit_describe(0x61, false, 0x30, buf, sizeof(buf));
	CHECK_STR(buf, "port 61h: gate2 off, speaker off, refresh 1, out2 high");

	/* Another port: nothing. A short buffer: cut, terminated. */
	CHECK_EQ(pit_describe(0x60, true, 0x00, buf, sizeof(buf)), 0);
	CHECK_STR(buf, "");
	CHECK_EQ(pit_describe(0x43, true, 0x36, buf, 10), 9);
	CHECK_STR(buf, "PIT contr");
	buf[0] = 'x';
	CHECK_EQ(pit_describe(0x43, true, 0x36, buf, 0), 0);
	CHECK_EQ(buf[0], 'x');
}

static void test_describe_channel(void)
{
	struct pit8254 p;
	char buf[96];

	setup(&p);
	CHECK_EQ(pit_describe_channel(&p, 0, buf, sizeof(buf)), strlen(buf));
	CHECK_STR(buf, "ch0 mode 3 count 65536 = 18.21 Hz");
	pit_describe_channel(&p, 1, buf, sizeof(buf));
	CHECK_STR(buf, "ch1 mode 2 count 18 = 66287.89 Hz");
	pit_describe_channel(&p, 2, buf, sizeof(buf));
	CHECK_STR(buf, "ch2 mode 3 lo/hi: no count yet");

	ctl(&p, 0x36, 10);
	put(&p, 0, 0xa9, 10);
	pit_describe_channel(&p, 0, buf, sizeof(buf));
	CHECK_STR(buf, "ch0 mode 3 lo/hi: low byte 0xa9 in, high byte awaited");
	put(&p, 0, 0x04, 10);
	pit_describe_channel(&p, 0, buf, sizeof(buf));
	CHECK_STR(buf, "ch0 mode 3 count 1193 = 1000.15 Hz");

	ctl(&p, 0xb0, 20);
	put16(&p, 2, 11932, 20);
	pit_describe_channel(&p, 2, buf, sizeof(buf));
	CHECK_STR(buf, "ch2 mode 0 count 11932 = 10.000 ms");
	ctl(&p, 0x38, 30);
	put16(&p, 0, 100, 30);
	pit_describe_channel(&p, 0, buf, sizeof(buf));
	CHECK_STR(buf, "ch0 mode 4 count 100 = 83.81 us");
	ctl(&p, 0x3d, 40);
	put16(&p, 0, 0x1000, 40);
	pit_describe_channel(&p, 0, buf, sizeof(buf));
	CHECK_STR(buf, "ch0 mode 6 (= 2) count 1000 bcd = 1193.18 Hz");
	CHECK_EQ(pit_describe_channel(&p, 3, buf, sizeof(buf)), 0);
}

/* The bus adapters read the guest clock; wide accesses touch one port. */
static void test_pio_adapters(void)
{
	struct pit8254 p;
	struct port61 s;

	setup(&p);
	port61_init(&s, &p);
	fake_ns = at(100);
	pit_pio_write(&p, PIT_CONTROL, 1, 0x34);
	pit_pio_write(&p, 0, 2, 0x0310); /* the low byte only: 0x10 */
	pit_pio_write(&p, 0, 1, 0x00);
	fake_ns = at(105);
	CHECK_EQ(pit_pio_read(&p, 0, 1), 0x0c); /* 16 - 4 */
	CHECK_EQ(pit_pio_read(&p, 0, 4), 0x00);
	CHECK_EQ(pit_pio_read(&p, PIT_CONTROL, 1), 0xff);
	CHECK_EQ(pit_edges(&p, 0, at(105)), 0);

	port61_pio_write(&s, 0, 1, 0x103);
	CHECK_EQ(s.bits, 0x03);
	CHECK(p.ch[2].gate);
	CHECK_EQ(port61_pio_read(&s, 0, 1) & 0x0f, 0x03);
	CHECK_EQ(port61_pio_read(&s, 1, 1), 0xff);
}

int main(void)
{
	test_clock();
	test_power_on();
	test_mode0();
	test_mode1();
	test_mode2();
	test_mode3();
	test_mode4();
	test_mode5();
	test_bcd();
	test_count_zero();
	test_access_modes();
	test_latch();
	test_read_back();
	test_irq0_rates();
	test_irq0_coalescing();
	test_port61();
	test_describe();
	test_describe_channel();
	test_pio_adapters();
	return check_done();
}
