/* SPDX-License-Identifier: MIT */
/* port61.c - system control port B: GATE2, the speaker, and two PIT outputs
 * a guest can poll (IBM PC/AT technical reference, port 61h).
 */
#include "port61.h"

static uint64_t port61_now(const struct port61 *s)
{
	return s->pit->now ? s->pit->now(s->pit->now_ctx) : 0;
}

void port61_init(struct port61 *s, struct pit8254 *pit)
{
	s->pit = pit;
	port61_reset(s, port61_now(s));
}

void port61_reset(struct port61 *s, uint64_t now_ns)
{
	s->bits = 0;
	pit_set_gate(s->pit, 2, false, now_ns);
}

uint8_t port61_read(const struct port61 *s, uint64_t now_ns)
{
	uint8_t v = s->bits;

	/* The AT's refresh flip-flop toggles on each refresh request, and
	 * counter 1's OUT is what requests them. */
	if (pit_edges(s->pit, 1, now_ns) & 1)
		v |= PORT61_REFRESH;
	if (pit_out(s->pit, 2, now_ns))
		v |= PORT61_OUT2;
	return v;
}

void port61_write(struct port61 *s, uint8_t value, uint64_t now_ns)
{
	s->bits = value & PORT61_WRITABLE;
	pit_set_gate(s->pit, 2, value & PORT61_GATE2, now_ns);
}

bool port61_speaker(const struct port61 *s, uint64_t now_ns, double *hz)
{
	double f = 0;
	bool on = (s->bits & (PORT61_GATE2 | PORT61_SPEAKER)) == (PORT61_GATE2 | PORT61_SPEAKER) &&
		  pit_mode(s->pit, 2) == 3;

	if (on)
		f = pit_channel_hz(s->pit, 2, now_ns);
	if (hz)
		*hz = f;
	return f > 0;
}

uint32_t port61_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	struct port61 *s = ctx;

	(void)size;
	return offset == 0 ? port61_read(s, port61_now(s)) : 0xff;
}

void port61_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct port61 *s = ctx;

	(void)size;
	if (offset == 0)
		port61_write(s, (uint8_t)value, port61_now(s));
}
