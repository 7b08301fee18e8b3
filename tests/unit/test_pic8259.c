/* SPDX-License-Identifier: MIT */
/* test_pic8259.c - the 8259A pair as guest code and devices see it: the
 * ports a driver writes, the lines devices raise, the INTA the CPU runs. */
#include "bus.h"
#include "check.h"
#include "pic8259.h"

/* The pair on a bus, so every register access goes through the ports. */
struct rig {
	struct pic8259 pic;
	struct bus bus;
};

static void setup(struct rig *r)
{
	memset(r, 0xa5, sizeof(*r)); /* garbage: init must set every field */
	pic_init(&r->pic);
	bus_init(&r->bus);
	CHECK_EQ(pic_register(&r->bus, &r->pic), 0);
}

static void out(struct rig *r, uint16_t port, uint8_t value)
{
	bus_pio_write(&r->bus, port, 1, value);
}

static uint8_t in(struct rig *r, uint16_t port)
{
	uint32_t v = 0;

	bus_pio_read(&r->bus, port, 1, &v);
	return (uint8_t)v;
}

/* The usual four ICWs on both chips; OCW1 left as ICW1 made it (0). */
static void init_pair(struct rig *r, uint8_t icw1, uint8_t base1, uint8_t base2, uint8_t icw4)
{
	out(r, 0x20, icw1);
	out(r, 0x21, base1);
	out(r, 0x21, 0x04);
	out(r, 0x21, icw4);
	out(r, 0xa0, icw1);
	out(r, 0xa1, base2);
	out(r, 0xa1, 0x02);
	out(r, 0xa1, icw4);
}

/* A device's one interrupt: the rising edge of a pulse. */
static void pulse(struct rig *r, unsigned irq)
{
	pic_set_irq(&r->pic, irq, true);
	pic_set_irq(&r->pic, irq, false);
}

static void test_defaults(void)
{
	struct rig r;

	setup(&r);
	/* What a BIOS leaves: initialized, 08h/70h, IRQ 0 1 2 unmasked. */
	CHECK_EQ(r.pic.master.icw1, 0x11);
	CHECK_EQ(r.pic.master.icw2, 0x08);
	CHECK_EQ(r.pic.master.icw3, 0x04);
	CHECK_EQ(r.pic.master.icw4, 0x01);
	CHECK_EQ(r.pic.slave.icw2, 0x70);
	CHECK_EQ(r.pic.slave.icw3, 0x02);
	CHECK_EQ(r.pic.slave.icw4, 0x01);
	CHECK_EQ(r.pic.master.init_next, 0);
	CHECK_EQ(r.pic.slave.init_next, 0);
	CHECK_EQ(in(&r, 0x21), 0xf8);
	CHECK_EQ(in(&r, 0xa1), 0xff);
	CHECK_EQ(in(&r, 0x4d0), 0x00);
	CHECK_EQ(in(&r, 0x4d1), 0x00);
	CHECK_EQ(in(&r, 0x20), 0x00);
	CHECK_EQ(in(&r, 0xa0), 0x00);
	CHECK_EQ(pic_imr(&r.pic), 0xfff8);
	CHECK_EQ(pic_irr(&r.pic), 0);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(pic_elcr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), -1);

	/* The timer and the keyboard come through with the BIOS vectors. */
	pulse(&r, 0);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), 0);
	CHECK_EQ(pic_irr(&r.pic), 0x0001);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	CHECK_EQ(pic_isr(&r.pic), 0x0001);
	CHECK_EQ(pic_irr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0);
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
	out(&r, 0x20, 0x20);

	/* COM1's IRQ 4 waits, masked, until the guest unmasks it. */
	pulse(&r, 4);
	CHECK(!pic_int_output(&r.pic));
	CHECK_EQ(pic_irr(&r.pic), 0x0010);
	out(&r, 0x21, 0xe8);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
	out(&r, 0x20, 0x20);

	/* Slave IRQs are masked on the slave; the cascade input is open. */
	pulse(&r, 8);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0xa1, 0xfe);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), 8);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x70);
	CHECK_EQ(pic_isr(&r.pic), 0x0104);
}

/* A BIOS's own init sequence over a dirty pair lands exactly on the
 * defaults: ICW1 clears all the state the sequence does not write. */
static void test_bios_sequence_is_the_default(void)
{
	struct rig a, b;

	setup(&a);
	setup(&b);
	init_pair(&b, 0x11, 0x20, 0x28, 0x03); /* AEOI on */
	out(&b, 0x20, 0xc4);                   /* rotated priorities */
	out(&b, 0x20, 0x80);                   /* rotate in AEOI */
	out(&b, 0x20, 0x6b);                   /* special mask, read ISR */
	out(&b, 0xa0, 0x0c);                   /* poll pending */
	pulse(&b, 3);
	pulse(&b, 9);
	pic_acknowledge(&b.pic);
	out(&b, 0x21, 0x55);
	out(&b, 0xa1, 0xaa);
	pulse(&b, 5);
	CHECK(memcmp(&a.pic, &b.pic, sizeof(a.pic)) != 0);

	out(&b, 0x20, 0x11);
	out(&b, 0x21, 0x08);
	out(&b, 0x21, 0x04);
	out(&b, 0x21, 0x01);
	out(&b, 0xa0, 0x11);
	out(&b, 0xa1, 0x70);
	out(&b, 0xa1, 0x02);
	out(&b, 0xa1, 0x01);
	out(&b, 0x21, 0xf8);
	out(&b, 0xa1, 0xff);
	CHECK(memcmp(&a.pic, &b.pic, sizeof(a.pic)) == 0);
}

