/* SPDX-License-Identifier: MIT */
/* uart16550.c - the 16550A UART's registers, as guest drivers expect them.
 *
 * Behaviour follows the National/TI PC16550D data sheet where a guest can
 * tell the difference; what a guest cannot observe (baud rate, bit timing,
 * the transmit shift register) is left out, so transmit is instant.
 */
#include "uart16550.h"

#include <stddef.h>

/* 9600 baud from the PC's 1.8432 MHz clock: the divisor a BIOS would leave. */
#define UART_RESET_DIVISOR 12

/* What the 16450 mode (FIFO off) has instead of a FIFO: one holding byte. */
static unsigned uart_fifo_capacity(const struct uart16550 *u)
{
	return (u->fcr & UART_FCR_ENABLE) ? UART_FIFO_SIZE : 1;
}

static bool uart_loopback(const struct uart16550 *u)
{
	return u->mcr & UART_MCR_LOOP;
}

static bool uart_fifo_push(struct uart16550 *u, uint8_t byte)
{
	if (u->fifo_count >= uart_fifo_capacity(u))
		return false;
	u->fifo[(u->fifo_head + u->fifo_count) % UART_FIFO_SIZE] = byte;
	u->fifo_count++;
	return true;
}

static uint8_t uart_fifo_pop(struct uart16550 *u)
{
	uint8_t byte;

	if (u->fifo_count == 0)
		return 0; /* an empty RBR: real chips return stale data, 0 is as good */
	byte = u->fifo[u->fifo_head];
	u->fifo_head = (uint8_t)((u->fifo_head + 1) % UART_FIFO_SIZE);
	u->fifo_count--;
	return byte;
}

static void uart_fifo_clear(struct uart16550 *u)
{
	u->fifo_head = 0;
	u->fifo_count = 0;
}

void uart_rx_poll(struct uart16550 *u)
{
	uint8_t byte;

	/* Loopback disconnects the serial input; pulling only while there is
	 * room is what keeps input lossless: the rest waits in the feeder. */
	if (uart_loopback(u) || !u->rx)
		return;
	while (u->fifo_count < uart_fifo_capacity(u) && u->rx(u->rx_ctx, &byte))
		uart_fifo_push(u, byte);
}

/* The modem input lines: a connected, ready peer outside loopback; in
 * loopback the MCR outputs wired back (RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD). */
static uint8_t uart_modem_lines(const struct uart16550 *u)
{
	uint8_t m = u->mcr, lines = 0;

	if (!uart_loopback(u))
		return UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
	if (m & UART_MCR_RTS)
		lines |= UART_MSR_CTS;
	if (m & UART_MCR_DTR)
		lines |= UART_MSR_DSR;
	if (m & UART_MCR_OUT1)
		lines |= UART_MSR_RI;
	if (m & UART_MCR_OUT2)
		lines |= UART_MSR_DCD;
	return lines;
}

/* Delta bits for a change of lines; RI reports only its trailing edge. */
static uint8_t uart_modem_deltas(uint8_t before, uint8_t after)
{
	uint8_t changed = before ^ after, d = 0;

	if (changed & UART_MSR_CTS)
		d |= UART_MSR_DCTS;
	if (changed & UART_MSR_DSR)
		d |= UART_MSR_DDSR;
	if (changed & UART_MSR_DCD)
		d |= UART_MSR_DDCD;
	if ((before & UART_MSR_RI) && !(after & UART_MSR_RI))
		d |= UART_MSR_TERI;
	return d;
}

/* The highest-priority pending interrupt, in the data sheet's order. */
static uint8_t uart_interrupt_id(const struct uart16550 *u)
{
	if ((u->ier & UART_IER_ELSI) && (u->lsr & UART_LSR_OE))
		return UART_IIR_RLS;
	if ((u->ier & UART_IER_ERBFI) && u->fifo_count)
		return UART_IIR_RDA;
	if ((u->ier & UART_IER_ETBEI) && u->thr_interrupt)
		return UART_IIR_THRE;
	if ((u->ier & UART_IER_EDSSI) && (u->msr & 0x0f))
		return UART_IIR_MSR;
	return UART_IIR_NONE;
}

bool uart_interrupt_pending(const struct uart16550 *u)
{
	return uart_interrupt_id(u) != UART_IIR_NONE;
}

void uart_init(struct uart16550 *u, uart_tx_fn tx, void *tx_ctx, uart_rx_fn rx, void *rx_ctx)
{
	u->tx = tx;
	u->tx_ctx = tx_ctx;
	u->rx = rx;
	u->rx_ctx = rx_ctx;
	uart_reset(u);
}

void uart_reset(struct uart16550 *u)
{
	u->ier = 0;
	u->fcr = 0;
	u->lcr = 0;
	u->mcr = 0;
	u->scr = 0;
	u->dll = UART_RESET_DIVISOR;
	u->dlm = 0;
	u->lsr = 0;
	u->msr = 0;
	u->thr_interrupt = false;
	uart_fifo_clear(u);
}

