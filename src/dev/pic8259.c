/* SPDX-License-Identifier: MIT */
/* pic8259.c - the 8259A pair: requests, priorities, the INTA cycle, and the
 * command words that program them.
 *
 * Behaviour follows the Intel 8259A data sheet; where kvm-tui chooses (the
 * PC defaults, latched edges, what ICW1 clears) the header says so and why.
 * Each chip is written as the sheet draws it: IR inputs into the request
 * register, the mask register in front of the priority resolver, and the
 * in-service register behind it holding back what has lower priority.
 */
#include "pic8259.h"

#include <string.h>

static uint8_t pic_bit(unsigned ir)
{
	return (uint8_t)(1u << (ir & 7));
}

static struct pic_chip *pic_chip(struct pic8259 *p, unsigned chip)
{
	return chip ? &p->slave : &p->master;
}

/* ---- requests ---- */

/* ICW1.LTIM makes every input level-triggered; otherwise the ELCR decides
 * per input (on a PC chipset the ELCR is the usual way). */
static uint8_t pic_level_mask(const struct pic_chip *c)
{
	return (c->icw1 & PIC_ICW1_LTIM) ? 0xff : c->elcr;
}

/* The IRR: a level input requests while it is high, an edge input from its
 * rising edge until the request is acknowledged. */
static uint8_t pic_chip_irr(const struct pic_chip *c)
{
	uint8_t level = pic_level_mask(c);

	return (uint8_t)((c->edge & ~level) | (c->line & level));
}

/* Only a rising edge latches an edge request: a line held high asks once. */
static void pic_chip_set_line(struct pic_chip *c, unsigned ir, bool level)
{
	uint8_t b = pic_bit(ir);

	if (!level) {
		c->line &= (uint8_t)~b;
		return;
	}
	if (!(c->line & b) && !(pic_level_mask(c) & b))
		c->edge |= b;
	c->line |= b;
}

/* ---- priorities ---- */

/* The IR at priority rank 0 (highest) to 7: the one after the lowest. */
static unsigned pic_ir_at(const struct pic_chip *c, unsigned rank)
{
	return (c->lowest + 1u + rank) & 7;
}

/* An input ICW3 says has a slave on it (the master in cascade mode only). */
static bool pic_cascade_input(const struct pic_chip *c, unsigned ir)
{
	return !c->is_slave && !(c->icw1 & PIC_ICW1_SNGL) && (c->icw3 & pic_bit(ir));
}

/* An in-service level holds back itself and every lower one, except in
 * special mask mode when its own mask bit is set. */
static bool pic_isr_blocks(const struct pic_chip *c, unsigned ir)
{
	uint8_t b = pic_bit(ir);

	return (c->isr & b) && !(c->special_mask && (c->imr & b));
}

/* In special fully nested mode a slave input stays open while one of the
 * slave's IRQs is in service: the slave itself only raises INT again for a
 * higher-priority request of its own. */
static bool pic_sfnm_passes(const struct pic_chip *c, unsigned ir)
{
	return (c->icw4 & PIC_ICW4_SFNM) && pic_cascade_input(c, ir);
}

/* The priority resolver: the IR the chip would acknowledge now, or -1. A
 * chip in the middle of its ICWs does not know its vector yet: no INT. */
static int pic_chip_resolve(const struct pic_chip *c)
{
	uint8_t req = pic_chip_irr(c) & (uint8_t)~c->imr;

	if (c->init_next)
		return -1;
	for (unsigned rank = 0; rank < 8; rank++) {
		unsigned ir = pic_ir_at(c, rank);
		uint8_t b = pic_bit(ir);

		if ((req & b) && (!(c->isr & b) || pic_sfnm_passes(c, ir)))
			return (int)ir;
		if (pic_isr_blocks(c, ir))
			return -1;
	}
	return -1;
}

static bool pic_chip_int(const struct pic_chip *c)
{
	return pic_chip_resolve(c) >= 0;
}