/* Linux's init_8259A: vectors 0x20/0x28, then the guest unmasks. */
static void test_linux_init(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x20, 0x28, 0x01);
	CHECK_EQ(in(&r, 0x21), 0x00); /* ICW1 cleared the masks */
	CHECK_EQ(in(&r, 0xa1), 0x00);
	pulse(&r, 0);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x20);
	out(&r, 0x20, 0x20);
	pulse(&r, 4);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x24);
	out(&r, 0x20, 0x20);
	pulse(&r, 12);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x2c);
	CHECK_EQ(pic_isr(&r.pic), 0x1004);
	/* EOI the slave first, then the master, as drivers do. */
	out(&r, 0xa0, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));
}

/* DOS/BIOS vectors, and ICW2's low three bits ignored in 8086 mode. */
static void test_icw2_low_bits(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x0f, 0x77, 0x01);
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
	out(&r, 0x20, 0x20);
	pulse(&r, 13);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x75);
}

static void test_icw1_resets(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x03);  /* with AEOI */
	out(&r, 0x20, 0xc3);                    /* IR3 lowest */
	out(&r, 0x20, 0x68);                    /* special mask on */
	out(&r, 0x20, 0x0b);                    /* read ISR */
	out(&r, 0x20, 0x80);                    /* rotate in AEOI */
	out(&r, 0x21, 0x55);
	pic_set_irq(&r.pic, 3, true);          /* held high across the init */
	r.pic.master.isr = 0x42;                /* as if ISRs were in service */

	out(&r, 0x20, 0x11);
	CHECK_EQ(r.pic.master.init_next, 2);
	CHECK_EQ(in(&r, 0x21), 0x00);           /* IMR cleared */
	CHECK_EQ(r.pic.master.isr, 0x00);
	CHECK_EQ(r.pic.master.lowest, 7);
	CHECK(!r.pic.master.special_mask);
	CHECK(!r.pic.master.rotate_aeoi);
	CHECK_EQ(r.pic.master.icw4, 0);
	CHECK_EQ(r.pic.master.icw3, 7);         /* slave address 7 */
	CHECK_EQ(pic_irr(&r.pic) & 0xff, 0x00); /* edge sense reset */
	/* The INT stays low until the sequence is done. */
	pulse(&r, 5);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x21, 0x08);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x21, 0x04);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x21, 0x01);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(in(&r, 0x20), 0x20);           /* reads IRR again */
	/* No AEOI any more, IR7 lowest again: IRQ 0 beats IRQ 5. */
	pulse(&r, 0);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	CHECK_EQ(pic_isr(&r.pic), 0x0001);
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0d);
	out(&r, 0x20, 0x20);
	/* The line that stayed high must fall and rise to ask again. */
	CHECK(!pic_int_output(&r.pic));
	pic_set_irq(&r.pic, 3, false);
	pic_set_irq(&r.pic, 3, true);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
}

/* SNGL skips ICW3; IC4=0 skips ICW4: the next data byte is OCW1. */
static void test_icw_sequences(void)
{
	struct rig r;

	setup(&r);
	out(&r, 0x20, 0x13); /* single, ICW4 */
	out(&r, 0x21, 0x40);
	CHECK_EQ(r.pic.master.init_next, 4);
	out(&r, 0x21, 0x01);
	CHECK_EQ(r.pic.master.init_next, 0);
	CHECK_EQ(r.pic.master.icw4, 0x01);
	out(&r, 0x21, 0xaa);
	CHECK_EQ(in(&r, 0x21), 0xaa);
	out(&r, 0x21, 0x00);
	pulse(&r, 0);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x40);
	out(&r, 0x20, 0x20);
	/* Single mode: the slave's INT on IR2 is just IR2, the slave is not
	 * asked and keeps its request. */
	out(&r, 0xa1, 0x00);
	pulse(&r, 9);
	CHECK_EQ(pic_pending_irq(&r.pic), 2);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x42);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	CHECK_EQ(pic_irr(&r.pic), 0x0200);

	out(&r, 0x20, 0x10); /* cascade, no ICW4 */
	out(&r, 0x21, 0x08);
	CHECK_EQ(r.pic.master.init_next, 3);
	out(&r, 0x21, 0x04);
	CHECK_EQ(r.pic.master.init_next, 0);
	out(&r, 0x21, 0x5a);
	CHECK_EQ(in(&r, 0x21), 0x5a);
	CHECK_EQ(r.pic.master.icw3, 0x04);
	CHECK_EQ(r.pic.master.icw4, 0x00);
}

