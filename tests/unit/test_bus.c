/* SPDX-License-Identifier: MIT */
/* test_bus.c - port and MMIO dispatch, overlap refusal, unclaimed all-ones. */
#include "bus.h"
#include "check.h"

/* A fake device that remembers its last access and answers a fixed value. */
struct probe {
	int reads, writes;
	uint64_t offset;
	uint8_t size;
	uint32_t value;  /* last written */
	uint32_t answer; /* what reads return */
	uint8_t bytes[8];
};

static uint32_t probe_read(void *ctx, uint16_t offset, uint8_t size)
{
	struct probe *p = ctx;
	p->reads++;
	p->offset = offset;
	p->size = size;
	return p->answer;
}

static void probe_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct probe *p = ctx;
	p->writes++;
	p->offset = offset;
	p->size = size;
	p->value = value;
}

static void probe_mmio_read(void *ctx, uint64_t offset, uint8_t *data, uint8_t len)
{
	struct probe *p = ctx;
	p->reads++;
	p->offset = offset;
	p->size = len;
	for (uint8_t i = 0; i < len; i++)
		data[i] = (uint8_t)(0x10 + offset + i);
}

static void probe_mmio_write(void *ctx, uint64_t offset, const uint8_t *data, uint8_t len)
{
	struct probe *p = ctx;
	p->writes++;
	p->offset = offset;
	p->size = len;
	memcpy(p->bytes, data, len);
}

/* Leaves the top bytes of a read untouched: they must stay all ones. */
static void probe_mmio_read_one(void *ctx, uint64_t offset, uint8_t *data, uint8_t len)
{
	(void)ctx;
	(void)offset;
	(void)len;
	data[0] = 0x42;
}

static void test_pio_dispatch(void)
{
	struct bus bus;
	struct probe a = { .answer = 0x11 }, b = { .answer = 0x22 };
	uint32_t v = 0;

	bus_init(&bus);
	CHECK_EQ(bus_add_pio(&bus, 0x3f8, 8, "com1", &a, probe_read, probe_write), 0);
	CHECK_EQ(bus_add_pio(&bus, 0xe9, 1, "debugcon", &b, probe_read, probe_write), 0);

	const struct pio_device *d = bus_pio_read(&bus, 0x3fd, 1, &v);
	CHECK(d != NULL);
	CHECK_STR(d ? d->name : NULL, "com1");
	CHECK_EQ(v, 0x11);
	CHECK_EQ(a.offset, 5);
	CHECK_EQ(a.size, 1);
	CHECK_EQ(b.reads, 0);

	d = bus_pio_write(&bus, 0x3f8, 1, 0x41);
	CHECK_STR(d ? d->name : NULL, "com1");
	CHECK_EQ(a.offset, 0);
	CHECK_EQ(a.value, 0x41);

	d = bus_pio_write(&bus, 0xe9, 2, 0x1234);
	CHECK_STR(d ? d->name : NULL, "debugcon");
	CHECK_EQ(b.writes, 1);
	CHECK_EQ(b.offset, 0);
	CHECK_EQ(b.size, 2);
	CHECK_EQ(b.value, 0x1234);

	/* The edges of a range: last port in, one past out. */
	CHECK(bus_pio_read(&bus, 0x3ff, 1, &v) != NULL);
	CHECK_EQ(a.offset, 7);
	CHECK(bus_pio_read(&bus, 0x400, 1, &v) == NULL);
	CHECK(bus_pio_read(&bus, 0x3f7, 1, &v) == NULL);
	CHECK(bus_pio_read(&bus, 0xea, 1, &v) == NULL);
}

/* A device's sloppy answer and a guest's wide value are cut to the size. */
static void test_pio_masking(void)
{
	struct bus bus;
	struct probe a = { .answer = 0xdeadbeef };
	uint32_t v = 0;

	bus_init(&bus);
	CHECK_EQ(bus_add_pio(&bus, 0x100, 4, "p", &a, probe_read, probe_write), 0);
	bus_pio_read(&bus, 0x100, 1, &v);
	CHECK_EQ(v, 0xef);
	bus_pio_read(&bus, 0x100, 2, &v);
	CHECK_EQ(v, 0xbeef);
	bus_pio_read(&bus, 0x100, 4, &v);
	CHECK_EQ(v, 0xdeadbeef);
	bus_pio_write(&bus, 0x101, 1, 0x1ff);
	CHECK_EQ(a.value, 0xff);
	CHECK_EQ(a.offset, 1);
}

static void test_pio_unclaimed(void)
{
	struct bus bus;
	struct probe silent = { 0 };
	uint32_t v = 0;

	bus_init(&bus);
	CHECK(bus_pio_read(&bus, 0x80, 1, &v) == NULL);
	CHECK_EQ(v, 0xff);
	CHECK(bus_pio_read(&bus, 0x80, 2, &v) == NULL);
	CHECK_EQ(v, 0xffff);
	CHECK(bus_pio_read(&bus, 0x80, 4, &v) == NULL);
	CHECK_EQ(v, 0xffffffff);
	CHECK(bus_pio_write(&bus, 0x80, 1, 0) == NULL);

	/* A device without read or write callbacks: claimed, reads all ones,
	 * writes ignored. */
	CHECK_EQ(bus_add_pio(&bus, 0x80, 1, "post", &silent, NULL, NULL), 0);
	v = 0;
	const struct pio_device *d = bus_pio_read(&bus, 0x80, 2, &v);
	CHECK_STR(d ? d->name : NULL, "post");
	CHECK_EQ(v, 0xffff);
	CHECK(bus_pio_write(&bus, 0x80, 1, 0x55) != NULL);
}

