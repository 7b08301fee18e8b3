/* SPDX-License-Identifier: MIT */
/* pit8254.c - the 8254's ports: control words, count bytes, the read and
 * write flip-flops, the count and status latches, and IRQ 0's edges.
 *
 * The waveforms live in pit_counter.c; this file turns port accesses into
 * changes of a counter at a clock tick. Before any change, the counter's
 * rising edges up to that tick are counted (pit_touch), so a change never
 * loses or invents an edge; a change that raises OUT at once (a control word
 * ending a low OUT) is an edge of its own.
 */
#include "pit8254.h"

#include <limits.h>
#include <string.h>

#include "pit_counter.h"

#define PIT_NS 1000000000u

uint64_t pit_ns_to_ticks(uint64_t ns)
{
	/* Whole seconds and the rest apart: exact, and no overflow for 584 years. */
	return ns / PIT_NS * PIT_HZ + ns % PIT_NS * PIT_HZ / PIT_NS;
}

uint64_t pit_ticks_to_ns(uint64_t ticks)
{
	uint64_t s = ticks / PIT_HZ, rest = ticks % PIT_HZ;

	if (s > (UINT64_MAX - PIT_NS) / PIT_NS)
		return UINT64_MAX;
	/* The first ns at which the pulse has happened: round up. */
	return s * PIT_NS + (rest * PIT_NS + PIT_HZ - 1) / PIT_HZ;
}

static uint64_t pit_tick_at(const struct pit8254 *p, uint64_t now_ns)
{
	uint64_t t = pit_ns_to_ticks(now_ns);

	return t < p->last_tick ? p->last_tick : t;
}

static uint64_t pit_advance(struct pit8254 *p, uint64_t now_ns)
{
	p->last_tick = pit_tick_at(p, now_ns);
	return p->last_tick;
}

/* Count the edges up to t and carry out a due load: the counter's state is
 * then the one at t, ready to be changed. */
static void pit_touch(struct pit_channel *c, uint64_t t)
{
	c->edges += pit_counter_edges(c, c->mark, t);
	c->mark = t;
	pit_counter_sync(c, t);
}

static void pit_settle(struct pit_channel *c, uint64_t t, bool out_before)
{
	if (!out_before && pit_counter_out(c, t))
		c->edges++;
}

/* A counter as a control word leaves it: CR not written, nothing counting. */
static void pit_program(struct pit_channel *c, uint8_t cw, uint64_t t)
{
	uint16_t value = pit_counter_read(c, t);
	unsigned mode = PIT_CW_MODE(cw);

	c->ctrl = cw & 0x3f;
	c->rw = (uint8_t)PIT_CW_RW(cw);
	c->mode = (uint8_t)(mode >= 6 ? mode - 4 : mode); /* 6, 7 are 2, 3 */
	c->bcd = cw & PIT_CW_BCD;
	c->cr_valid = false;
	c->write_msb = false;
	c->read_msb = false;
	c->count_latched = false;
	c->status_latched = false;
	c->null_count = true;
	/* "OUT goes to a known initial state": low in mode 0, high otherwise;
	 * the counting element keeps its value until a count is loaded. */
	pit_counter_stop(c, t, c->mode != 0);
	c->idle_raw = value;
}

static void pit_channel_reset(struct pit_channel *c, uint8_t cw, bool gate, uint64_t t)
{
	memset(c, 0, sizeof(*c));
	c->gate = gate;
	c->mark = t;
	pit_program(c, cw, t);
}

/* A count the BIOS wrote: counting from t, OUT at the start of its wave. */
static void pit_channel_start(struct pit_channel *c, uint16_t count, uint64_t t)
{
	c->cr = count;
	c->cr_valid = true;
	c->null_count = false;
	c->running = true;
	c->run = (struct pit_run){ .n = pit_count_decode(count, c->bcd), .base = t };
}

void pit_init(struct pit8254 *p, pit_now_fn now, void *now_ctx)
{
	p->now = now;
	p->now_ctx = now_ctx;
	p->last_tick = 0;
	pit_reset(p, now ? now(now_ctx) : 0);
}