/* µPM=0: what an x86 reads in its second INTA is the CALL address's low
 * byte: A7-A5 and IR<<2 for interval 4, A7-A6 and IR<<3 for interval 8. */
static void test_mcs80_mode(void)
{
	struct rig r;

	setup(&r);
	out(&r, 0x20, 0xf6); /* A7-A5 111, ADI 4, single, no ICW4 */
	out(&r, 0x21, 0x12); /* ICW2: the address's high byte */
	out(&r, 0x21, 0x00); /* OCW1 */
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0xec);
	out(&r, 0x20, 0x20);

	out(&r, 0x20, 0xf2); /* interval 8 */
	out(&r, 0x21, 0x12);
	out(&r, 0x21, 0x00);
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0xd8);
	out(&r, 0x20, 0x20);
	pulse(&r, 7);
	CHECK_EQ(pic_acknowledge(&r.pic), 0xf8);

	/* ICW4 with µPM=0 is the same mode. */
	out(&r, 0x20, 0x13);
	out(&r, 0x21, 0x08);
	out(&r, 0x21, 0x00);
	out(&r, 0x21, 0x00);
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08); /* 0x00 | 1 << 3 */
}

static void test_icw3_cascade_codes(void)
{
	struct rig r;

	/* A master whose ICW3 names no slave treats IR2 as a plain input. */
	setup(&r);
	out(&r, 0x20, 0x11);
	out(&r, 0x21, 0x08);
	out(&r, 0x21, 0x00);
	out(&r, 0x21, 0x01);
	out(&r, 0xa1, 0x00);
	pulse(&r, 11);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0a);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);

	/* A slave with another ID does not answer code 2: the bus floats. */
	setup(&r);
	out(&r, 0xa0, 0x11);
	out(&r, 0xa1, 0x70);
	out(&r, 0xa1, 0x03);
	out(&r, 0xa1, 0x01);
	pulse(&r, 11);
	CHECK_EQ(pic_pending_irq(&r.pic), -1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0xff);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	CHECK_EQ(pic_irr(&r.pic), 0x0800); /* the slave still holds it */
	/* Only the low three bits of a slave's ICW3 are its ID. */
	out(&r, 0xa0, 0x11);
	out(&r, 0xa1, 0x70);
	out(&r, 0xa1, 0xfa);
	out(&r, 0xa1, 0x01);
	out(&r, 0x20, 0x20);
	pulse(&r, 11);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x73);
}

static void test_auto_eoi(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x03);
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
	CHECK_EQ(pic_isr(&r.pic), 0);
	/* Nothing in service: a lower request comes straight through. */
	pulse(&r, 5);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0d);

	/* Rotate in AEOI: each IR served becomes the lowest. */
	out(&r, 0x20, 0x80);
	CHECK(r.pic.master.rotate_aeoi);
	pulse(&r, 0);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	CHECK_EQ(r.pic.master.lowest, 0);
	pulse(&r, 0);
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09); /* IR1 is now the highest */
	CHECK_EQ(r.pic.master.lowest, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	CHECK_EQ(r.pic.master.lowest, 0);
	/* Cleared: the priorities stay where the last rotation left them. */
	out(&r, 0x20, 0x00);
	CHECK(!r.pic.master.rotate_aeoi);
	pulse(&r, 0);
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
	CHECK_EQ(r.pic.master.lowest, 0);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
}

/* Both chips in AEOI: the slave's INT drops during the INTA and rises
 * again for its next request, so the edge-triggered IR2 sees it. */
static void test_auto_eoi_cascade(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x03);
	pic_set_irq(&r.pic, 9, true);
	pic_set_irq(&r.pic, 10, true);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x71);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), 10);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x72);
	CHECK(!pic_int_output(&r.pic));
}

/* SFNM: with one of the slave's IRQs in service, a higher one on the slave
 * still reaches the CPU; in plain fully nested mode it waits. */
static void test_special_fully_nested(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 11);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x73);
	pulse(&r, 9);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x20, 0x20); /* the master's EOI opens IR2 again */
	CHECK_EQ(pic_acknowledge(&r.pic), 0x71);
	CHECK_EQ(pic_isr(&r.pic), 0x0a04);

	setup(&r);
	out(&r, 0x20, 0x11);
	out(&r, 0x21, 0x08);
	out(&r, 0x21, 0x04);
	out(&r, 0x21, 0x11); /* SFNM */
	out(&r, 0xa1, 0x00);
	pulse(&r, 11);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x73);
	pulse(&r, 12); /* lower than 11 on the slave: held by the slave */
	CHECK(!pic_int_output(&r.pic));
	pulse(&r, 9);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x71);
	CHECK_EQ(pic_isr(&r.pic), 0x0a04);
	/* An SFNM master still holds back its lower inputs. */
	out(&r, 0x21, 0x00);
	pulse(&r, 3);
	CHECK(!pic_int_output(&r.pic));
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
}

