/* SPDX-License-Identifier: MIT */
/* bios_serial.c - int 14h: COM1 through its 16550's registers, as a BIOS
 * drives it (the UART model answers the same ports the guest would use). */
#include "bios.h"
#include "bios_data_area.h"

#define UART_THR 0 /* transmit (write) / receive (read) */
#define UART_LCR 3
#define UART_LSR 5
#define UART_MSR 6
#define LCR_DLAB 0x80
#define LSR_DATA_READY 0x01
#define LSR_ERRORS 0x1e
#define STATUS_TIMEOUT 0x80

static const uint16_t divisors[8] = { 1047, 768, 384, 192, 96, 48, 24, 12 }; /* 110..9600 baud */

static bool port_of(struct bios *b, const struct bios_regs *r, uint16_t *base)
{
	uint16_t dx = bios_dx(r);
	*base = dx < 4 ? bios_peek16(&b->mem, BDA_COM_PORTS + 2u * dx) : 0;
	return *base != 0 && b->host.port_in && b->host.port_out;
}

static uint8_t reg_in(struct bios *b, uint16_t base, uint16_t reg)
{
	return b->host.port_in(b->host.ctx, (uint16_t)(base + reg));
}

static void reg_out(struct bios *b, uint16_t base, uint16_t reg, uint8_t v)
{
	b->host.port_out(b->host.ctx, (uint16_t)(base + reg), v);
}

static void status(struct bios *b, uint16_t base, struct bios_regs *r)
{
	bios_set_ah(r, reg_in(b, base, UART_LSR));
	bios_set_al(r, reg_in(b, base, UART_MSR));
}

/* AH=00h: AL bits 7-5 baud rate, 4-3 parity, 2 stop bits, 1-0 word length. */
static void init(struct bios *b, uint16_t base, struct bios_regs *r)
{
	uint8_t al = bios_al(r);
	uint16_t div = divisors[al >> 5];
	reg_out(b, base, UART_LCR, LCR_DLAB);
	reg_out(b, base, 0, (uint8_t)div);
	reg_out(b, base, 1, (uint8_t)(div >> 8));
	reg_out(b, base, UART_LCR, al & 0x1f);
	status(b, base, r);
}

/* AH=02h: a byte if one came; otherwise the stub waits and asks again. */
static void receive(struct bios *b, uint16_t base, struct bios_regs *r, struct bios_call *call)
{
	uint8_t lsr = reg_in(b, base, UART_LSR);
	if (!(lsr & LSR_DATA_READY)) {
		call->retry = true;
		return;
	}
	bios_set_al(r, reg_in(b, base, UART_THR));
	bios_set_ah(r, lsr & LSR_ERRORS);
	call->detail = bios_al(r);
}

void bios_serial_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint16_t base;
	if (!port_of(b, r, &base)) {
		bios_set_ah(r, STATUS_TIMEOUT); /* no such port: every call times out */
		return;
	}
	switch (bios_ah(r)) {
	case 0x00:
		init(b, base, r);
		return;
	case 0x01:
		reg_out(b, base, UART_THR, bios_al(r)); /* the model's transmitter is always ready */
		call->detail = bios_al(r);
		bios_set_ah(r, reg_in(b, base, UART_LSR) & (uint8_t)~STATUS_TIMEOUT);
		return;
	case 0x02:
		receive(b, base, r, call);
		return;
	case 0x03:
		status(b, base, r);
		return;
	default:
		call->unknown = true;
		bios_set_ah(r, STATUS_TIMEOUT);
		return;
	}
}
