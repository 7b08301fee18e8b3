/* SPDX-License-Identifier: MIT */
/* pit_describe.c - the PIT's and port 0x61's accesses in words, for the
 * exit log: what a student would otherwise decode from the data sheet.
 */
#include <stdarg.h>
#include <stdio.h>

#include "pit8254.h"
#include "pit_counter.h"
#include "port61.h"

/* Appends to a bounded buffer; the text stays terminated when it is cut. */
struct pit_text {
	char *buf;
	size_t len, used;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void pit_printf(struct pit_text *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len == 0 || o->used >= o->len - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->used, o->len - o->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->used += (size_t)n < o->len - o->used ? (size_t)n : o->len - o->used - 1;
}

static struct pit_text pit_text_init(char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	return (struct pit_text){ buf, len, 0 };
}

static const char *const pit_access_names[4] = { "latch", "lo", "hi", "lo/hi" };

static void pit_describe_mode(struct pit_text *o, unsigned mode)
{
	if (mode >= 6)
		pit_printf(o, "mode %u (= %u)", mode, mode - 4);
	else
		pit_printf(o, "mode %u", mode);
}

static void pit_describe_read_back(struct pit_text *o, uint8_t cmd)
{
	bool any = false;

	pit_printf(o, "PIT read-back");
	for (unsigned ch = 0; ch < PIT_NCHANNELS; ch++) {
		if (cmd & PIT_RB_CH(ch)) {
			pit_printf(o, " ch%u", ch);
			any = true;
		}
	}
	if (!any)
		pit_printf(o, " (no counter)");
	if (!(cmd & PIT_RB_NOCOUNT))
		pit_printf(o, " count");
	if (!(cmd & PIT_RB_NOSTATUS))
		pit_printf(o, " status");
	if ((cmd & (PIT_RB_NOCOUNT | PIT_RB_NOSTATUS)) == (PIT_RB_NOCOUNT | PIT_RB_NOSTATUS))
		pit_printf(o, " (nothing latched)");
}

static void pit_describe_control(struct pit_text *o, uint8_t cw)
{
	unsigned ch = PIT_CW_SC(cw), rw = PIT_CW_RW(cw);

	if (ch == 3) {
		pit_describe_read_back(o, cw);
		return;
	}
	if (rw == 0) {
		pit_printf(o, "PIT ch%u latch", ch);
		return;
	}
	pit_printf(o, "PIT control: ch%u %s ", ch, pit_access_names[rw]);
	pit_describe_mode(o, PIT_CW_MODE(cw));
	pit_printf(o, cw & PIT_CW_BCD ? " bcd" : " binary");
}

static void pit_describe_port61(struct pit_text *o, bool is_write, uint8_t v)
{
	pit_printf(o, "port 61h: gate2 %s, speaker %s", v & PORT61_GATE2 ? "on" : "off",
		   v & PORT61_SPEAKER ? "on" : "off");
	/* Bits 2 and 3 set mean the NMI sources are masked (IBM AT). */
	if (v & PORT61_PARITY_OFF)
		pit_printf(o, ", parity check off");
	if (v & PORT61_IOCHK_OFF)
		pit_printf(o, ", io check off");
	if (!is_write)
		pit_printf(o, ", refresh %u, out2 %s", !!(v & PORT61_REFRESH),
			   v & PORT61_OUT2 ? "high" : "low");
}

size_t pit_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len)
{
	struct pit_text o = pit_text_init(buf, len);

	if (port == PORT61_PORT)
		pit_describe_port61(&o, is_write, value);
	else if (port == PIT_BASE + PIT_CONTROL)
		if (is_write)
			pit_describe_control(&o, value);
		else
			pit_printf(&o, "PIT control read (not readable: 0x%02x)", value);
	else if (port >= PIT_BASE && port < PIT_BASE + PIT_CONTROL)
		pit_printf(&o, "PIT ch%u %s 0x%02x", port - PIT_BASE,
			   is_write ? "count byte" : "read", value);
	return o.used;
}

/* How long or how often: a rate for the periodic modes, a time otherwise. */
static void pit_describe_count(struct pit_text *o, const struct pit_channel *c, uint32_t n)
{
	double us = n * 1e6 / PIT_HZ;

	pit_printf(o, "count %u%s = ", n, c->bcd ? " bcd" : "");
	if (c->mode == 2 || c->mode == 3)
		pit_printf(o, "%.2f Hz", (double)PIT_HZ / n);
	else if (us >= 1000)
		pit_printf(o, "%.3f ms", us / 1000);
	else
		pit_printf(o, "%.2f us", us);
}

size_t pit_describe_channel(const struct pit8254 *p, unsigned ch, char *buf, size_t len)
{
	struct pit_text o = pit_text_init(buf, len);
	const struct pit_channel *c;

	if (ch >= PIT_NCHANNELS)
		return 0;
	c = &p->ch[ch];
	pit_printf(&o, "ch%u ", ch);
	pit_describe_mode(&o, PIT_CW_MODE(c->ctrl));
	pit_printf(&o, " ");
	if (c->write_msb)
		pit_printf(&o, "lo/hi: low byte 0x%02x in, high byte awaited", c->cr_lsb);
	else if (!c->cr_valid)
		pit_printf(&o, "%s: no count yet", pit_access_names[c->rw & 3]);
	else
		pit_describe_count(&o, c, pit_count_decode(c->cr, c->bcd));
	return o.used;
}