static void test_masking(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	out(&r, 0x21, 0x08);
	CHECK_EQ(in(&r, 0x21), 0x08);
	pulse(&r, 3);
	CHECK(!pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), -1);
	CHECK_EQ(in(&r, 0x20), 0x08); /* requested, masked, kept */
	out(&r, 0x21, 0x00);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
	/* Masking an IR in service leaves it in service. */
	out(&r, 0x21, 0x08);
	CHECK_EQ(pic_isr(&r.pic), 0x0008);
	/* Masking IR2 on the master silences the whole slave. */
	out(&r, 0x20, 0x20);
	out(&r, 0x21, 0x04);
	pulse(&r, 15);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x21, 0x00);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x77);
	CHECK_EQ(pic_isr(&r.pic), 0x8004);
}

/* Fully nested mode: lower levels wait, higher ones preempt. */
static void test_priorities(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 7);
	pulse(&r, 5);
	pulse(&r, 3);
	CHECK_EQ(pic_pending_irq(&r.pic), 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
	CHECK(!pic_int_output(&r.pic));
	pulse(&r, 1);
	CHECK_EQ(pic_pending_irq(&r.pic), 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
	CHECK_EQ(pic_isr(&r.pic), 0x000a);
	/* Non-specific EOI ends the highest in service: IR1. */
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0x0008);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0d);
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0f);
	CHECK_EQ(pic_isr(&r.pic), 0x0080); /* a real IR7 sets its bit */
	out(&r, 0x20, 0x20);
	/* The slave's IRQs rank where IR2 does: above IRQ 3, below IRQ 1. */
	pulse(&r, 3);
	pulse(&r, 14);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x76);
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
}

static void test_ocw2_commands(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 3);
	pic_acknowledge(&r.pic);
	pulse(&r, 1);
	pic_acknowledge(&r.pic);
	CHECK_EQ(pic_isr(&r.pic), 0x000a);
	out(&r, 0x20, 0x40); /* no operation */
	CHECK_EQ(pic_isr(&r.pic), 0x000a);
	out(&r, 0x20, 0x63); /* specific EOI IR3: not the highest */
	CHECK_EQ(pic_isr(&r.pic), 0x0002);
	CHECK_EQ(r.pic.master.lowest, 7);

	/* Rotate on non-specific EOI: IR1 ends and becomes the lowest. */
	out(&r, 0x20, 0xa0);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(r.pic.master.lowest, 1);
	pulse(&r, 0);
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b); /* order 2 3 .. 7 0 1 */
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	out(&r, 0x20, 0x20);

	/* Set priority: IR4 lowest, IR5 highest. */
	out(&r, 0x20, 0xc4);
	CHECK_EQ(r.pic.master.lowest, 4);
	pulse(&r, 0);
	pulse(&r, 6);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0e);
	/* With IR6 in service, IR0 (lower now) waits; IR5 would not. */
	CHECK(!pic_int_output(&r.pic));
	pulse(&r, 5);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0d);
	/* Non-specific EOI follows the rotated order: IR5 first. */
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0x0040);

	/* Rotate on specific EOI: IR6 ends and becomes the lowest. */
	out(&r, 0x20, 0xe6);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(r.pic.master.lowest, 6);
	pulse(&r, 7);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0f); /* IR7 beats the waiting IR0 */
	CHECK_EQ(pic_isr(&r.pic), 0x0080);
	/* Rotate on EOI with nothing in service: nothing ends, no rotation. */
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0);
	out(&r, 0x20, 0xa0);
	CHECK_EQ(r.pic.master.lowest, 6);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08); /* IR0 waited all along */
}

/* OCW3 RR/RIS choose what port 0 reads, and keep the choice. */
static void test_read_irr_isr(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 1);
	pulse(&r, 4);
	pic_acknowledge(&r.pic);
	CHECK_EQ(in(&r, 0x20), 0x10); /* IRR by default */
	out(&r, 0x20, 0x0b);
	CHECK_EQ(in(&r, 0x20), 0x02); /* ISR */
	CHECK_EQ(in(&r, 0x20), 0x02); /* still */
	out(&r, 0x20, 0x09);          /* RIS without RR: no change */
	CHECK_EQ(in(&r, 0x20), 0x02);
	out(&r, 0x20, 0x0a);
	CHECK_EQ(in(&r, 0x20), 0x10);
	CHECK_EQ(in(&r, 0x21), 0x00); /* port 1 is the IMR either way */
	/* Each chip has its own selection. */
	pulse(&r, 9);
	out(&r, 0xa0, 0x0b);
	CHECK_EQ(in(&r, 0xa0), 0x00);
	CHECK_EQ(in(&r, 0x20), 0x14);
	out(&r, 0xa0, 0x0a);
	CHECK_EQ(in(&r, 0xa0), 0x02);
}

