/* SPDX-License-Identifier: MIT */
/* decode_pic.c - the 8259 pair's accesses with their place in the sequence:
 * which ICW a data-port byte is, the vector base it sets, and which IRQ a
 * non-specific EOI ends. Single accesses' words come from pic_describe. */
#include <stdio.h>

#include "decode_internal.h"
#include "pic8259.h"

void decode_pic_reset(struct decode_pic pic[2])
{
	/* As a PC BIOS leaves them (pic8259.h): initialized, 08h and 70h. */
	pic[0] = (struct decode_pic){ .icw1 = 0x11, .base = PIC_BIOS_MASTER_BASE };
	pic[1] = (struct decode_pic){ .icw1 = 0x11, .base = PIC_BIOS_SLAVE_BASE };
}

static void in_service(struct decode_pic *p, unsigned pin)
{
	if (!p->aeoi)
		p->isr |= (uint8_t)(1u << pin);
}

void decode_pic_injected(struct decode_pic pic[2], unsigned irq)
{
	if (irq >= 16)
		return;
	if (irq >= 8) {
		in_service(&pic[1], irq - 8);
		irq = PIC_CASCADE_IR; /* the master has the slave's request in service on IR2 */
	}
	in_service(&pic[0], irq);
}

/* " (ends IRQ0)" for a non-specific EOI: the highest-priority IRQ in
 * service, IR0 first while nobody rotated the priorities. */
static int pic_eoi(struct decode_pic *p, unsigned chip, char *buf, size_t len)
{
	if (p->rotated)
		return 0;
	if (!p->isr)
		return snprintf(buf, len, " (nothing in service)");
	unsigned pin = 0;
	while (!(p->isr & (1u << pin)))
		pin++;
	p->isr &= (uint8_t)~(1u << pin);
	if (chip == 0 && pin == PIC_CASCADE_IR)
		return snprintf(buf, len, " (ends IR2, the cascade)");
	return snprintf(buf, len, " (ends IRQ%u)", 8 * chip + pin);
}

/* OCW2 on the command port; returns the length of what it appended. */
static int pic_ocw2(struct decode_pic *p, unsigned chip, uint8_t v, char *buf, size_t len)
{
	unsigned cmd = v >> 5, level = v & 7u;
	if (cmd == 1 || cmd == 5) { /* non-specific EOI (5: and rotate) */
		int n = pic_eoi(p, chip, buf, len);
		p->rotated |= cmd == 5;
		return n;
	}
	if (cmd == 3 || cmd == 7) { /* specific EOI */
		p->isr &= (uint8_t)~(1u << level);
		p->rotated |= cmd == 7;
	} else if (cmd == 6 || cmd == 4) {
		p->rotated = true;
	}
	return 0;
}

static size_t pic_command(struct port_decoder *d, const struct decode_access *a, unsigned chip)
{
	struct decode_pic *p = &d->pic[chip];
	size_t n = pic_describe(a->port, true, a->value, a->buf, a->len);
	if (a->value & PIC_ICW1_INIT) {
		p->init_next = 2;
		p->icw1 = a->value;
		p->isr = 0;
		p->aeoi = p->rotated = p->read_isr = p->poll = false;
		return n;
	}
	if (a->value & PIC_OCW3_SEL) {
		if (a->value & PIC_OCW3_RR)
			p->read_isr = a->value & PIC_OCW3_RIS;
		p->poll = a->value & PIC_OCW3_P;
		return n;
	}
	int more = pic_ocw2(p, chip, a->value, a->buf + n, a->len - n);
	return n + decode_fitted(more, a->len - n);
}

/* "IRQ 0 1 what": the IRQs whose bits are set in list. */
static int pic_mask_words(uint8_t list, unsigned first, char *buf, size_t len, const char *what)
{
	int n = snprintf(buf, len, "IRQ");
	for (unsigned i = 0; i < 8; i++)
		if (list & (1u << i))
			n += snprintf(buf + decode_fitted(n, len), len - decode_fitted(n, len), " %u", first + i);
	return n + snprintf(buf + decode_fitted(n, len), len - decode_fitted(n, len), " %s", what);
}

/* A mask as a student checks one: the shorter of the two lists. */
static int pic_imr_words(uint8_t mask, unsigned first, char *buf, size_t len)
{
	unsigned count = 0;
	for (unsigned i = 0; i < 8; i++)
		count += (mask >> i) & 1u;
	if (count == 8 || count == 0)
		return snprintf(buf, len, "%s", count ? "all masked" : "none masked");
	if (count > 4)
		return pic_mask_words((uint8_t)~mask, first, buf, len, "unmasked, the rest masked");
	return pic_mask_words(mask, first, buf, len, "masked");
}

