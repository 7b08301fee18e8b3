/* SPDX-License-Identifier: MIT */
/* test_event_serial.c - COM1 output travels in UART records or rides on the
 * OUT exit that produced it; consumers read both the same way. */
#include "check.h"
#include "event.h"

int main(void)
{
	const uint8_t *bytes = NULL;
	struct event uart = { .kind = EVENT_UART, .len = 3, .u.text = "abc" };
	CHECK_EQ(event_serial_bytes(&uart, &bytes), 3);
	CHECK(bytes && bytes[2] == 'c');

	struct event out = { .kind = EVENT_EXIT, .reason = EXIT_IO, .flags = EVENT_F_SERIAL };
	out.u.io.serial_len = 1;
	out.u.io.serial[0] = 'H';
	CHECK_EQ(event_serial_bytes(&out, &bytes), 1);
	CHECK_EQ(bytes[0], 'H');

	out.flags = 0; /* an OUT that sent nothing (DLAB, loopback, another port) */
	CHECK_EQ(event_serial_bytes(&out, &bytes), 0);
	struct event dbg = { .kind = EVENT_DEBUGCON, .len = 2 };
	CHECK_EQ(event_serial_bytes(&dbg, &bytes), 0); /* debugcon is not COM1 */
	struct event state = { .kind = EVENT_STATE };
	CHECK_EQ(event_serial_bytes(&state, &bytes), 0);

	/* A replayed record claiming more than it holds (tests/fuzz/corpus/exits/
	 * crash-serial-len): never more than the record's own bytes. */
	uart.len = 255;
	CHECK_EQ(event_serial_bytes(&uart, &bytes), sizeof(uart.u.text));
	out.flags = EVENT_F_SERIAL;
	out.u.io.serial_len = 200;
	CHECK_EQ(event_serial_bytes(&out, &bytes), sizeof(out.u.io.serial));
	return check_done();
}