static void test_special_mask_mode(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 3);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0b);
	pulse(&r, 5);
	CHECK(!pic_int_output(&r.pic));
	/* Masking IR3 alone does not let a lower level in... */
	out(&r, 0x21, 0x08);
	CHECK(!pic_int_output(&r.pic));
	/* ...special mask mode does, the way a handler lets lower IRQs in. */
	out(&r, 0x20, 0x68);
	CHECK(r.pic.master.special_mask);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0d);
	CHECK_EQ(pic_isr(&r.pic), 0x0028);
	/* An unmasked in-service level still holds back lower ones. */
	pulse(&r, 6);
	CHECK(!pic_int_output(&r.pic));
	pulse(&r, 1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
	out(&r, 0x20, 0x61);
	out(&r, 0x20, 0x65);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0e);
	out(&r, 0x20, 0x66);
	/* SMM without ESMM changes nothing; ESMM with SMM=0 turns it off. */
	out(&r, 0x20, 0x28);
	CHECK(r.pic.master.special_mask);
	out(&r, 0x20, 0x48);
	CHECK(!r.pic.master.special_mask);
	pulse(&r, 4);
	CHECK(!pic_int_output(&r.pic)); /* IR3 in service, masked, holds again */
	out(&r, 0x20, 0x63);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
}

static void test_poll(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pulse(&r, 5);
	pulse(&r, 3);
	out(&r, 0x20, 0x0c);
	CHECK_EQ(in(&r, 0x20), 0x83); /* I and IR3, acknowledged */
	CHECK_EQ(pic_isr(&r.pic), 0x0008);
	CHECK_EQ(in(&r, 0x20), 0x20); /* one read only; then IRR again */
	out(&r, 0x20, 0x20);
	/* "The next RD": the data port too. */
	out(&r, 0x20, 0x0c);
	CHECK_EQ(in(&r, 0x21), 0x85);
	CHECK_EQ(in(&r, 0x21), 0x00);
	out(&r, 0x20, 0x20);
	/* Nothing requesting: I=0, nothing acknowledged. */
	out(&r, 0x20, 0x0c);
	CHECK_EQ(in(&r, 0x20), 0x00);
	CHECK_EQ(pic_isr(&r.pic), 0);
	/* A later OCW3 without P cancels the poll. */
	pulse(&r, 6);
	out(&r, 0x20, 0x0c);
	out(&r, 0x20, 0x0a);
	CHECK_EQ(in(&r, 0x20), 0x40);
	CHECK_EQ(pic_isr(&r.pic), 0);
	pic_acknowledge(&r.pic);
	out(&r, 0x20, 0x20);
	/* Polling is per chip: the master reports the cascade input, then
	 * the slave is polled for its own IR. */
	pulse(&r, 12);
	out(&r, 0x20, 0x0c);
	CHECK_EQ(in(&r, 0x20), 0x82);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	CHECK_EQ(pic_irr(&r.pic), 0x1000); /* IR2 used up; the slave still asks */
	out(&r, 0xa0, 0x0c);
	CHECK_EQ(in(&r, 0xa0), 0x84);
	CHECK_EQ(pic_isr(&r.pic), 0x1004);
	CHECK_EQ(pic_irr(&r.pic), 0x0000);
	CHECK(!pic_int_output(&r.pic));
}

static void test_edge_triggering(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	pic_set_irq(&r.pic, 4, true);
	CHECK_EQ(pic_irr(&r.pic), 0x0010);
	pic_set_irq(&r.pic, 4, true); /* still high: no second request */
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
	CHECK_EQ(pic_irr(&r.pic), 0);
	out(&r, 0x20, 0x20);
	CHECK(!pic_int_output(&r.pic)); /* high, but no new edge */
	pic_set_irq(&r.pic, 4, false);
	CHECK(!pic_int_output(&r.pic));
	pic_set_irq(&r.pic, 4, true);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
	out(&r, 0x20, 0x20);
	pic_set_irq(&r.pic, 4, false);
	/* A pulse that is over before the INTA still counts (see header). */
	pulse(&r, 6);
	CHECK_EQ(pic_irr(&r.pic), 0x0040);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0e);
	/* Two pulses before the INTA are one request. */
	out(&r, 0x20, 0x20);
	pulse(&r, 6);
	pulse(&r, 6);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0e);
	out(&r, 0x20, 0x20);
	CHECK(!pic_int_output(&r.pic));
	/* IRQ 2 is the cascade and IRQs past 15 do not exist. */
	pic_set_irq(&r.pic, 2, true);
	pic_set_irq(&r.pic, 16, true);
	pic_set_irq(&r.pic, 0xffffffffu, true);
	CHECK_EQ(pic_irr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));
}

static void test_level_triggering(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	out(&r, 0x4d0, 0x10); /* IRQ 4 level */
	pic_set_irq(&r.pic, 4, true);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
	CHECK_EQ(pic_irr(&r.pic), 0x0010); /* the line is still high */
	CHECK(!pic_int_output(&r.pic));    /* but IR4 is in service */
	out(&r, 0x20, 0x20);
	CHECK(pic_int_output(&r.pic));     /* EOI with the line high: again */
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0c);
	pic_set_irq(&r.pic, 4, false);
	CHECK_EQ(pic_irr(&r.pic), 0);
	out(&r, 0x20, 0x20);
	CHECK(!pic_int_output(&r.pic));

	/* ICW1.LTIM: every input level, IRQ 0 included. */
	out(&r, 0x20, 0x19);
	out(&r, 0x21, 0x08);
	out(&r, 0x21, 0x04);
	out(&r, 0x21, 0x01);
	pic_set_irq(&r.pic, 0, true);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x08);
	pic_set_irq(&r.pic, 0, false);
	out(&r, 0x20, 0x20);
	CHECK(!pic_int_output(&r.pic));
	CHECK_EQ(in(&r, 0x4d0), 0x10); /* ICW1 leaves the ELCR alone */
}

