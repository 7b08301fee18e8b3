/* SPDX-License-Identifier: MIT */
/* test_debug_ports.c - debugcon bytes and the isa-debug-exit status encoding. */
#include "bus.h"
#include "check.h"
#include "debug_ports.h"

struct sink {
	char text[64];
	int n;
	int status, exits;
};

static void sink_out(void *ctx, uint8_t byte)
{
	struct sink *s = ctx;
	s->text[s->n++] = (char)byte;
}

static void sink_exit(void *ctx, int status)
{
	struct sink *s = ctx;
	s->status = status;
	s->exits++;
}

static void test_status_encoding(void)
{
	CHECK_EQ(debug_exit_status(0, 1), 1);
	CHECK_EQ(debug_exit_status(1, 1), 3);
	CHECK_EQ(debug_exit_status(0x10, 1), 0x21);
	CHECK_EQ(debug_exit_status(0xff, 1), 0x1ff);
	/* v is masked to the access size before the shift. */
	CHECK_EQ(debug_exit_status(0x1234, 1), 0x69);
	CHECK_EQ(debug_exit_status(0x1234, 2), 0x2469);
	CHECK_EQ(debug_exit_status(0xabcd1234, 2), 0x2469);
	CHECK_EQ(debug_exit_status(0xffff, 2), 0x1ffff);
	CHECK_EQ(debug_exit_status(0x12345678, 4), 0x2468acf1);
	CHECK_EQ(debug_exit_status(0x00abcdef, 4), 0x01579bdf);
}

static void test_debug_exit_port(void)
{
	struct bus bus;
	struct debug_exit de;
	struct sink s = { 0 };

	bus_init(&bus);
	debug_exit_init(&de, sink_exit, &s);
	CHECK_EQ(bus_add_pio(&bus, DEBUG_EXIT_PORT, 1, "isa-debug-exit", &de,
			     NULL, debug_exit_pio_write), 0);
	bus_pio_write(&bus, DEBUG_EXIT_PORT, 1, 0x31);
	CHECK_EQ(s.exits, 1);
	CHECK_EQ(s.status, 0x63);
	bus_pio_write(&bus, DEBUG_EXIT_PORT, 2, 0x0102);
	CHECK_EQ(s.exits, 2);
	CHECK_EQ(s.status, 0x205);
	bus_pio_write(&bus, DEBUG_EXIT_PORT, 4, 0x00010000);
	CHECK_EQ(s.status, 0x20001);
	/* Reading the port is harmless: nothing answers but the bus. */
	uint32_t v = 0;
	bus_pio_read(&bus, DEBUG_EXIT_PORT, 1, &v);
	CHECK_EQ(v, 0xff);
	CHECK_EQ(s.exits, 3);

	/* No callback: the write is simply ignored. */
	debug_exit_init(&de, NULL, NULL);
	debug_exit_pio_write(&de, 0, 1, 1);
	CHECK_EQ(s.exits, 3);
}

static void test_debugcon(void)
{
	struct bus bus;
	struct debugcon dc;
	struct sink s = { 0 };
	uint32_t v = 0;

	bus_init(&bus);
	debugcon_init(&dc, sink_out, &s);
	CHECK_EQ(bus_add_pio(&bus, DEBUGCON_PORT, 1, "debugcon", &dc,
			     debugcon_pio_read, debugcon_pio_write), 0);
	bus_pio_write(&bus, DEBUGCON_PORT, 1, 'o');
	bus_pio_write(&bus, DEBUGCON_PORT, 2, 0x4b00 | 'k'); /* only the low byte */
	bus_pio_write(&bus, DEBUGCON_PORT, 4, 0x41424300 | '\n');
	CHECK_EQ(s.n, 3);
	CHECK_STR(s.text, "ok\n");
	bus_pio_read(&bus, DEBUGCON_PORT, 1, &v);
	CHECK_EQ(v, 0xe9);
	bus_pio_read(&bus, DEBUGCON_PORT, 2, &v);
	CHECK_EQ(v, 0xe9);
	CHECK_EQ(s.n, 3); /* reads print nothing */

	debugcon_init(&dc, NULL, NULL);
	debugcon_pio_write(&dc, 0, 1, 'x');
	CHECK_EQ(s.n, 3);
}

int main(void)
{
	test_status_encoding();
	test_debug_exit_port();
	test_debugcon();
	return check_done();
}