void pit_reset(struct pit8254 *p, uint64_t now_ns)
{
	uint64_t t = pit_ns_to_ticks(now_ns);

	p->last_tick = t;
	p->irq0_taken = 0;
	pit_channel_reset(&p->ch[0], 0x36, true, t); /* mode 3, LSB then MSB */
	pit_channel_start(&p->ch[0], 0, t);          /* 65536: 18.2 Hz */
	pit_channel_reset(&p->ch[1], 0x14, true, t); /* mode 2, LSB only */
	pit_channel_start(&p->ch[1], 18, t);         /* 15.09 us */
	pit_channel_reset(&p->ch[2], 0x36, false, t); /* no count: the speaker is off */
}

static void pit_latch_count(struct pit_channel *c, uint64_t t)
{
	if (c->count_latched) /* a second latch before the read is ignored */
		return;
	c->latch = pit_counter_read(c, t);
	c->count_latched = true;
}

static void pit_latch_status(struct pit_channel *c, uint64_t t)
{
	if (c->status_latched)
		return;
	c->status = c->ctrl;
	if (pit_counter_out(c, t))
		c->status |= PIT_ST_OUT;
	if (pit_counter_null(c, t))
		c->status |= PIT_ST_NULL;
	c->status_latched = true;
}

static void pit_read_back(struct pit8254 *p, uint8_t cmd, uint64_t t)
{
	for (unsigned ch = 0; ch < PIT_NCHANNELS; ch++) {
		if (!(cmd & PIT_RB_CH(ch)))
			continue;
		if (!(cmd & PIT_RB_NOCOUNT))
			pit_latch_count(&p->ch[ch], t);
		if (!(cmd & PIT_RB_NOSTATUS))
			pit_latch_status(&p->ch[ch], t);
	}
}

static void pit_write_control(struct pit8254 *p, uint8_t cw, uint64_t t)
{
	struct pit_channel *c;
	bool before;

	if (PIT_CW_SC(cw) == 3) {
		pit_read_back(p, cw, t);
		return;
	}
	c = &p->ch[PIT_CW_SC(cw)];
	if (PIT_CW_RW(cw) == 0) {
		pit_latch_count(c, t);
		return;
	}
	pit_touch(c, t);
	before = pit_counter_out(c, t);
	pit_program(c, cw, t);
	pit_settle(c, t, before);
}

/* A whole count is in CR: when it reaches the counting element depends on
 * the mode (data sheet, "Mode Definitions"). */
static void pit_count_written(struct pit_channel *c, uint16_t raw, uint64_t t)
{
	bool before;

	pit_touch(c, t);
	before = pit_counter_out(c, t);
	c->cr = raw;
	c->cr_valid = true;
	c->null_count = true;
	switch (c->mode) {
	case 0: /* OUT low now, the new count loads on the next pulse */
		pit_counter_stop(c, t, false);
		pit_counter_load_next(c, t);
		break;
	case 4: /* loads on the next pulse: software retrigger */
		pit_counter_load_next(c, t);
		break;
	case 2:
	case 3:
		if (!c->running)
			pit_counter_load_next(c, t);
		else if (c->gate)
			pit_counter_load_at_reload(c, t);
		/* else stopped by GATE: its rising edge will load CR */
		break;
	default: /* 1 and 5: armed; the next trigger loads it */
		break;
	}
	pit_settle(c, t, before);
}

/* Mode 0: the first byte of a two-byte count stops the counter and drops
 * OUT at once (8254 data sheet, mode 0); other modes wait for the second. */
static void pit_first_byte(struct pit_channel *c, uint64_t t)
{
	if (c->mode != 0)
		return;
	pit_touch(c, t);
	pit_counter_stop(c, t, false);
}

static void pit_write_count(struct pit8254 *p, unsigned ch, uint8_t v, uint64_t t)
{
	struct pit_channel *c = &p->ch[ch];

	switch (c->rw) {
	case 1:
		pit_count_written(c, v, t);
		break;
	case 2:
		pit_count_written(c, (uint16_t)(v << 8), t);
		break;
	default:
		if (!c->write_msb) {
			c->cr_lsb = v;
			c->write_msb = true;
			pit_first_byte(c, t);
		} else {
			c->write_msb = false;
			pit_count_written(c, (uint16_t)(c->cr_lsb | v << 8), t);
		}
		break;
	}
}

/* Latched status first, then a latched count, then the live count; a
 * two-byte count alternates LSB and MSB by the read flip-flop. */