/* The ELCR: IRQ 0, 1, 2, 8, 13 stay edge; a change resets edge sense. */
static void test_elcr(void)
{
	struct rig r;

	setup(&r);
	out(&r, 0x4d0, 0xff);
	out(&r, 0x4d1, 0xff);
	CHECK_EQ(in(&r, 0x4d0), 0xf8);
	CHECK_EQ(in(&r, 0x4d1), 0xde);
	CHECK_EQ(pic_elcr(&r.pic), 0xdef8);
	out(&r, 0x4d0, 0x00);
	out(&r, 0x4d1, 0x00);

	out(&r, 0x21, 0xff);
	pic_set_irq(&r.pic, 5, true); /* edge latched, masked */
	CHECK_EQ(pic_irr(&r.pic), 0x0020);
	out(&r, 0x4d0, 0x20);         /* level: IRR is the (high) line */
	CHECK_EQ(pic_irr(&r.pic), 0x0020);
	out(&r, 0x4d0, 0x00);         /* edge again: needs a new edge */
	CHECK_EQ(pic_irr(&r.pic), 0x0000);
	pic_set_irq(&r.pic, 5, false);
	pic_set_irq(&r.pic, 5, true);
	CHECK_EQ(pic_irr(&r.pic), 0x0020);
	/* A level input does not latch: the request is the line. */
	out(&r, 0x4d1, 0x02);
	pic_set_irq(&r.pic, 9, true);
	pic_set_irq(&r.pic, 9, false);
	CHECK_EQ(pic_irr(&r.pic), 0x0020);
}

/* The request went away between INT and INTA: the master answers its IR7
 * vector and sets no ISR bit. */
static void test_spurious_irq7(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x08, 0x70, 0x01);
	out(&r, 0x4d0, 0x08);
	pic_set_irq(&r.pic, 3, true);
	CHECK(pic_int_output(&r.pic));
	pic_set_irq(&r.pic, 3, false); /* a level line dropped */
	CHECK(!pic_int_output(&r.pic));
	CHECK_EQ(pic_pending_irq(&r.pic), -1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0f);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(pic_irr(&r.pic), 0);

	/* Masked after INT: the request stays in IRR for later. */
	pulse(&r, 6);
	out(&r, 0x21, 0x40);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0f);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(pic_irr(&r.pic), 0x0040);
	out(&r, 0x21, 0x00);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x0e);

	/* The vector follows ICW2 (Linux's base here). */
	init_pair(&r, 0x11, 0x20, 0x28, 0x01);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x27);
	CHECK_EQ(pic_isr(&r.pic), 0);
}

/* The slave's request went away after the master latched IR2: the slave
 * answers IR7 (IRQ 15) without an ISR bit, the master keeps IR2 in
 * service, and only the master needs an EOI. */
static void test_spurious_irq15(void)
{
	struct rig r;

	setup(&r);
	out(&r, 0x4d1, 0x04); /* IRQ 10 level */
	out(&r, 0xa1, 0xfb);
	pic_set_irq(&r.pic, 10, true);
	CHECK_EQ(pic_pending_irq(&r.pic), 10);
	pic_set_irq(&r.pic, 10, false);
	CHECK(pic_int_output(&r.pic));     /* IR2's edge is latched */
	CHECK_EQ(pic_pending_irq(&r.pic), -1);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x77);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	out(&r, 0xa0, 0x0b);
	CHECK_EQ(in(&r, 0xa0), 0x00);     /* how a handler tells */
	out(&r, 0x20, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));

	/* The same when the guest masks the IRQ on the slave meanwhile. */
	out(&r, 0xa1, 0x00);
	pulse(&r, 9);
	out(&r, 0xa1, 0x02);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x77);
	CHECK_EQ(pic_isr(&r.pic), 0x0004);
	CHECK_EQ(pic_irr(&r.pic), 0x0200);
}

