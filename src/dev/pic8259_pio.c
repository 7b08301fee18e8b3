/* SPDX-License-Identifier: MIT */
/* pic8259_pio.c - the PIC pair's three port ranges on the bus.
 *
 * The 8259A and the ELCR are 8-bit devices: the AT bus turns a 16-bit
 * access into two byte cycles at consecutive ports, low byte first, and a
 * 32-bit one into four. Doing the same keeps "inw 0x4d0" (both ELCR bytes)
 * right; a byte past a range's two ports belongs to no one here.
 */
#include "pic8259.h"

#include "bus.h"

enum pic_range { PIC_RANGE_MASTER, PIC_RANGE_SLAVE, PIC_RANGE_ELCR };

#define PIC_RANGE_LEN 2

static uint8_t pic_range_read(struct pic8259 *p, enum pic_range r, unsigned port)
{
	if (port >= PIC_RANGE_LEN)
		return 0xff; /* not ours: the bus floats high */
	if (r == PIC_RANGE_ELCR)
		return pic_elcr_read(p, port);
	return pic_read(p, r == PIC_RANGE_SLAVE, port);
}

static void pic_range_write(struct pic8259 *p, enum pic_range r, unsigned port, uint8_t value)
{
	if (port >= PIC_RANGE_LEN)
		return;
	if (r == PIC_RANGE_ELCR)
		pic_elcr_write(p, port, value);
	else
		pic_write(p, r == PIC_RANGE_SLAVE, port, value);
}

static uint32_t pic_split_read(void *ctx, enum pic_range r, uint16_t offset, uint8_t size)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < size && i < 4; i++)
		v |= (uint32_t)pic_range_read(ctx, r, offset + i) << (8 * i);
	return v;
}

static void pic_split_write(void *ctx, enum pic_range r, uint16_t offset, uint8_t size,
			    uint32_t value)
{
	for (unsigned i = 0; i < size && i < 4; i++)
		pic_range_write(ctx, r, offset + i, (uint8_t)(value >> (8 * i)));
}

uint32_t pic_master_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	return pic_split_read(ctx, PIC_RANGE_MASTER, offset, size);
}

void pic_master_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	pic_split_write(ctx, PIC_RANGE_MASTER, offset, size, value);
}

uint32_t pic_slave_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	return pic_split_read(ctx, PIC_RANGE_SLAVE, offset, size);
}

void pic_slave_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	pic_split_write(ctx, PIC_RANGE_SLAVE, offset, size, value);
}

uint32_t pic_elcr_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	return pic_split_read(ctx, PIC_RANGE_ELCR, offset, size);
}

void pic_elcr_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	pic_split_write(ctx, PIC_RANGE_ELCR, offset, size, value);
}

int pic_register(struct bus *bus, struct pic8259 *p)
{
	if (bus_add_pio(bus, PIC_MASTER_BASE, PIC_RANGE_LEN, "PIC1", p,
			pic_master_pio_read, pic_master_pio_write) < 0)
		return -1;
	if (bus_add_pio(bus, PIC_SLAVE_BASE, PIC_RANGE_LEN, "PIC2", p,
			pic_slave_pio_read, pic_slave_pio_write) < 0)
		return -1;
	return bus_add_pio(bus, PIC_ELCR_BASE, PIC_RANGE_LEN, "ELCR", p,
			   pic_elcr_pio_read, pic_elcr_pio_write);
}
