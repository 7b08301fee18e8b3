/* SPDX-License-Identifier: MIT */
/* uart16550.h - a 16550A UART, the PC serial port (COM1 at 0x3f8).
 *
 * Registers by offset: 0 THR/RBR (DLL when LCR.DLAB), 1 IER (DLM when DLAB),
 * 2 IIR (read) / FCR (write), 3 LCR, 4 MCR, 5 LSR, 6 MSR, 7 SCR.
 * Transmit is instant (THRE and TEMT always set after a write); bytes leave
 * through the tx callback. Received bytes come from the rx callback into
 * the receive FIFO as the guest looks (reads of RBR, LSR or IIR, or
 * uart_rx_poll), and only while the FIFO has room, so no byte is ever lost:
 * the feeder's queue simply waits. In MCR loopback the receiver is cut off
 * from rx and is fed by THR instead.
 *
 * The FIFO holds 16 bytes when FCR enabled it, 1 byte (the 16450's holding
 * register) when not. Because bytes arrive on demand, "data available" is
 * reported from the first byte: the FCR trigger level is stored, not used.
 *
 * uart_interrupt_pending() is the chip's INTR output. On a PC the board
 * routes it to IRQ 4 only while MCR.OUT2 is set and loopback is off; that
 * gate is the caller's business.
 */
#ifndef KVMTUI_UART16550_H
#define KVMTUI_UART16550_H

#include <stdbool.h>
#include <stdint.h>

#define UART_COM1_BASE 0x3f8
#define UART_NREGS 8
#define UART_FIFO_SIZE 16

enum uart_reg {
	UART_RBR = 0, UART_THR = 0, UART_DLL = 0,
	UART_IER = 1, UART_DLM = 1,
	UART_IIR = 2, UART_FCR = 2,
	UART_LCR = 3, UART_MCR = 4, UART_LSR = 5, UART_MSR = 6, UART_SCR = 7,
};

/* Interrupt enable bits */
#define UART_IER_ERBFI 0x01 /* receive data available */
#define UART_IER_ETBEI 0x02 /* transmit holding register empty */
#define UART_IER_ELSI 0x04  /* receiver line status (overrun) */
#define UART_IER_EDSSI 0x08 /* modem status change */
#define UART_IER_MASK 0x0f

/* Interrupt identification values (low nibble) and the FIFO-enabled bits */
#define UART_IIR_NONE 0x01
#define UART_IIR_MSR 0x00
#define UART_IIR_THRE 0x02
#define UART_IIR_RDA 0x04
#define UART_IIR_RLS 0x06
#define UART_IIR_FIFO 0xc0

/* FIFO control bits */
#define UART_FCR_ENABLE 0x01
#define UART_FCR_CLEAR_RX 0x02
#define UART_FCR_CLEAR_TX 0x04

/* Line status bits */
#define UART_LSR_DR 0x01
#define UART_LSR_OE 0x02
#define UART_LSR_THRE 0x20
#define UART_LSR_TEMT 0x40
#define UART_LCR_DLAB 0x80

/* Modem control bits */
#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08
#define UART_MCR_LOOP 0x10
#define UART_MCR_MASK 0x1f

/* Modem status bits: deltas in the low nibble, line states in the high one */
#define UART_MSR_DCTS 0x01
#define UART_MSR_DDSR 0x02
#define UART_MSR_TERI 0x04
#define UART_MSR_DDCD 0x08
#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

typedef void (*uart_tx_fn)(void *ctx, uint8_t byte);
typedef bool (*uart_rx_fn)(void *ctx, uint8_t *byte); /* false: nothing to receive */

/* The fields are the device's state; use the functions below. */
struct uart16550 {
	uint8_t ier, fcr, lcr, mcr, scr, dll, dlm;
	uint8_t lsr;       /* only the sticky OE bit; the others are computed */
	uint8_t msr;       /* only the delta bits; the line states are computed */
	uint8_t fifo[UART_FIFO_SIZE];
	uint8_t fifo_head, fifo_count;
	bool thr_interrupt; /* THRE interrupt pending (cleared by reading IIR) */
	uart_tx_fn tx;
	void *tx_ctx;
	uart_rx_fn rx;
	void *rx_ctx;
};

/* tx and rx may be NULL: output discarded, nothing ever received. */
void uart_init(struct uart16550 *u, uart_tx_fn tx, void *tx_ctx, uart_rx_fn rx, void *rx_ctx);
void uart_reset(struct uart16550 *u); /* power-on values, keeps the callbacks */
uint8_t uart_read(struct uart16550 *u, unsigned offset);
void uart_write(struct uart16550 *u, unsigned offset, uint8_t value);
bool uart_interrupt_pending(const struct uart16550 *u);
/* Pulls from rx while the FIFO has room, as a guest read would; lets the
 * caller see pending input (and a receive interrupt) before the guest looks. */
void uart_rx_poll(struct uart16550 *u);

/* Adapters for bus_add_pio (ctx is the struct uart16550). A 2- or 4-byte
 * access acts on the register at its first port only (a read returns that
 * register zero-extended; a write uses the low byte), so a wide access never
 * touches a neighbour register's side effects. */
uint32_t uart_pio_read(void *ctx, uint16_t offset, uint8_t size);
void uart_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

#endif