/* The slave's INT on IR2: vectors, ISR on both chips, EOI order. */
static void test_cascade(void)
{
	struct rig r;

	setup(&r);
	out(&r, 0xa1, 0xaf); /* IRQ 12 and 14 */
	pulse(&r, 12);
	CHECK_EQ(pic_irr(&r.pic), 0x1004);
	CHECK_EQ(pic_pending_irq(&r.pic), 12);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x74);
	CHECK_EQ(pic_isr(&r.pic), 0x1004);
	CHECK_EQ(pic_irr(&r.pic), 0x0000);
	/* A lower slave IRQ waits behind 12 on the slave... */
	pulse(&r, 14);
	CHECK_EQ(pic_irr(&r.pic), 0x4000);
	CHECK(!pic_int_output(&r.pic));
	/* ...and after the slave's EOI, behind IR2 on the master. */
	out(&r, 0xa0, 0x20);
	CHECK_EQ(pic_irr(&r.pic), 0x4004);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x20, 0x20);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x76);
	CHECK_EQ(pic_isr(&r.pic), 0x4004);
	/* A higher slave IRQ raises the slave's INT at once (12 outranks 14
	 * in service there), but the master holds IR2 until its own EOI. */
	pulse(&r, 12);
	CHECK_EQ(pic_irr(&r.pic), 0x1004);
	CHECK(!pic_int_output(&r.pic));
	out(&r, 0x20, 0x20);
	CHECK(pic_int_output(&r.pic));
	CHECK_EQ(pic_acknowledge(&r.pic), 0x74);
	CHECK_EQ(pic_isr(&r.pic), 0x5004);
	/* The slave's non-specific EOIs end its IRs highest first. */
	out(&r, 0xa0, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0x4004);
	out(&r, 0x20, 0x20);
	out(&r, 0xa0, 0x20);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK(!pic_int_output(&r.pic));
}

static void test_reset(void)
{
	struct rig r;

	setup(&r);
	init_pair(&r, 0x11, 0x20, 0x28, 0x03);
	out(&r, 0x4d0, 0x08);
	out(&r, 0x20, 0x0b);
	pic_set_irq(&r.pic, 1, true);
	pic_set_irq(&r.pic, 3, true);
	pic_acknowledge(&r.pic);
	pic_reset(&r.pic);
	CHECK_EQ(pic_imr(&r.pic), 0xfff8);
	CHECK_EQ(pic_elcr(&r.pic), 0);
	CHECK_EQ(pic_isr(&r.pic), 0);
	CHECK_EQ(pic_irr(&r.pic), 0); /* lines high, but edge sense reset */
	CHECK_EQ(r.pic.master.line, 0x0a);
	CHECK(!r.pic.master.read_isr);
	CHECK(!pic_int_output(&r.pic));
	pic_set_irq(&r.pic, 1, false);
	pic_set_irq(&r.pic, 1, true);
	CHECK_EQ(pic_acknowledge(&r.pic), 0x09);
	CHECK_EQ(pic_isr(&r.pic), 0x0002); /* AEOI gone too */
}

/* Wide accesses split into bytes, as the AT bus does for 8-bit devices. */
static void test_pio_adapters(void)
{
	struct rig r;
	uint32_t v = 0;

	setup(&r);
	CHECK_EQ(pic_register(&r.bus, &r.pic), -1); /* already there */
	bus_pio_write(&r.bus, 0x20, 2, 0xf00b);     /* OCW3 read ISR, IMR f0 */
	CHECK_EQ(in(&r, 0x21), 0xf0);
	CHECK(r.pic.master.read_isr);
	pic_set_irq(&r.pic, 0, true);
	pic_acknowledge(&r.pic);
	bus_pio_read(&r.bus, 0x20, 2, &v);
	CHECK_EQ(v, 0xf001);
	bus_pio_read(&r.bus, 0x21, 2, &v); /* the byte after 0x21 is not ours */
	CHECK_EQ(v, 0xfff0);
	bus_pio_read(&r.bus, 0x20, 4, &v);
	CHECK_EQ(v, 0xfffff001);
	bus_pio_write(&r.bus, 0xa1, 2, 0x1234);
	CHECK_EQ(in(&r, 0xa1), 0x34);
	bus_pio_write(&r.bus, 0x4d0, 2, 0x0e08);
	bus_pio_read(&r.bus, 0x4d0, 2, &v);
	CHECK_EQ(v, 0x0e08);
	CHECK_EQ(pic_elcr(&r.pic), 0x0e08);
	CHECK_EQ(pic_elcr_pio_read(&r.pic, 1, 1), 0x0e);
	CHECK_EQ(pic_slave_pio_read(&r.pic, 1, 1), 0x34);
	CHECK_EQ(pic_master_pio_read(&r.pic, 2, 1), 0xff);

	/* The IRQ callback shape devices are given. */
	pic_irq_line(&r.pic, 1, true);
	CHECK_EQ(pic_irr(&r.pic), 0x0002);
}

struct describe_case {
	uint16_t port;
	bool write;
	uint8_t value;
	const char *text;
};

