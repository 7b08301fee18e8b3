/* SPDX-License-Identifier: MIT */
/* port_names.c - names for the I/O ports a PC guest commonly touches. */
#include "port_names.h"

#include <stddef.h>

#include "event.h"

#define COM1_BASE 0x3f8
#define COM2_BASE 0x2f8

/* What each 16550 register offset does; reads and writes differ at 0 and 2. */
static const struct {
	const char *out, *in;
} uart_regs[8] = {
	{ "transmit holding register (a byte to send)", "receive buffer register (a byte received)" },
	{ "interrupt enable register", "interrupt enable register" },
	{ "FIFO control register", "interrupt identification register" },
	{ "line control register (DLAB, word length)", "line control register (DLAB, word length)" },
	{ "modem control register", "modem control register" },
	{ "line status register", "line status register (THR empty, data ready)" },
	{ "modem status register", "modem status register" },
	{ "scratch register", "scratch register" },
};

static struct port_name port_name_uart(int com, uint16_t offset, int dir)
{
	static const char *const shorts[2][2][8] = {
		{ { "COM1 THR", "COM1 IER", "COM1 FCR", "COM1 LCR", "COM1 MCR", "COM1 LSR", "COM1 MSR", "COM1 SCR" },
		  { "COM1 RBR", "COM1 IER", "COM1 IIR", "COM1 LCR", "COM1 MCR", "COM1 LSR", "COM1 MSR", "COM1 SCR" } },
		{ { "COM2 THR", "COM2 IER", "COM2 FCR", "COM2 LCR", "COM2 MCR", "COM2 LSR", "COM2 MSR", "COM2 SCR" },
		  { "COM2 RBR", "COM2 IER", "COM2 IIR", "COM2 LCR", "COM2 MCR", "COM2 LSR", "COM2 MSR", "COM2 SCR" } },
	};
	int in = dir == IO_IN;
	return (struct port_name){
		shorts[com][in][offset],
		in ? uart_regs[offset].in : uart_regs[offset].out,
	};
}

static const struct {
	uint16_t first, last;
	struct port_name name;
} fixed_ports[] = {
	{ 0x20, 0x21, { "PIC1", "8259 interrupt controller (master)" } },
	{ 0xa0, 0xa1, { "PIC2", "8259 interrupt controller (slave)" } },
	{ 0x40, 0x42, { "PIT", "8254 timer counter" } },
	{ 0x43, 0x43, { "PIT ctl", "8254 timer mode/command register" } },
	{ 0x60, 0x60, { "KBD data", "8042 keyboard controller data" } },
	{ 0x64, 0x64, { "KBD ctl", "8042 keyboard controller status/command" } },
	{ 0x61, 0x61, { "NMI/spkr", "system control port B (speaker, NMI status)" } },
	{ 0x70, 0x70, { "CMOS idx", "CMOS/RTC index (bit 7 masks NMI)" } },
	{ 0x71, 0x71, { "CMOS data", "CMOS/RTC data" } },
	{ 0x80, 0x80, { "POST", "POST diagnostic port (often used as an I/O delay)" } },
	{ 0x92, 0x92, { "A20", "system control port A (fast A20 gate, reset)" } },
	{ 0xe9, 0xe9, { "debugcon", "Bochs/QEMU debug console (a byte to print)" } },
	{ 0xf4, 0xf4, { "debug-exit", "isa-debug-exit: ends the run with status (v<<1)|1" } },
	{ 0xcf8, 0xcfb, { "PCI addr", "PCI configuration address" } },
	{ 0xcfc, 0xcff, { "PCI data", "PCI configuration data" } },
};

struct port_name port_name_of(uint16_t port, int dir)
{
	if (port >= COM1_BASE && port < COM1_BASE + 8)
		return port_name_uart(0, port - COM1_BASE, dir);
	if (port >= COM2_BASE && port < COM2_BASE + 8)
		return port_name_uart(1, port - COM2_BASE, dir);
	for (size_t i = 0; i < sizeof(fixed_ports) / sizeof(fixed_ports[0]); i++)
		if (port >= fixed_ports[i].first && port <= fixed_ports[i].last)
			return fixed_ports[i].name;
	return (struct port_name){ NULL, NULL };
}