static uint8_t pit_read_counter(struct pit_channel *c, uint64_t t)
{
	uint16_t v;
	bool msb, done;

	if (c->status_latched) {
		c->status_latched = false;
		return c->status;
	}
	v = c->count_latched ? c->latch : pit_counter_read(c, t);
	msb = c->rw == 2 || (c->rw == 3 && c->read_msb);
	done = c->rw != 3 || c->read_msb;
	if (c->rw == 3)
		c->read_msb = !c->read_msb;
	if (done)
		c->count_latched = false;
	return (uint8_t)(msb ? v >> 8 : v);
}

uint8_t pit_read(struct pit8254 *p, unsigned offset, uint64_t now_ns)
{
	uint64_t t = pit_advance(p, now_ns);

	if (offset >= PIT_CONTROL)
		return 0xff; /* the control word cannot be read: the bus floats */
	return pit_read_counter(&p->ch[offset], t);
}

void pit_write(struct pit8254 *p, unsigned offset, uint8_t value, uint64_t now_ns)
{
	uint64_t t = pit_advance(p, now_ns);

	if (offset == PIT_CONTROL)
		pit_write_control(p, value, t);
	else if (offset < PIT_CONTROL)
		pit_write_count(p, offset, value, t);
}

void pit_set_gate(struct pit8254 *p, unsigned ch, bool level, uint64_t now_ns)
{
	uint64_t t = pit_advance(p, now_ns);
	struct pit_channel *c;
	bool before;

	if (ch >= PIT_NCHANNELS)
		return;
	c = &p->ch[ch];
	pit_touch(c, t);
	before = pit_counter_out(c, t);
	pit_counter_set_gate(c, level, t);
	pit_settle(c, t, before);
}

bool pit_out(const struct pit8254 *p, unsigned ch, uint64_t now_ns)
{
	return ch < PIT_NCHANNELS && pit_counter_out(&p->ch[ch], pit_tick_at(p, now_ns));
}

uint16_t pit_count(const struct pit8254 *p, unsigned ch, uint64_t now_ns)
{
	if (ch >= PIT_NCHANNELS)
		return 0;
	return pit_counter_read(&p->ch[ch], pit_tick_at(p, now_ns));
}

unsigned pit_mode(const struct pit8254 *p, unsigned ch)
{
	return ch < PIT_NCHANNELS ? p->ch[ch].mode : 0;
}

uint64_t pit_edges(const struct pit8254 *p, unsigned ch, uint64_t now_ns)
{
	const struct pit_channel *c;

	if (ch >= PIT_NCHANNELS)
		return 0;
	c = &p->ch[ch];
	return c->edges + pit_counter_edges(c, c->mark, pit_tick_at(p, now_ns));
}

double pit_channel_hz(const struct pit8254 *p, unsigned ch, uint64_t now_ns)
{
	uint32_t n;

	if (ch >= PIT_NCHANNELS)
		return 0;
	n = pit_counter_loaded(&p->ch[ch], pit_tick_at(p, now_ns));
	return n ? (double)PIT_HZ / n : 0;
}

uint64_t pit_next_irq0_ns(const struct pit8254 *p, uint64_t now_ns)
{
	uint64_t t = pit_tick_at(p, now_ns), tick;

	if (pit_edges(p, 0, now_ns) > p->irq0_taken)
		return now_ns;
	if (!pit_counter_next_edge(&p->ch[0], t, &tick))
		return UINT64_MAX;
	return pit_ticks_to_ns(tick);
}

unsigned pit_irq0_edges(struct pit8254 *p, uint64_t now_ns)
{
	uint64_t total, fresh;

	pit_advance(p, now_ns);
	total = pit_edges(p, 0, now_ns);
	fresh = total - p->irq0_taken;
	p->irq0_taken = total;
	return fresh > UINT_MAX ? UINT_MAX : (unsigned)fresh;
}

static uint64_t pit_bus_now(const struct pit8254 *p)
{
	return p->now ? p->now(p->now_ctx) : 0;
}

uint32_t pit_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	struct pit8254 *p = ctx;

	(void)size; /* wide reads see only the first port: see the header */
	return pit_read(p, offset, pit_bus_now(p));
}

void pit_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct pit8254 *p = ctx;

	(void)size;
	pit_write(p, offset, (uint8_t)value, pit_bus_now(p));
}
