/* SPDX-License-Identifier: MIT */
/* pic8259_describe.c - one line of text for an access to a PIC or ELCR port.
 *
 * For the exit log, from the port and the byte alone. A byte written to a
 * command port (0x20, 0xa0) means the same thing whatever the chip's state:
 * D4 and D3 tell ICW1, OCW2 and OCW3 apart. A byte written to a data port
 * (0x21, 0xa1) is OCW1 unless the chip is in its init sequence, where it is
 * ICW2, 3 or 4; without the state we show the OCW1 reading and say so.
 */
#include "pic8259.h"

#include <stdarg.h>
#include <stdio.h>

struct pic_text {
	char *buf;
	size_t len, used;
};

/* Appends, silently stopping at the end of the buffer. */
__attribute__((format(printf, 2, 3)))
static void pic_put(struct pic_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->used + 1 >= t->len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->buf + t->used, t->len - t->used, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	t->used += (size_t)n < t->len - t->used ? (size_t)n : t->len - t->used - 1;
}

static unsigned pic_popcount8(uint8_t v)
{
	unsigned n = 0;

	for (; v; v &= (uint8_t)(v - 1))
		n++;
	return n;
}

/* " 3 4 5": the IRQ numbers of the set bits. */
static void pic_put_irqs(struct pic_text *t, uint8_t bits, unsigned first)
{
	for (unsigned i = 0; i < 8; i++)
		if (bits & (1u << i))
			pic_put(t, " %u", first + i);
}

/* A mask register in words: the shorter of the two lists. */
static void pic_put_mask(struct pic_text *t, uint8_t mask, unsigned first)
{
	unsigned n = pic_popcount8(mask);

	if (n == 0) {
		pic_put(t, "none masked");
	} else if (n == 8) {
		pic_put(t, "all masked");
	} else if (n <= 4) {
		pic_put(t, "IRQ");
		pic_put_irqs(t, mask, first);
		pic_put(t, " masked");
	} else {
		pic_put(t, "only IRQ");
		pic_put_irqs(t, (uint8_t)~mask, first);
		pic_put(t, " unmasked");
	}
}

static void pic_put_icw1(struct pic_text *t, uint8_t v)
{
	pic_put(t, "ICW1 %s %s %s", (v & PIC_ICW1_LTIM) ? "level" : "edge",
		(v & PIC_ICW1_SNGL) ? "single" : "cascade",
		(v & PIC_ICW1_IC4) ? "ICW4" : "no ICW4");
	if (v & (0xe0 | PIC_ICW1_ADI))
		pic_put(t, " (A7-A5/ADI: MCS-80 only)");
}

/* The level of a specific command, with the IRQ it is on the slave. */
static void pic_put_level(struct pic_text *t, unsigned level, bool slave)
{
	pic_put(t, "IR%u", level);
	if (slave)
		pic_put(t, " (IRQ %u)", 8 + level);
}

static void pic_put_ocw2(struct pic_text *t, uint8_t v, bool slave)
{
	static const char *const what[8] = {
		"rotate in AEOI off", "EOI", "no-op", "specific EOI ",
		"rotate in AEOI on", "rotate on EOI", "set priority, lowest ",
		"rotate on specific EOI ",
	};
	unsigned cmd = v >> 5;

	pic_put(t, "OCW2 %s", what[cmd]);
	if (cmd == 3 || cmd >= 6)
		pic_put_level(t, v & 7, slave);
}

static void pic_put_ocw3(struct pic_text *t, uint8_t v)
{
	const char *sep = " ";

	pic_put(t, "OCW3");
	if (v & PIC_OCW3_ESMM) {
		pic_put(t, "%sspecial mask %s", sep, (v & PIC_OCW3_SMM) ? "on" : "off");
		sep = ", ";
	}
	if (v & PIC_OCW3_RR) {
		pic_put(t, "%sread %s", sep, (v & PIC_OCW3_RIS) ? "ISR" : "IRR");
		sep = ", ";
	}
	if (v & PIC_OCW3_P) {
		pic_put(t, "%spoll", sep);
		sep = ", ";
	}
	if (sep[0] == ' ')
		pic_put(t, " no-op");
}

static void pic_put_pic(struct pic_text *t, unsigned chip, unsigned port, bool is_write,
			uint8_t v)
{
	pic_put(t, "PIC%u ", chip + 1);
	if (!is_write && port == 0) {
		pic_put(t, "read IRR/ISR/poll 0x%02x", v);
	} else if (!is_write) {
		pic_put(t, "read IMR 0x%02x (", v);
		pic_put_mask(t, v, 8 * chip);
		pic_put(t, ")");
	} else if (port == 1) {
		pic_put(t, "OCW1 mask 0x%02x (", v);
		pic_put_mask(t, v, 8 * chip);
		pic_put(t, "; ICW2-4 if in init)");
	} else if (v & PIC_ICW1_INIT) {
		pic_put_icw1(t, v);
	} else if (v & PIC_OCW3_SEL) {
		pic_put_ocw3(t, v);
	} else {
		pic_put_ocw2(t, v, chip == 1);
	}
}

static void pic_put_elcr(struct pic_text *t, unsigned chip, bool is_write, uint8_t v)
{
	uint8_t exists = chip ? PIC_ELCR_SLAVE_MASK : PIC_ELCR_MASTER_MASK;
	uint8_t level = v & exists;

	pic_put(t, "ELCR%u %s 0x%02x (", chip + 1, is_write ? "write" : "read", v);
	if (level) {
		pic_put(t, "IRQ");
		pic_put_irqs(t, level, 8 * chip);
		pic_put(t, " level");
	} else {
		pic_put(t, "all edge");
	}
	if (v & ~exists) {
		pic_put(t, "; IRQ");
		pic_put_irqs(t, v & (uint8_t)~exists, 8 * chip);
		pic_put(t, " stay edge");
	}
	pic_put(t, ")");
}

size_t pic_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len)
{
	struct pic_text t = { buf, len, 0 };

	if (len == 0)
		return 0;
	buf[0] = '\0';
	if ((port & ~1u) == PIC_MASTER_BASE || (port & ~1u) == PIC_SLAVE_BASE)
		pic_put_pic(&t, port >= PIC_SLAVE_BASE, port & 1, is_write, value);
	else if ((port & ~1u) == PIC_ELCR_BASE)
		pic_put_elcr(&t, port & 1, is_write, value);
	return t.used;
}
