/* SPDX-License-Identifier: MIT */
/* test_input_route.c - where a pipe's input goes with the BIOS and no
 * --keyboard: decided by the guest's first input read, from its exits. */
#include "check.h"
#include "input_route.h"

static struct event io(uint16_t port, uint8_t dir, uint8_t data)
{
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_EXIT;
	ev.reason = EXIT_IO;
	ev.u.io.port = port;
	ev.u.io.dir = dir;
	ev.u.io.size = 1;
	ev.u.io.count = 1;
	ev.u.io.data[0] = data;
	return ev;
}

static struct event bios(uint8_t vector, uint8_t result)
{
	struct event ev = io(0xef, IO_OUT, 0);
	ev.flags = EVENT_F_BIOS;
	ev.u.bios.vector = vector;
	ev.u.bios.result = result;
	return ev;
}

static int route(struct event ev)
{
	enum input_target t = (enum input_target)-1;
	if (!input_route_from_exit(&ev, &t))
		return -1;
	return (int)t;
}

int main(void)
{
	/* COM1: its receiver, its line status, its receive interrupt, int 14h. */
	CHECK_EQ(route(io(0x3f8, IO_IN, 0)), INPUT_TO_UART);
	CHECK_EQ(route(io(0x3fd, IO_IN, 0x60)), INPUT_TO_UART);
	CHECK_EQ(route(io(0x3f9, IO_OUT, 0x01)), INPUT_TO_UART);
	CHECK_EQ(route(bios(0x14, 0)), INPUT_TO_UART);
	/* Printing is not reading: hello's OUTs decide nothing. */
	CHECK_EQ(route(io(0x3f8, IO_OUT, 'H')), -1);
	CHECK_EQ(route(io(0x3f9, IO_OUT, 0x00)), -1);
	CHECK_EQ(route(io(0x3fb, IO_OUT, 0x03)), -1);
	/* The keyboard: int 16h, the 8042's ports. */
	CHECK_EQ(route(bios(0x16, BIOS_EV_RETRY)), INPUT_TO_KBC);
	CHECK_EQ(route(io(0x60, IO_IN, 0x1e)), INPUT_TO_KBC);
	CHECK_EQ(route(io(0x64, IO_IN, 0x1c)), INPUT_TO_KBC);
	/* int 9's trap follows a key already sent: not the guest asking. */
	CHECK_EQ(route(bios(0x09, BIOS_EV_IRQ)), -1);
	/* Other BIOS calls and exits decide nothing. */
	CHECK_EQ(route(bios(0x10, 0)), -1);
	CHECK_EQ(route(io(0x20, IO_OUT, 0x20)), -1);
	struct event hlt;
	memset(&hlt, 0, sizeof hlt);
	hlt.kind = EVENT_EXIT;
	hlt.reason = EXIT_HLT;
	CHECK_EQ(route(hlt), -1);
	struct event text = io(0x60, IO_IN, 0);
	text.kind = EVENT_UART;
	CHECK_EQ(route(text), -1);
	return check_done();
}