static uint8_t uart_read_rbr(struct uart16550 *u)
{
	uart_rx_poll(u);
	return uart_fifo_pop(u);
}

/* Reading IIR while it names THRE is what acknowledges that interrupt. */
static uint8_t uart_read_iir(struct uart16550 *u)
{
	uint8_t id;

	uart_rx_poll(u);
	id = uart_interrupt_id(u);
	if (id == UART_IIR_THRE)
		u->thr_interrupt = false;
	return id | ((u->fcr & UART_FCR_ENABLE) ? UART_IIR_FIFO : 0);
}

/* OE is sticky until the guest has seen it once. */
static uint8_t uart_read_lsr(struct uart16550 *u)
{
	uint8_t v;

	uart_rx_poll(u);
	v = UART_LSR_THRE | UART_LSR_TEMT | (u->lsr & UART_LSR_OE);
	if (u->fifo_count)
		v |= UART_LSR_DR;
	u->lsr &= (uint8_t)~UART_LSR_OE;
	return v;
}

/* Reading MSR acknowledges the changes it reports. */
static uint8_t uart_read_msr(struct uart16550 *u)
{
	uint8_t v = uart_modem_lines(u) | (u->msr & 0x0f);

	u->msr &= (uint8_t)~0x0f;
	return v;
}

uint8_t uart_read(struct uart16550 *u, unsigned offset)
{
	bool dlab = u->lcr & UART_LCR_DLAB;

	switch (offset) {
	case UART_RBR: return dlab ? u->dll : uart_read_rbr(u);
	case UART_IER: return dlab ? u->dlm : u->ier;
	case UART_IIR: return uart_read_iir(u);
	case UART_LCR: return u->lcr;
	case UART_MCR: return u->mcr;
	case UART_LSR: return uart_read_lsr(u);
	case UART_MSR: return uart_read_msr(u);
	case UART_SCR: return u->scr;
	default: return 0xff; /* not a register: the bus floats high */
	}
}

/* The holding register empties at once, so every write re-arms THRE. */
static void uart_write_thr(struct uart16550 *u, uint8_t value)
{
	if (uart_loopback(u)) {
		if (!uart_fifo_push(u, value))
			u->lsr |= UART_LSR_OE; /* the new byte is the one lost */
	} else if (u->tx) {
		u->tx(u->tx_ctx, value);
	}
	u->thr_interrupt = true;
}

/* Enabling ETBEI while the holding register is empty raises THRE at once:
 * Linux's 8250 driver starts transmitting by doing exactly that. */
static void uart_write_ier(struct uart16550 *u, uint8_t value)
{
	uint8_t old = u->ier;

	u->ier = value & UART_IER_MASK;
	if (!(old & UART_IER_ETBEI) && (u->ier & UART_IER_ETBEI))
		u->thr_interrupt = true;
}

/* Switching the FIFOs on or off empties them; with FIFO off the other bits
 * are not programmed (data sheet: FCR0 must be 1 to write them). */
static void uart_write_fcr(struct uart16550 *u, uint8_t value)
{
	if ((value ^ u->fcr) & UART_FCR_ENABLE)
		uart_fifo_clear(u);
	if (!(value & UART_FCR_ENABLE)) {
		u->fcr = 0;
		return;
	}
	if (value & UART_FCR_CLEAR_RX)
		uart_fifo_clear(u);
	/* CLEAR_TX has nothing to do: transmit is instant. The clear bits
	 * self-reset; keep enable, DMA mode and trigger level. */
	u->fcr = value & (uint8_t)~(UART_FCR_CLEAR_RX | UART_FCR_CLEAR_TX);
}

static void uart_write_mcr(struct uart16550 *u, uint8_t value)
{
	uint8_t before = uart_modem_lines(u);

	u->mcr = value & UART_MCR_MASK;
	u->msr |= uart_modem_deltas(before, uart_modem_lines(u));
}

void uart_write(struct uart16550 *u, unsigned offset, uint8_t value)
{
	bool dlab = u->lcr & UART_LCR_DLAB;

	switch (offset) {
	case UART_THR:
		if (dlab)
			u->dll = value;
		else
			uart_write_thr(u, value);
		break;
	case UART_IER:
		if (dlab)
			u->dlm = value;
		else
			uart_write_ier(u, value);
		break;
	case UART_FCR: uart_write_fcr(u, value); break;
	case UART_LCR: u->lcr = value; break;
	case UART_MCR: uart_write_mcr(u, value); break;
	case UART_SCR: u->scr = value; break;
	default: break; /* LSR and MSR are read-only (LSR writes are factory test) */
	}
}

uint32_t uart_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)size; /* wide reads see only the first register: see the header */
	return uart_read(ctx, offset);
}

void uart_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)size;
	uart_write(ctx, offset, (uint8_t)value);
}
