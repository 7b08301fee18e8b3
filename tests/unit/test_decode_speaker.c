/* SPDX-License-Identifier: MIT */
/* test_decode_speaker.c - the PC speaker as the port decoder sees it: PIT
 * channel 2's count and mode, and port 61h's gate and data bits, from the
 * accesses alone (live and in a replay alike), and the --stats tally. */
#include "check.h"
#include "port_decoder.h"
#include "speaker_tally.h"

static uint16_t generation;

static void out(struct port_decoder *d, uint16_t port, uint8_t value)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = generation };
	char text[PORT_DECODE_MAX];
	ev.u.io.port = port;
	ev.u.io.dir = IO_OUT;
	ev.u.io.size = 1;
	ev.u.io.count = 1;
	ev.u.io.data[0] = value;
	port_decoder_feed(d, &ev, text, sizeof(text));
}

/* Channel 2, lo/hi, mode 3 (0xb6), binary or BCD (0xb7), then the count. */
static void tone(struct port_decoder *d, uint16_t count, bool bcd)
{
	out(d, 0x43, bcd ? 0xb7 : 0xb6);
	out(d, 0x42, (uint8_t)count);
	out(d, 0x42, (uint8_t)(count >> 8));
}

static double hz(const struct port_decoder *d)
{
	struct speaker_tone t = { .on = true, .hz = -1 };
	bool on = port_decoder_speaker(d, &t);
	CHECK_EQ(on, t.on);
	if (!on)
		CHECK(t.hz == 0);
	return t.hz;
}

static bool near(double a, double b)
{
	return a > b - 0.05 && a < b + 0.05;
}

static void test_on_off(void)
{
	struct port_decoder d = { 0 };
	CHECK(hz(&d) == 0); /* a fresh machine: silent */
	tone(&d, 2712, false); /* 1193182 / 2712 = 439.96 Hz: A4 */
	CHECK(hz(&d) == 0);    /* counting, but the gate and data are off */
	out(&d, 0x61, 0x01);
	CHECK(hz(&d) == 0);    /* gate alone: counting, not reaching the speaker */
	out(&d, 0x61, 0x03);
	CHECK(near(hz(&d), 440.0));
	out(&d, 0x61, 0x01);   /* data enable off */
	CHECK(hz(&d) == 0);
	out(&d, 0x61, 0x02);   /* gate off: channel 2 stops */
	CHECK(hz(&d) == 0);
	out(&d, 0x61, 0x4f);   /* other bits do not matter */
	CHECK(near(hz(&d), 440.0));
}

static void test_counts(void)
{
	struct port_decoder d = { 0 };
	out(&d, 0x61, 0x03);
	tone(&d, 0, false); /* 0 is 65536: 18.2 Hz */
	CHECK(near(hz(&d), 18.2));
	tone(&d, 0x1000, true); /* BCD 1000 */
	CHECK(near(hz(&d), 1193.2));
	/* Low byte only (0x96): the high byte is 0. */
	out(&d, 0x43, 0x96);
	out(&d, 0x42, 100);
	CHECK(near(hz(&d), 11931.8));
	/* A control word stops the counter until its count is whole again. */
	out(&d, 0x43, 0xb6);
	CHECK(hz(&d) == 0);
	out(&d, 0x42, 0x39);
	CHECK(hz(&d) == 0);
	out(&d, 0x42, 0x08); /* 0x0839 = 2105: 566.8 Hz */
	CHECK(near(hz(&d), 566.8));
	/* A count written to channel 0 is not the speaker's. */
	out(&d, 0x43, 0x36);
	out(&d, 0x40, 0x10);
	out(&d, 0x40, 0x00);
	CHECK(near(hz(&d), 566.8));
}

static void test_modes(void)
{
	struct port_decoder d = { 0 };
	out(&d, 0x61, 0x03);
	out(&d, 0x43, 0xb0); /* mode 0: one edge at the end of the count */
	out(&d, 0x42, 0x00);
	out(&d, 0x42, 0x10);
	CHECK(hz(&d) == 0);
	out(&d, 0x43, 0xb4); /* mode 2: a pulse train, not a square wave */
	out(&d, 0x42, 0x00);
	out(&d, 0x42, 0x10);
	CHECK(hz(&d) == 0);
	out(&d, 0x43, 0xbe); /* mode 7 is mode 3 */
	out(&d, 0x42, 0x00);
	out(&d, 0x42, 0x10);
	CHECK(near(hz(&d), 291.3));
	/* A latch command leaves the count and mode alone. */
	out(&d, 0x43, 0x80);
	CHECK(near(hz(&d), 291.3));
}

static void test_generation(void)
{
	struct port_decoder d = { 0 };
	generation = 5;
	out(&d, 0x61, 0x03);
	tone(&d, 2280, false);
	CHECK(near(hz(&d), 523.3));
	/* A reset: the new machine's first record silences it. */
	generation = 6;
	out(&d, 0x3f8, 'x');
	CHECK(hz(&d) == 0);
	/* A port-61h write alone is not enough: channel 2 has no count yet. */
	out(&d, 0x61, 0x03);
	CHECK(hz(&d) == 0);
	/* Nor is a state the decoder could not follow (rep outsb to 61h). */
	tone(&d, 2280, false);
	struct event rep = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = generation };
	rep.u.io.port = 0x61;
	rep.u.io.dir = IO_OUT;
	rep.u.io.size = 1;
	rep.u.io.count = 4;
	port_decoder_feed(&d, &rep, NULL, 0);
	CHECK(hz(&d) == 0);
	/* port_decoder_reset (the console's own reset) silences it too. */
	out(&d, 0x61, 0x03);
	CHECK(near(hz(&d), 523.3));
	port_decoder_reset(&d);
	CHECK(hz(&d) == 0);
	generation = 0;
}

static void step(struct speaker_tally *t, struct port_decoder *d, uint16_t port, uint8_t v)
{
	out(d, port, v);
	speaker_tally_update(t, d);
}

static void test_tally(void)
{
	struct port_decoder d = { 0 };
	struct speaker_tally t = { 0 };
	step(&t, &d, 0x43, 0xb6);
	step(&t, &d, 0x42, 0x98); /* 0x1198 = 4504: 264.9 Hz */
	step(&t, &d, 0x42, 0x11);
	CHECK_EQ(t.notes, 0);
	step(&t, &d, 0x61, 0x03);
	step(&t, &d, 0x61, 0x03); /* the same tone again: no new note */
	CHECK_EQ(t.notes, 1);
	CHECK(near(t.last_hz, 264.9));
	/* A new count while sounding: a second note, through the silent
	 * moment after the control word. */
	step(&t, &d, 0x43, 0xb6);
	step(&t, &d, 0x42, 0xe8);
	step(&t, &d, 0x42, 0x08); /* 0x08e8 = 2280: 523.3 Hz */
	CHECK_EQ(t.notes, 2);
	/* Off and on again: a third. */
	step(&t, &d, 0x61, 0x00);
	step(&t, &d, 0x61, 0x03);
	CHECK_EQ(t.notes, 3);
	CHECK(near(t.last_hz, 523.3));
	step(&t, &d, 0x61, 0x00);
	CHECK_EQ(t.notes, 3);
	/* A reset starts the tally over, as the exit counters do. */
	generation = 1;
	step(&t, &d, 0x3f8, 'x');
	CHECK_EQ(t.notes, 0);
	generation = 0;
}

int main(void)
{
	test_on_off();
	test_counts();
	test_modes();
	test_generation();
	test_tally();
	return check_done();
}