/* The slave's INT pin is wired to the master's IR2: keep that line current
 * after anything that may have moved it. */
static void pic_cascade(struct pic8259 *p)
{
	pic_chip_set_line(&p->master, PIC_CASCADE_IR, pic_chip_int(&p->slave));
}

/* ---- the acknowledge ---- */

/* The byte an x86 reads in its second INTA pulse. In 8086 mode: ICW2's
 * T7-T3 with the IR number. In MCS-80/85 mode the chip sends a CALL there
 * instead, and the second byte is the call address's low byte: ICW1's A7-A5
 * (A7-A6 for interval 8) with the IR number scaled by the interval. */
static uint8_t pic_chip_vector(const struct pic_chip *c, unsigned ir)
{
	if (c->icw4 & PIC_ICW4_UPM)
		return (uint8_t)((c->icw2 & 0xf8) | ir);
	if (c->icw1 & PIC_ICW1_ADI)
		return (uint8_t)((c->icw1 & 0xe0) | (ir << 2));
	return (uint8_t)((c->icw1 & 0xc0) | (ir << 3));
}

/* First INTA (or a poll): the request goes in service; an edge request is
 * used up, a level one stays as long as its line. */
static void pic_chip_take(struct pic_chip *c, unsigned ir)
{
	c->isr |= pic_bit(ir);
	c->edge &= (uint8_t)~pic_bit(ir);
}

/* End of the INTA cycle: auto-EOI clears the bit it just set, and with
 * rotation on, the IR just served becomes the lowest priority. */
static void pic_chip_inta_end(struct pic_chip *c, unsigned ir)
{
	if (!(c->icw4 & PIC_ICW4_AEOI))
		return;
	c->isr &= (uint8_t)~pic_bit(ir);
	if (c->rotate_aeoi)
		c->lowest = (uint8_t)ir;
}

/* The slave's part when the master puts cascade code `code` on CAS0-2. */
static int pic_slave_inta(struct pic8259 *p, unsigned code)
{
	struct pic_chip *s = &p->slave;
	int ir;

	if ((s->icw3 & 7) != code)
		return 0xff; /* no chip drives the data bus */
	ir = pic_chip_resolve(s);
	if (ir < 0)
		return pic_chip_vector(s, 7); /* spurious IRQ 15 */
	pic_chip_take(s, (unsigned)ir);
	/* With the IR in service the slave's INT drops, so an auto-EOI that
	 * leaves another request makes a new edge on IR2. */
	pic_cascade(p);
	pic_chip_inta_end(s, (unsigned)ir);
	return pic_chip_vector(s, (unsigned)ir);
}

int pic_acknowledge(struct pic8259 *p)
{
	struct pic_chip *m = &p->master;
	int ir = pic_chip_resolve(m);
	int vector;

	if (ir < 0)
		return pic_chip_vector(m, 7); /* spurious IRQ 7: no ISR bit */
	pic_chip_take(m, (unsigned)ir);
	if (pic_cascade_input(m, (unsigned)ir))
		vector = pic_slave_inta(p, (unsigned)ir);
	else
		vector = pic_chip_vector(m, (unsigned)ir);
	pic_chip_inta_end(m, (unsigned)ir);
	pic_cascade(p);
	return vector;
}

bool pic_int_output(const struct pic8259 *p)
{
	return pic_chip_int(&p->master);
}

int pic_pending_irq(const struct pic8259 *p)
{
	int ir = pic_chip_resolve(&p->master), sir;

	if (ir < 0)
		return -1;
	if (!pic_cascade_input(&p->master, (unsigned)ir))
		return ir;
	if ((p->slave.icw3 & 7) != (unsigned)ir)
		return -1;
	sir = pic_chip_resolve(&p->slave);
	return sir < 0 ? -1 : 8 + sir;
}

/* ---- command words ---- */