static int pic_icw3(unsigned chip, uint8_t v, char *buf, size_t len)
{
	if (chip == 1)
		return snprintf(buf, len, "PIC2 ICW3 cascade ID %u (on PIC1's IR%u)", v & 7u, v & 7u);
	int n = snprintf(buf, len, "PIC1 ICW3 slaves on");
	for (unsigned i = 0; i < 8; i++)
		if (v & (1u << i))
			n += snprintf(buf + decode_fitted(n, len), len - decode_fitted(n, len), " IR%u", i);
	return v ? n : snprintf(buf, len, "PIC1 ICW3 no slaves");
}

/* The init sequence: ICW2 always, ICW3 in cascade mode, ICW4 when ICW1 asked. */
static int pic_icw(struct decode_pic *p, unsigned chip, uint8_t v, char *buf, size_t len)
{
	unsigned step = p->init_next;
	bool icw4 = p->icw1 & PIC_ICW1_IC4;
	if (step == 2) {
		p->base = v & 0xf8;
		p->init_next = !(p->icw1 & PIC_ICW1_SNGL) ? 3 : icw4 ? 4 : 0;
		return snprintf(buf, len, "PIC%u ICW2 vector base %02xh: IRQ%u-%u -> %02xh-%02xh", chip + 1,
				p->base, 8 * chip, 8 * chip + 7, p->base, p->base + 7);
	}
	if (step == 3) {
		p->init_next = icw4 ? 4 : 0;
		return pic_icw3(chip, v, buf, len);
	}
	p->init_next = 0;
	p->aeoi = v & PIC_ICW4_AEOI;
	return snprintf(buf, len, "PIC%u ICW4 %s, %s EOI%s: init done", chip + 1,
			(v & PIC_ICW4_UPM) ? "8086 mode" : "MCS-80 mode", p->aeoi ? "auto" : "normal",
			(v & PIC_ICW4_SFNM) ? ", special fully nested" : "");
}

static size_t pic_data_write(struct port_decoder *d, const struct decode_access *a, unsigned chip)
{
	struct decode_pic *p = &d->pic[chip];
	if (p->init_next)
		return decode_fitted(pic_icw(p, chip, a->value, a->buf, a->len), a->len);
	int n = snprintf(a->buf, a->len, "PIC%u OCW1 mask %02x: ", chip + 1, a->value);
	size_t at = decode_fitted(n, a->len);
	return at + decode_fitted(pic_imr_words(a->value, 8 * chip, a->buf + at, a->len - at), a->len - at);
}

/* A read of the command port: IRR or ISR as OCW3 chose, or the poll word
 * (which OCW3's P bit makes the next read at either port). */
static size_t pic_read_selected(struct decode_pic *p, unsigned chip, uint8_t v, char *buf, size_t len)
{
	int n;
	if (p->poll) {
		p->poll = false;
		n = (v & 0x80) ? snprintf(buf, len, "PIC%u read poll 0x%02x: IRQ%u is next", chip + 1, v,
					  8 * chip + (v & 7u))
			       : snprintf(buf, len, "PIC%u read poll 0x%02x: nothing pending", chip + 1, v);
		return decode_fitted(n, len);
	}
	n = snprintf(buf, len, "PIC%u read %s 0x%02x: ", chip + 1, p->read_isr ? "ISR" : "IRR", v);
	size_t at = decode_fitted(n, len);
	if (!v)
		n = snprintf(buf + at, len - at, "none %s", p->read_isr ? "in service" : "requested");
	else
		n = pic_mask_words(v, 8 * chip, buf + at, len - at, p->read_isr ? "in service" : "requested");
	return at + decode_fitted(n, len - at);
}

size_t decode_pic_access(struct port_decoder *d, const struct decode_access *a)
{
	unsigned chip = a->port >= PIC_SLAVE_BASE && a->port < PIC_ELCR_BASE;
	bool data = a->port & 1;
	if (a->port < PIC_ELCR_BASE && !a->is_write && (!data || d->pic[chip].poll))
		return pic_read_selected(&d->pic[chip], chip, a->value, a->buf, a->len);
	if (a->port >= PIC_ELCR_BASE || !a->is_write)
		return pic_describe(a->port, a->is_write, a->value, a->buf, a->len);
	return data ? pic_data_write(d, a, chip) : pic_command(d, a, chip);
}
