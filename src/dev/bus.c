/* SPDX-License-Identifier: MIT */
/* bus.c - port I/O and MMIO dispatch by address range.
 *
 * A PC has a handful of devices, so a linear scan is both the simplest and
 * the fastest lookup here (an exit round trip costs microseconds; this costs
 * nanoseconds). An access belongs to the device holding its first address;
 * the device gets the offset from its base and decides what a wide access
 * means.
 */
#include "bus.h"

#include <string.h>

void bus_init(struct bus *bus)
{
	memset(bus, 0, sizeof(*bus));
}

/* What an undriven data bus reads as: every bit of the access high. */
static uint32_t bus_ones(uint8_t size)
{
	return size >= 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

/* [a, a+alen) and [b, b+blen) intersect; both lengths are non-zero and
 * neither range wraps, as the add functions check first. */
static bool bus_ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

static bool bus_pio_free(const struct bus *bus, uint16_t base, uint16_t len)
{
	for (int i = 0; i < bus->npio; i++)
		if (bus_ranges_overlap(base, len, bus->pio[i].base, bus->pio[i].len))
			return false;
	return true;
}

static bool bus_mmio_free(const struct bus *bus, uint64_t base, uint64_t len)
{
	for (int i = 0; i < bus->nmmio; i++)
		if (bus_ranges_overlap(base, len, bus->mmio[i].base, bus->mmio[i].len))
			return false;
	return true;
}

int bus_add_pio(struct bus *bus, uint16_t base, uint16_t len, const char *name,
		void *ctx, pio_read_fn read, pio_write_fn write)
{
	/* The port space ends at 0xffff: a range past it would wrap. */
	if (len == 0 || (uint32_t)base + len > 0x10000u)
		return -1;
	if (bus->npio >= BUS_MAX_DEVICES || !bus_pio_free(bus, base, len))
		return -1;
	bus->pio[bus->npio++] = (struct pio_device){
		.base = base, .len = len, .name = name, .ctx = ctx,
		.read = read, .write = write,
	};
	return 0;
}

int bus_add_mmio(struct bus *bus, uint64_t base, uint64_t len, const char *name,
		 void *ctx, mmio_read_fn read, mmio_write_fn write)
{
	/* A range reaching the top of the address space would wrap its end. */
	if (len == 0 || base + len < base)
		return -1;
	if (bus->nmmio >= BUS_MAX_DEVICES || !bus_mmio_free(bus, base, len))
		return -1;
	bus->mmio[bus->nmmio++] = (struct mmio_device){
		.base = base, .len = len, .name = name, .ctx = ctx,
		.read = read, .write = write,
	};
	return 0;
}

static const struct pio_device *bus_pio_find(const struct bus *bus, uint16_t port)
{
	for (int i = 0; i < bus->npio; i++) {
		const struct pio_device *d = &bus->pio[i];
		if (port >= d->base && port - d->base < d->len)
			return d;
	}
	return NULL;
}

static const struct mmio_device *bus_mmio_find(const struct bus *bus, uint64_t addr)
{
	for (int i = 0; i < bus->nmmio; i++) {
		const struct mmio_device *d = &bus->mmio[i];
		if (addr >= d->base && addr - d->base < d->len)
			return d;
	}
	return NULL;
}

const struct pio_device *bus_pio_read(struct bus *bus, uint16_t port, uint8_t size, uint32_t *value)
{
	const struct pio_device *d = bus_pio_find(bus, port);

	/* Masked so a device may answer sloppily and the guest still sees
	 * exactly `size` bytes. */
	if (d && d->read)
		*value = d->read(d->ctx, (uint16_t)(port - d->base), size) & bus_ones(size);
	else
		*value = bus_ones(size);
	return d;
}

const struct pio_device *bus_pio_write(struct bus *bus, uint16_t port, uint8_t size, uint32_t value)
{
	const struct pio_device *d = bus_pio_find(bus, port);

	if (d && d->write)
		d->write(d->ctx, (uint16_t)(port - d->base), size, value & bus_ones(size));
	return d;
}

const struct mmio_device *bus_mmio_read(struct bus *bus, uint64_t addr, uint8_t *data, uint8_t len)
{
	const struct mmio_device *d = bus_mmio_find(bus, addr);

	/* Preset to all ones: what unclaimed memory and a device that leaves
	 * bytes unwritten both read as. */
	memset(data, 0xff, len);
	if (d && d->read)
		d->read(d->ctx, addr - d->base, data, len);
	return d;
}

const struct mmio_device *bus_mmio_write(struct bus *bus, uint64_t addr, const uint8_t *data, uint8_t len)
{
	const struct mmio_device *d = bus_mmio_find(bus, addr);

	if (d && d->write)
		d->write(d->ctx, addr - d->base, data, len);
	return d;
}