/* ICW1 restarts the chip; see the header for what it clears and why. */
static void pic_icw1(struct pic_chip *c, uint8_t value)
{
	c->icw1 = value;
	c->icw3 = 7; /* "the slave mode address is set to 7" */
	c->icw4 = 0; /* IC4=0 zeroes ICW4's functions; else ICW4 will come */
	c->edge = 0; /* edge sense reset: a high line must rise again */
	c->imr = 0;
	c->isr = 0;
	c->lowest = 7;
	c->special_mask = false;
	c->read_isr = false;
	c->poll = false;
	c->rotate_aeoi = false;
	c->init_next = 2;
}

/* ICW3 only in cascade mode, ICW4 only when ICW1 asked for it. */
static uint8_t pic_after_icw(const struct pic_chip *c, unsigned icw)
{
	if (icw == 2 && !(c->icw1 & PIC_ICW1_SNGL))
		return 3;
	if (icw < 4 && (c->icw1 & PIC_ICW1_IC4))
		return 4;
	return 0;
}

static void pic_write_data(struct pic_chip *c, uint8_t value)
{
	switch (c->init_next) {
	case 2: c->icw2 = value; break;
	case 3: c->icw3 = value; break;
	case 4: c->icw4 = value; break;
	default: c->imr = value; return; /* OCW1 */
	}
	c->init_next = pic_after_icw(c, c->init_next);
}

/* Non-specific EOI: the highest-priority in-service IR is the one being
 * served in fully nested mode, so that is the bit it clears. */
static void pic_eoi_highest(struct pic_chip *c, bool rotate)
{
	for (unsigned rank = 0; rank < 8; rank++) {
		unsigned ir = pic_ir_at(c, rank);

		if (c->isr & pic_bit(ir)) {
			c->isr &= (uint8_t)~pic_bit(ir);
			if (rotate)
				c->lowest = (uint8_t)ir;
			return;
		}
	}
}

/* OCW2: R, SL and EOI (D7-D5) select one of eight commands; L2-L0 is the
 * level for the specific ones. */
static void pic_ocw2(struct pic_chip *c, uint8_t value)
{
	unsigned level = value & 7;

	switch (value >> 5) {
	case 0: c->rotate_aeoi = false; break;             /* rotate in AEOI: clear */
	case 1: pic_eoi_highest(c, false); break;          /* non-specific EOI */
	case 2: break;                                      /* no operation */
	case 3: c->isr &= (uint8_t)~pic_bit(level); break; /* specific EOI */
	case 4: c->rotate_aeoi = true; break;              /* rotate in AEOI: set */
	case 5: pic_eoi_highest(c, true); break;           /* rotate on non-specific EOI */
	case 6: c->lowest = (uint8_t)level; break;         /* set priority */
	default:                                            /* rotate on specific EOI */
		c->isr &= (uint8_t)~pic_bit(level);
		c->lowest = (uint8_t)level;
		break;
	}
}

/* OCW3: each field acts only with its enable bit (ESMM for SMM, RR for
 * RIS); P asks for a poll on the next read, and a new OCW3 replaces it. */
static void pic_ocw3(struct pic_chip *c, uint8_t value)
{
	if (value & PIC_OCW3_ESMM)
		c->special_mask = value & PIC_OCW3_SMM;
	if (value & PIC_OCW3_RR)
		c->read_isr = value & PIC_OCW3_RIS;
	c->poll = value & PIC_OCW3_P;
}

static void pic_chip_write(struct pic_chip *c, unsigned port, uint8_t value)
{
	if (port & 1)
		pic_write_data(c, value);
	else if (value & PIC_ICW1_INIT)
		pic_icw1(c, value);
	else if (value & PIC_OCW3_SEL)
		pic_ocw3(c, value);
	else
		pic_ocw2(c, value);
}

/* The poll word: I (D7) and the highest request's level (W2-W0), which it
 * acknowledges as INTA would. The sheet leaves W undefined without I; 0. */
