/* SPDX-License-Identifier: MIT */
/* bus.h - the port I/O and MMIO bus: which device answers which address.
 *
 * An access nobody claims reads as all ones and is otherwise ignored, as on
 * a PC; the caller still logs it as an exit.
 */
#ifndef KVMTUI_BUS_H
#define KVMTUI_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t (*pio_read_fn)(void *ctx, uint16_t offset, uint8_t size);
typedef void (*pio_write_fn)(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
typedef void (*mmio_read_fn)(void *ctx, uint64_t offset, uint8_t *data, uint8_t len);
typedef void (*mmio_write_fn)(void *ctx, uint64_t offset, const uint8_t *data, uint8_t len);

#define BUS_MAX_DEVICES 32

struct pio_device {
	uint16_t base, len;
	const char *name;
	void *ctx;
	pio_read_fn read;   /* may be NULL: reads as all ones */
	pio_write_fn write; /* may be NULL: writes ignored */
};

struct mmio_device {
	uint64_t base, len;
	const char *name;
	void *ctx;
	mmio_read_fn read;
	mmio_write_fn write;
};

struct bus {
	struct pio_device pio[BUS_MAX_DEVICES];
	int npio;
	struct mmio_device mmio[BUS_MAX_DEVICES];
	int nmmio;
};

void bus_init(struct bus *bus);
/* 0, or -1 if the range overlaps another device or the bus is full. */
int bus_add_pio(struct bus *bus, uint16_t base, uint16_t len, const char *name,
		void *ctx, pio_read_fn read, pio_write_fn write);
int bus_add_mmio(struct bus *bus, uint64_t base, uint64_t len, const char *name,
		 void *ctx, mmio_read_fn read, mmio_write_fn write);

/* Dispatch. Return the device that answered, or NULL (unclaimed: a read
 * yields all ones). offsets passed to devices are relative to their base. */
const struct pio_device *bus_pio_read(struct bus *bus, uint16_t port, uint8_t size, uint32_t *value);
const struct pio_device *bus_pio_write(struct bus *bus, uint16_t port, uint8_t size, uint32_t value);
const struct mmio_device *bus_mmio_read(struct bus *bus, uint64_t addr, uint8_t *data, uint8_t len);
const struct mmio_device *bus_mmio_write(struct bus *bus, uint64_t addr, const uint8_t *data, uint8_t len);

#endif
