/* SPDX-License-Identifier: MIT */
/* port_names.h - what lives at a PC I/O port, in a student's words.
 *
 * The exit log says "out 0x3f8 COM1 THR" rather than a bare number, so a
 * class can tell the UART from the PIC without a datasheet. Pure.
 */
#ifndef KVMTUI_PORT_NAMES_H
#define KVMTUI_PORT_NAMES_H

#include <stdint.h>

struct port_name {
	const char *short_name; /* "COM1 THR", "PIC1 cmd", "debugcon"; NULL if unknown */
	const char *long_name;  /* "16550 UART COM1: transmit holding register" */
};

/* dir: enum io_direction. UART registers read and write different things
 * at the same offset (THR/RBR, FCR/IIR). */
struct port_name port_name_of(uint16_t port, int dir);

#endif
