/* SPDX-License-Identifier: MIT */
/* port_decoder.c - feeding records to the decoder: generations, injections,
 * and each IO exit to the device half that owns its port (see
 * port_decoder.h for why the decoder lives on the consumer's side). */
#include "decode_internal.h"

#include <string.h>

size_t decode_fitted(int n, size_t len)
{
	if (n < 0 || len == 0)
		return 0;
	return (size_t)n < len ? (size_t)n : len - 1;
}

void port_decoder_reset(struct port_decoder *d)
{
	bool started = d->started;
	uint16_t generation = d->generation;
	memset(d, 0, sizeof(*d));
	d->started = started;
	d->generation = generation;
	decode_pic_reset(d->pic);
	decode_pit_reset(d->pit);
	d->cmos_known = true; /* the RTC selects byte 0 at reset */
	d->port61_known = true; /* 0 at reset: gate 2 low, the speaker off */
}

/* A rep ins/outs moved more bytes than the record holds: what they did to
 * the device's sequence is unknown, so say nothing rather than guess. */
static void forget(struct port_decoder *d, uint16_t port)
{
	if (port >= 0x40 && port <= 0x43)
		for (unsigned ch = 0; ch < 3; ch++)
			d->pit[ch].known = d->pit[ch].count_known = false;
	else if (port == 0x61)
		d->port61_known = false;
	else if (port == 0x70 || port == 0x71)
		d->cmos_known = false;
	else if ((port & ~0x81u) == 0x20)
		d->pic[0].rotated = d->pic[1].rotated = true;
}

static size_t decode_io(struct port_decoder *d, const struct event *ev, char *buf, size_t len)
{
	struct decode_access a = { ev->u.io.port, ev->u.io.dir == IO_OUT, ev->u.io.data[0], buf, len };
	if (ev->u.io.count > 1) {
		forget(d, a.port);
		return 0;
	}
	switch (a.port) {
	case 0x20: case 0x21: case 0xa0: case 0xa1: case 0x4d0: case 0x4d1:
		return decode_pic_access(d, &a);
	case 0x40: case 0x41: case 0x42: case 0x43: case 0x61:
		return decode_pit_access(d, &a);
	case 0x70: case 0x71:
		return decode_cmos_access(d, &a);
	case 0x60: case 0x64: case 0x92:
		return decode_kbc_access(d, &a);
	default:
		return 0;
	}
}

size_t port_decoder_feed(struct port_decoder *d, const struct event *ev, char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	if (!d->started || ev->generation != d->generation) {
		d->started = true;
		d->generation = ev->generation;
		port_decoder_reset(d);
	}
	if (ev->kind == EVENT_IRQ && ev->u.irq.how == IRQ_INJECTED)
		decode_pic_injected(d->pic, ev->u.irq.irq);
	if (ev->kind != EVENT_EXIT || ev->reason != EXIT_IO)
		return 0;
	return decode_io(d, ev, buf, len);
}