static uint8_t pic_chip_poll(struct pic_chip *c)
{
	int ir = pic_chip_resolve(c);

	c->poll = false;
	if (ir < 0)
		return 0;
	pic_chip_take(c, (unsigned)ir);
	pic_chip_inta_end(c, (unsigned)ir);
	return (uint8_t)(0x80 | ir);
}

static uint8_t pic_chip_read(struct pic_chip *c, unsigned port)
{
	if (c->poll)
		return pic_chip_poll(c);
	if (port & 1)
		return c->imr;
	return c->read_isr ? c->isr : pic_chip_irr(c);
}

/* ---- the pair ---- */

uint8_t pic_read(struct pic8259 *p, unsigned chip, unsigned port)
{
	uint8_t v = pic_chip_read(pic_chip(p, chip), port);

	pic_cascade(p); /* a poll of the slave acknowledges, its INT may drop */
	return v;
}

void pic_write(struct pic8259 *p, unsigned chip, unsigned port, uint8_t value)
{
	pic_chip_write(pic_chip(p, chip), port, value);
	pic_cascade(p);
}

uint8_t pic_elcr_read(const struct pic8259 *p, unsigned chip)
{
	return chip ? p->slave.elcr : p->master.elcr;
}

/* A changed trigger mode starts with its edge sense reset, as after ICW1. */
void pic_elcr_write(struct pic8259 *p, unsigned chip, uint8_t value)
{
	struct pic_chip *c = pic_chip(p, chip);
	uint8_t v = value & (chip ? PIC_ELCR_SLAVE_MASK : PIC_ELCR_MASTER_MASK);

	c->edge &= (uint8_t)~(c->elcr ^ v);
	c->elcr = v;
	pic_cascade(p);
}

void pic_set_irq(struct pic8259 *p, unsigned irq, bool level)
{
	if (irq > 15 || irq == PIC_CASCADE_IR)
		return;
	pic_chip_set_line(pic_chip(p, irq >> 3), irq & 7, level);
	pic_cascade(p);
}

void pic_irq_line(void *ctx, unsigned irq, bool level)
{
	pic_set_irq(ctx, irq, level);
}

uint16_t pic_irr(const struct pic8259 *p)
{
	return (uint16_t)(pic_chip_irr(&p->master) | pic_chip_irr(&p->slave) << 8);
}

uint16_t pic_isr(const struct pic8259 *p)
{
	return (uint16_t)(p->master.isr | p->slave.isr << 8);
}

uint16_t pic_imr(const struct pic8259 *p)
{
	return (uint16_t)(p->master.imr | p->slave.imr << 8);
}

uint16_t pic_elcr(const struct pic8259 *p)
{
	return (uint16_t)(p->master.elcr | p->slave.elcr << 8);
}

/* What a PC BIOS writes at POST, byte for byte, so the defaults are made
 * by the same paths a guest's own init sequence takes. */
static void pic_bios_init(struct pic_chip *c, uint8_t base, uint8_t icw3, uint8_t imr)
{
	pic_chip_write(c, 0, PIC_ICW1_INIT | PIC_ICW1_IC4);
	pic_chip_write(c, 1, base);
	pic_chip_write(c, 1, icw3);
	pic_chip_write(c, 1, PIC_ICW4_UPM);
	pic_chip_write(c, 1, imr);
}

void pic_reset(struct pic8259 *p)
{
	p->master.elcr = 0;
	p->slave.elcr = 0;
	pic_bios_init(&p->master, PIC_BIOS_MASTER_BASE, 1u << PIC_CASCADE_IR, PIC_BIOS_MASTER_IMR);
	pic_bios_init(&p->slave, PIC_BIOS_SLAVE_BASE, PIC_CASCADE_IR, PIC_BIOS_SLAVE_IMR);
	pic_cascade(p);
}

void pic_init(struct pic8259 *p)
{
	memset(p, 0, sizeof(*p));
	p->slave.is_slave = true;
	pic_reset(p);
}
