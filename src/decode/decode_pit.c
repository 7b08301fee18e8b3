/* SPDX-License-Identifier: MIT */
/* decode_pit.c - the 8254's accesses with its flip-flops: a two-byte count
 * is shown once, whole, when its second byte arrives, with the rate or the
 * time it gives. Control words and port 61h are pit_describe's words. */
#include <stdio.h>

#include "decode_internal.h"
#include "pit8254.h"
#include "pit_counter.h"
#include "port61.h"

static const char *const channel_use[3] = { " (IRQ 0)", " (DRAM refresh)", " (speaker)" };

void decode_pit_reset(struct decode_pit pit[3])
{
	/* As pit_reset leaves them: 0 and 2 lo/hi mode 3, 1 lo mode 2; 0
	 * counting 65536 (18.2 Hz), 1 counting 18, 2 with no count. */
	pit[0] = (struct decode_pit){ .known = true, .rw = 3, .mode = 3, .count_known = true };
	pit[1] = (struct decode_pit){ .known = true, .rw = 1, .mode = 2, .count_known = true, .count = 18 };
	pit[2] = (struct decode_pit){ .known = true, .rw = 3, .mode = 3 };
}

static size_t pit_control(struct port_decoder *d, const struct decode_access *a)
{
	uint8_t cw = a->value;
	unsigned ch = PIT_CW_SC(cw);
	if (ch < 3 && PIT_CW_RW(cw)) {
		unsigned mode = PIT_CW_MODE(cw);
		d->pit[ch] = (struct decode_pit){ .known = true, .rw = (uint8_t)PIT_CW_RW(cw),
						  .mode = (uint8_t)(mode >= 6 ? mode - 4 : mode),
						  .bcd = cw & PIT_CW_BCD };
	}
	return pit_describe(a->port, true, cw, a->buf, a->len);
}

/* The whole count, kept for the speaker: a rate for the periodic modes
 * (2, 3), a time otherwise. */
static int pit_count_words(unsigned ch, struct decode_pit *c, uint16_t raw, char *buf, size_t len)
{
	uint32_t n = pit_count_decode(raw, c->bcd);
	c->count_known = true;
	c->count = raw;
	if (c->mode == 2 || c->mode == 3)
		return snprintf(buf, len, "PIT ch%u mode %u rate %u%s = %.1f Hz%s", ch, c->mode, n,
				c->bcd ? " bcd" : "", (double)PIT_HZ / n, channel_use[ch]);
	return snprintf(buf, len, "PIT ch%u mode %u count %u%s = %.3f ms%s", ch, c->mode, n,
			c->bcd ? " bcd" : "", n * 1e3 / PIT_HZ, channel_use[ch]);
}

static int pit_count_write(struct decode_pit *c, unsigned ch, uint8_t v, char *buf, size_t len)
{
	if (!c->known)
		return snprintf(buf, len, "PIT ch%u count byte %02x", ch, v);
	if (c->rw == 1)
		return pit_count_words(ch, c, v, buf, len);
	if (c->rw == 2)
		return pit_count_words(ch, c, (uint16_t)(v << 8), buf, len);
	c->write_msb = !c->write_msb;
	if (c->write_msb) {
		c->lsb = v;
		return snprintf(buf, len, "PIT ch%u count low byte %02x (high byte next)", ch, v);
	}
	return pit_count_words(ch, c, (uint16_t)(c->lsb | v << 8), buf, len);
}

static int pit_count_read(struct decode_pit *c, unsigned ch, uint8_t v, char *buf, size_t len)
{
	const char *which = "";
	if (c->known && c->rw == 3) {
		which = c->read_msb ? " high byte" : " low byte";
		c->read_msb = !c->read_msb;
	} else if (c->known) {
		which = c->rw == 1 ? " low byte" : " high byte";
	}
	return snprintf(buf, len, "PIT ch%u read count%s %02x", ch, which, v);
}

size_t decode_pit_access(struct port_decoder *d, const struct decode_access *a)
{
	unsigned ch = a->port - PIT_BASE;
	if (a->port == PIT_BASE + PIT_CONTROL && a->is_write)
		return pit_control(d, a);
	if (a->port == PORT61_PORT && a->is_write) {
		d->port61 = a->value;
		d->port61_known = true;
	}
	if (ch >= 3) /* port 61h, or a read of the control port */
		return pit_describe(a->port, a->is_write, a->value, a->buf, a->len);
	int n = a->is_write ? pit_count_write(&d->pit[ch], ch, a->value, a->buf, a->len)
			    : pit_count_read(&d->pit[ch], ch, a->value, a->buf, a->len);
	return decode_fitted(n, a->len);
}