static const struct describe_case describe_cases[] = {
	{ 0x20, true, 0x11, "PIC1 ICW1 edge cascade ICW4" },
	{ 0xa0, true, 0x19, "PIC2 ICW1 level cascade ICW4" },
	{ 0x20, true, 0x13, "PIC1 ICW1 edge single ICW4" },
	{ 0x20, true, 0x12, "PIC1 ICW1 edge single no ICW4" },
	{ 0x20, true, 0xf6, "PIC1 ICW1 edge single no ICW4 (A7-A5/ADI: MCS-80 only)" },
	{ 0x20, true, 0x20, "PIC1 OCW2 EOI" },
	{ 0xa0, true, 0x20, "PIC2 OCW2 EOI" },
	{ 0xa0, true, 0x63, "PIC2 OCW2 specific EOI IR3 (IRQ 11)" },
	{ 0x20, true, 0x62, "PIC1 OCW2 specific EOI IR2" },
	{ 0x20, true, 0xa0, "PIC1 OCW2 rotate on EOI" },
	{ 0x20, true, 0x80, "PIC1 OCW2 rotate in AEOI on" },
	{ 0x20, true, 0x00, "PIC1 OCW2 rotate in AEOI off" },
	{ 0x20, true, 0xc7, "PIC1 OCW2 set priority, lowest IR7" },
	{ 0x20, true, 0xe4, "PIC1 OCW2 rotate on specific EOI IR4" },
	{ 0x20, true, 0x40, "PIC1 OCW2 no-op" },
	{ 0x20, true, 0x0a, "PIC1 OCW3 read IRR" },
	{ 0xa0, true, 0x0b, "PIC2 OCW3 read ISR" },
	{ 0x20, true, 0x0c, "PIC1 OCW3 poll" },
	{ 0x20, true, 0x68, "PIC1 OCW3 special mask on" },
	{ 0x20, true, 0x4b, "PIC1 OCW3 special mask off, read ISR" },
	{ 0x20, true, 0x08, "PIC1 OCW3 no-op" },
	{ 0x21, true, 0xb8, "PIC1 OCW1 mask 0xb8 (IRQ 3 4 5 7 masked; ICW2-4 if in init)" },
	{ 0x21, true, 0xf8, "PIC1 OCW1 mask 0xf8 (only IRQ 0 1 2 unmasked; ICW2-4 if in init)" },
	{ 0x21, true, 0x00, "PIC1 OCW1 mask 0x00 (none masked; ICW2-4 if in init)" },
	{ 0xa1, true, 0x70, "PIC2 OCW1 mask 0x70 (IRQ 12 13 14 masked; ICW2-4 if in init)" },
	{ 0xa1, true, 0xff, "PIC2 OCW1 mask 0xff (all masked; ICW2-4 if in init)" },
	{ 0x20, false, 0x01, "PIC1 read IRR/ISR/poll 0x01" },
	{ 0x21, false, 0xb8, "PIC1 read IMR 0xb8 (IRQ 3 4 5 7 masked)" },
	{ 0xa1, false, 0xfb, "PIC2 read IMR 0xfb (only IRQ 10 unmasked)" },
	{ 0x4d0, true, 0x08, "ELCR1 write 0x08 (IRQ 3 level)" },
	{ 0x4d1, false, 0x00, "ELCR2 read 0x00 (all edge)" },
	{ 0x4d1, true, 0x0e, "ELCR2 write 0x0e (IRQ 9 10 11 level)" },
	{ 0x4d1, true, 0x21, "ELCR2 write 0x21 (all edge; IRQ 8 13 stay edge)" },
	{ 0x4d0, true, 0x0f, "ELCR1 write 0x0f (IRQ 3 level; IRQ 0 1 2 stay edge)" },
	{ 0x60, true, 0x11, "" },
	{ 0x22, false, 0x00, "" },
	{ 0x4d2, true, 0x00, "" },
};

static void test_describe(void)
{
	char buf[128];
	size_t n = sizeof(describe_cases) / sizeof(describe_cases[0]);

	for (size_t i = 0; i < n; i++) {
		const struct describe_case *c = &describe_cases[i];
		size_t len;

		memset(buf, 'x', sizeof(buf));
		len = pic_describe(c->port, c->write, c->value, buf, sizeof(buf));
		CHECK_STR(buf, c->text);
		CHECK_EQ(len, strlen(c->text));
	}
	/* Short buffers truncate, terminated, and say what they hold. */
	CHECK_EQ(pic_describe(0x20, true, 0x20, buf, 8), 7);
	CHECK_STR(buf, "PIC1 OC");
	CHECK_EQ(pic_describe(0x21, true, 0xb8, buf, 20), 19);
	CHECK_STR(buf, "PIC1 OCW1 mask 0xb8");
	buf[0] = 'x';
	CHECK_EQ(pic_describe(0x20, true, 0x20, buf, 1), 0);
	CHECK_EQ(buf[0], '\0');
	buf[0] = 'x';
	CHECK_EQ(pic_describe(0x20, true, 0x20, buf, 0), 0);
	CHECK_EQ(buf[0], 'x');
}

int main(void)
{
	test_defaults();
	test_bios_sequence_is_the_default();
	test_linux_init();
	test_icw2_low_bits();
	test_icw1_resets();
	test_icw_sequences();
	test_mcs80_mode();
	test_icw3_cascade_codes();
	test_auto_eoi();
	test_auto_eoi_cascade();
	test_special_fully_nested();
	test_masking();
	test_priorities();
	test_ocw2_commands();
	test_read_irr_isr();
	test_special_mask_mode();
	test_poll();
	test_edge_triggering();
	test_level_triggering();
	test_elcr();
	test_spurious_irq7();
	test_spurious_irq15();
	test_cascade();
	test_reset();
	test_pio_adapters();
	test_describe();
	return check_done();
}
