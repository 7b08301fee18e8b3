/* SPDX-License-Identifier: MIT */
/* input_route.c - the guest's first input read, from its exit records. */
#include "input_route.h"

#define COM1_RBR 0x3f8 /* receiver buffer (read) */
#define COM1_IER 0x3f9 /* interrupt enable: bit 0, data received */
#define COM1_LSR 0x3fd /* line status: bit 0, data ready */
#define IER_RX 0x01
#define KBC_DATA 0x60
#define KBC_STATUS 0x64
#define INT_SERIAL 0x14
#define INT_KEYBOARD 0x16

static bool from_bios(const struct event *ev, enum input_target *out)
{
	/* int 9's own trap follows a key: it is not the guest asking. */
	if (ev->u.bios.result & BIOS_EV_IRQ)
		return false;
	if (ev->u.bios.vector == INT_KEYBOARD)
		*out = INPUT_TO_KBC;
	else if (ev->u.bios.vector == INT_SERIAL)
		*out = INPUT_TO_UART;
	else
		return false;
	return true;
}

static bool from_port(const struct event *ev, enum input_target *out)
{
	uint16_t port = ev->u.io.port;
	bool in = ev->u.io.dir == IO_IN;
	/* A write to 0x3f9 with bit 0 may also be the divisor's high byte
	 * (DLAB set); a guest setting 256+ divisors is rare enough, and it
	 * still means the guest is setting up COM1. */
	if ((in && (port == COM1_RBR || port == COM1_LSR)) || (!in && port == COM1_IER && (ev->u.io.data[0] & IER_RX)))
		*out = INPUT_TO_UART;
	else if (port == KBC_DATA || port == KBC_STATUS)
		*out = INPUT_TO_KBC;
	else
		return false;
	return true;
}

bool input_route_from_exit(const struct event *ev, enum input_target *out)
{
	if (ev->kind != EVENT_EXIT || ev->reason != EXIT_IO)
		return false;
	return ev->flags & EVENT_F_BIOS ? from_bios(ev, out) : from_port(ev, out);
}