static void test_pio_overlap(void)
{
	struct bus bus;
	struct probe p = { 0 };

	bus_init(&bus);
	CHECK_EQ(bus_add_pio(&bus, 0x3f8, 8, "com1", &p, probe_read, NULL), 0);
	CHECK_EQ(bus_add_pio(&bus, 0x3f8, 8, "again", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0x3ff, 1, "last", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0x3f0, 9, "into", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0x3fa, 2, "inside", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0x300, 0x200, "around", &p, probe_read, NULL), -1);
	CHECK_EQ(bus.npio, 1);
	/* Touching is not overlapping. */
	CHECK_EQ(bus_add_pio(&bus, 0x3f0, 8, "below", &p, probe_read, NULL), 0);
	CHECK_EQ(bus_add_pio(&bus, 0x400, 8, "above", &p, probe_read, NULL), 0);
	/* Empty ranges and ranges past port 0xffff are refused. */
	CHECK_EQ(bus_add_pio(&bus, 0x500, 0, "empty", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0xfffe, 4, "wraps", &p, probe_read, NULL), -1);
	CHECK_EQ(bus_add_pio(&bus, 0xfffc, 4, "top", &p, probe_read, NULL), 0);
	CHECK(bus_pio_read(&bus, 0xffff, 1, &p.value) != NULL);
}

static void test_bus_full(void)
{
	struct bus bus;
	struct probe p = { 0 };

	bus_init(&bus);
	for (int i = 0; i < BUS_MAX_DEVICES; i++)
		CHECK_EQ(bus_add_pio(&bus, (uint16_t)(0x1000 + i * 4), 4, "n", &p, NULL, NULL), 0);
	CHECK_EQ(bus_add_pio(&bus, 0x2000, 4, "one too many", &p, NULL, NULL), -1);
	for (int i = 0; i < BUS_MAX_DEVICES; i++)
		CHECK_EQ(bus_add_mmio(&bus, 0x10000ull * (i + 1), 0x1000, "m", &p, NULL, NULL), 0);
	CHECK_EQ(bus_add_mmio(&bus, 0xf0000000ull, 0x1000, "one too many", &p, NULL, NULL), -1);
}

static void test_mmio(void)
{
	struct bus bus;
	struct probe p = { 0 }, q = { 0 };
	uint8_t data[8];

	bus_init(&bus);
	CHECK_EQ(bus_add_mmio(&bus, 0xfee00000ull, 0x1000, "apic", &p,
			      probe_mmio_read, probe_mmio_write), 0);
	CHECK_EQ(bus_add_mmio(&bus, 0xfee00800ull, 0x10, "overlap", &q, NULL, NULL), -1);
	CHECK_EQ(bus_add_mmio(&bus, 0xfedff000ull, 0x1001, "overlap", &q, NULL, NULL), -1);
	CHECK_EQ(bus_add_mmio(&bus, 0x1000, 0, "empty", &q, NULL, NULL), -1);
	CHECK_EQ(bus_add_mmio(&bus, 0xfffffffffffff000ull, 0x2000, "wraps", &q, NULL, NULL), -1);
	CHECK_EQ(bus_add_mmio(&bus, 0xfee01000ull, 0x10, "half", &q, probe_mmio_read_one, NULL), 0);

	const struct mmio_device *d = bus_mmio_read(&bus, 0xfee00020ull, data, 4);
	CHECK_STR(d ? d->name : NULL, "apic");
	CHECK_EQ(p.offset, 0x20);
	CHECK_EQ(p.size, 4);
	CHECK_EQ(data[0], 0x30);
	CHECK_EQ(data[3], 0x33);

	const uint8_t out[2] = { 0xab, 0xcd };
	d = bus_mmio_write(&bus, 0xfee00ffeull, out, 2);
	CHECK_STR(d ? d->name : NULL, "apic");
	CHECK_EQ(p.offset, 0xffe);
	CHECK_EQ(p.bytes[0], 0xab);
	CHECK_EQ(p.bytes[1], 0xcd);

	/* Unclaimed: every byte reads 0xff, writes go nowhere. */
	memset(data, 0, sizeof(data));
	CHECK(bus_mmio_read(&bus, 0xd0000000ull, data, 8) == NULL);
	for (int i = 0; i < 8; i++)
		CHECK_EQ(data[i], 0xff);
	CHECK(bus_mmio_write(&bus, 0xd0000000ull, out, 2) == NULL);
	CHECK_EQ(p.writes, 1);

	/* Bytes a device leaves alone read as 0xff, never stale. */
	memset(data, 0, sizeof(data));
	d = bus_mmio_read(&bus, 0xfee01000ull, data, 4);
	CHECK_STR(d ? d->name : NULL, "half");
	CHECK_EQ(data[0], 0x42);
	CHECK_EQ(data[1], 0xff);
	CHECK_EQ(data[3], 0xff);
}

int main(void)
{
	test_pio_dispatch();
	test_pio_masking();
	test_pio_unclaimed();
	test_pio_overlap();
	test_bus_full();
	test_mmio();
	return check_done();
}
