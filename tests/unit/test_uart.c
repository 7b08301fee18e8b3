/* SPDX-License-Identifier: MIT */
/* test_uart.c - the 16550A's registers as a guest driver sees them. */
#include "check.h"
#include "uart16550.h"

/* A fake serial line: bytes the guest sent, bytes waiting to be received. */
struct line {
	uint8_t sent[256];
	int nsent;
	uint8_t input[256];
	int ninput, taken, rx_calls;
};

static void line_tx(void *ctx, uint8_t byte)
{
	struct line *l = ctx;
	l->sent[l->nsent++] = byte;
}

static bool line_rx(void *ctx, uint8_t *byte)
{
	struct line *l = ctx;
	l->rx_calls++;
	if (l->taken >= l->ninput)
		return false;
	*byte = l->input[l->taken++];
	return true;
}

static void line_type(struct line *l, const char *text)
{
	while (*text)
		l->input[l->ninput++] = (uint8_t)*text++;
}

static void setup(struct uart16550 *u, struct line *l)
{
	memset(l, 0, sizeof(*l));
	memset(u, 0xa5, sizeof(*u)); /* garbage: init must set every register */
	uart_init(u, line_tx, l, line_rx, l);
}

static void test_reset_values(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	CHECK_EQ(uart_read(&u, UART_IER), 0);
	CHECK_EQ(uart_read(&u, UART_IIR), 0x01);
	CHECK_EQ(uart_read(&u, UART_LCR), 0);
	CHECK_EQ(uart_read(&u, UART_MCR), 0);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_MSR), 0xb0);
	CHECK_EQ(uart_read(&u, UART_SCR), 0);
	CHECK(!uart_interrupt_pending(&u));

	/* Dirty everything, then reset: power-on values again, callbacks kept. */
	uart_write(&u, UART_FCR, 0x01);
	uart_write(&u, UART_IER, 0x0f);
	uart_write(&u, UART_MCR, 0x1f);
	uart_write(&u, UART_THR, 'x');
	uart_write(&u, UART_SCR, 0x42);
	uart_write(&u, UART_LCR, 0x83);
	uart_write(&u, UART_DLL, 0x01);
	uart_reset(&u);
	CHECK_EQ(uart_read(&u, UART_LCR), 0);
	CHECK_EQ(uart_read(&u, UART_IER), 0);
	CHECK_EQ(uart_read(&u, UART_IIR), 0x01);
	CHECK_EQ(uart_read(&u, UART_MCR), 0);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_MSR), 0xb0);
	CHECK_EQ(uart_read(&u, UART_SCR), 0);
	uart_write(&u, UART_LCR, UART_LCR_DLAB);
	CHECK_EQ(uart_read(&u, UART_DLL), 12);
	CHECK_EQ(uart_read(&u, UART_DLM), 0);
	uart_write(&u, UART_LCR, 0);
	uart_write(&u, UART_THR, 'y');
	CHECK_EQ(l.nsent, 1);
	CHECK_EQ(l.sent[0], 'y');
}

static void test_transmit(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_THR, 'H');
	uart_write(&u, UART_THR, 'i');
	CHECK_EQ(l.nsent, 2);
	CHECK_EQ(l.sent[0], 'H');
	CHECK_EQ(l.sent[1], 'i');
	CHECK_EQ(uart_read(&u, UART_LSR) & 0x60, 0x60);

	/* No callbacks at all: nothing crashes, output is discarded. */
	uart_init(&u, NULL, NULL, NULL, NULL);
	uart_write(&u, UART_THR, 'z');
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_RBR), 0);
}

static void test_dlab(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_IER, 0x05);
	uart_write(&u, UART_LCR, 0x83); /* DLAB + 8N1 */
	uart_write(&u, UART_DLL, 0x01);
	uart_write(&u, UART_DLM, 0x02);
	CHECK_EQ(uart_read(&u, UART_DLL), 0x01);
	CHECK_EQ(uart_read(&u, UART_DLM), 0x02);
	CHECK_EQ(l.nsent, 0); /* a DLL write is not a transmit */
	CHECK_EQ(uart_read(&u, UART_LCR), 0x83);

	uart_write(&u, UART_LCR, 0x03);
	CHECK_EQ(uart_read(&u, UART_IER), 0x05); /* IER untouched by DLM */
	uart_write(&u, UART_THR, 'a');
	CHECK_EQ(l.nsent, 1);
	uart_write(&u, UART_LCR, 0x83);
	CHECK_EQ(uart_read(&u, UART_DLL), 0x01); /* THR write did not touch DLL */
	CHECK_EQ(uart_read(&u, UART_DLM), 0x02);
}

static void test_ier_scr_lcr_mcr(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_IER, 0xff);
	CHECK_EQ(uart_read(&u, UART_IER), 0x0f);
	uart_write(&u, UART_SCR, 0x5a);
	CHECK_EQ(uart_read(&u, UART_SCR), 0x5a);
	uart_write(&u, UART_SCR, 0xa5);
	CHECK_EQ(uart_read(&u, UART_SCR), 0xa5);
	uart_write(&u, UART_LCR, 0x1b);
	CHECK_EQ(uart_read(&u, UART_LCR), 0x1b);
	uart_write(&u, UART_MCR, 0xff);
	CHECK_EQ(uart_read(&u, UART_MCR), 0x1f);
	uart_write(&u, UART_MCR, 0x0b);
	CHECK_EQ(uart_read(&u, UART_MCR), 0x0b);
	/* LSR and MSR ignore writes (the first MSR read takes the deltas
	 * the loopback excursion above caused). */
	uart_read(&u, UART_MSR);
	uart_write(&u, UART_LSR, 0x00);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	uart_write(&u, UART_MSR, 0x00);
	CHECK_EQ(uart_read(&u, UART_MSR), 0xb0);
}

static void test_receive_fifo_order(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	line_type(&l, "abc");
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(uart_read(&u, UART_RBR), 'a');
	CHECK_EQ(uart_read(&u, UART_RBR), 'b');
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(uart_read(&u, UART_RBR), 'c');
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_RBR), 0); /* empty */
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
}

/* The FIFO takes 16 and no more; the rest stays with the feeder, unlost. */
static void test_fifo_bound_and_lossless(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	line_type(&l, "0123456789ABCDEFGHIJ"); /* 20 bytes */
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(l.taken, 16);
	CHECK_EQ(u.fifo_count, 16);

	/* A full FIFO does not ask the feeder again. */
	int calls = l.rx_calls;
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(l.rx_calls, calls);
	CHECK_EQ(l.taken, 16);

	/* One read makes room for exactly one more. */
	CHECK_EQ(uart_read(&u, UART_RBR), '0');
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(l.taken, 17);

	char got[32] = { 0 };
	int n = 0;
	while ((uart_read(&u, UART_LSR) & UART_LSR_DR) && n < 30)
		got[n++] = (char)uart_read(&u, UART_RBR);
	CHECK_EQ(n, 19);
	CHECK_STR(got, "123456789ABCDEFGHIJ");
	CHECK_EQ(l.taken, 20);
	CHECK_EQ(uart_read(&u, UART_LSR) & UART_LSR_OE, 0);
}

/* Without the FIFO (16450 mode) there is one holding byte. */
static void test_no_fifo_holds_one(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	line_type(&l, "xyz");
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(l.taken, 1);
	CHECK_EQ(uart_read(&u, UART_RBR), 'x');
	CHECK_EQ(uart_read(&u, UART_RBR), 'y'); /* RBR read also pulls */
	CHECK_EQ(l.taken, 2);
	CHECK_EQ(uart_read(&u, UART_IIR), 0x01); /* no 0xC0: FIFO off */
}

/* The feeder is asked only when the guest looks, never on its own. */
static void test_rx_pull_when_looking(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	line_type(&l, "q");
	uart_write(&u, UART_SCR, 1);
	uart_read(&u, UART_SCR);
	uart_read(&u, UART_LCR);
	CHECK_EQ(l.rx_calls, 0);
	uart_rx_poll(&u);
	CHECK_EQ(l.taken, 1);
	CHECK_EQ(u.fifo_count, 1);
	CHECK_EQ(uart_read(&u, UART_RBR), 'q');
}

static void test_loopback(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	line_type(&l, "ZZ"); /* the outside line: cut off in loopback */
	uart_write(&u, UART_MCR, UART_MCR_LOOP);
	uart_write(&u, UART_THR, 'L');
	uart_write(&u, UART_THR, 'b');
	CHECK_EQ(l.nsent, 0);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	CHECK_EQ(uart_read(&u, UART_RBR), 'L');
	CHECK_EQ(uart_read(&u, UART_RBR), 'b');
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(l.taken, 0);
	CHECK_EQ(l.rx_calls, 0);

	/* Overflow: 16 kept, the 17th lost and reported once as OE. */
	for (int i = 0; i < 17; i++)
		uart_write(&u, UART_THR, (uint8_t)('a' + i));
	CHECK_EQ(uart_read(&u, UART_LSR), 0x63);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61); /* OE cleared by reading LSR */
	int n = 0;
	uint8_t last = 0;
	while (uart_read(&u, UART_LSR) & UART_LSR_DR) {
		last = uart_read(&u, UART_RBR);
		n++;
	}
	CHECK_EQ(n, 16);
	CHECK_EQ(last, 'p'); /* 'q', the 17th, is the one lost */

	/* Out of loopback, the line is connected again. */
	uart_write(&u, UART_MCR, 0);
	uart_write(&u, UART_THR, '!');
	CHECK_EQ(l.nsent, 1);
	CHECK_EQ(uart_read(&u, UART_RBR), 'Z');
}

static void test_loopback_msr(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	/* What Linux's 8250 probe does: loopback + RTS + OUT2 reads CTS + DCD. */
	uart_write(&u, UART_MCR, UART_MCR_LOOP | 0x0a);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, 0x90);
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_DTR);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, UART_MSR_DSR);
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_OUT1);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, UART_MSR_RI);
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_RTS);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, UART_MSR_CTS);
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_OUT2);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, UART_MSR_DCD);
	uart_write(&u, UART_MCR, UART_MCR_LOOP);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, 0);

	/* Delta bits: set by a change, cleared by reading MSR; RI only on
	 * its trailing edge. */
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_RTS | UART_MCR_OUT1);
	CHECK_EQ(uart_read(&u, UART_MSR), UART_MSR_CTS | UART_MSR_RI | UART_MSR_DCTS);
	CHECK_EQ(uart_read(&u, UART_MSR), UART_MSR_CTS | UART_MSR_RI);
	uart_write(&u, UART_MCR, UART_MCR_LOOP);
	CHECK_EQ(uart_read(&u, UART_MSR), UART_MSR_DCTS | UART_MSR_TERI);

	uart_write(&u, UART_MCR, 0);
	CHECK_EQ(uart_read(&u, UART_MSR) & 0xf0, 0xb0);
}

static void test_iir_priorities(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);

	/* Enabling ETBEI with an empty THR raises THRE at once. */
	uart_write(&u, UART_IER, UART_IER_ETBEI);
	CHECK(uart_interrupt_pending(&u));
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc2);
	/* Reading IIR acknowledged it. */
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
	CHECK(!uart_interrupt_pending(&u));
	/* Each write re-arms it: transmit is instant. */
	uart_write(&u, UART_THR, 'a');
	CHECK(uart_interrupt_pending(&u));
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc2);

	/* Receive data outranks THRE, and reading IIR then keeps THRE pending. */
	uart_write(&u, UART_IER, UART_IER_ETBEI | UART_IER_ERBFI);
	uart_write(&u, UART_THR, 'b');
	line_type(&l, "k");
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc4);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc4);
	CHECK_EQ(uart_read(&u, UART_RBR), 'k');
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc2);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);

	/* A pending THRE with ETBEI off is not reported; enabling it again
	 * reports it. */
	uart_write(&u, UART_IER, UART_IER_ETBEI);
	uart_write(&u, UART_THR, 'c');
	uart_write(&u, UART_IER, 0);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
	CHECK(!uart_interrupt_pending(&u));
	uart_write(&u, UART_IER, UART_IER_ETBEI);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc2);

	/* Data without ERBFI is no interrupt. */
	uart_write(&u, UART_IER, 0);
	line_type(&l, "m");
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
	CHECK_EQ(uart_read(&u, UART_RBR), 'm');
}

/* The interrupt sources the task list does not name, still 16550A's. */
static void test_iir_line_and_modem_status(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	uart_write(&u, UART_MCR, UART_MCR_LOOP);
	uart_read(&u, UART_MSR); /* entering loopback changed the lines */
	uart_write(&u, UART_IER, UART_IER_ELSI | UART_IER_ERBFI | UART_IER_EDSSI);
	for (int i = 0; i < 17; i++)
		uart_write(&u, UART_THR, 'o');
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc6); /* overrun outranks data */
	CHECK_EQ(uart_read(&u, UART_LSR) & UART_LSR_OE, UART_LSR_OE);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc4);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RX);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
	uart_write(&u, UART_MCR, UART_MCR_LOOP | UART_MCR_DTR);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc0); /* modem status */
	uart_read(&u, UART_MSR);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
}

static void test_fcr(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_write(&u, UART_MCR, UART_MCR_LOOP);
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	uart_write(&u, UART_THR, '1');
	uart_write(&u, UART_THR, '2');
	/* Clearing TX only leaves the receive side alone. */
	uart_write(&u, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_TX);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x61);
	/* Clearing RX empties it and keeps the FIFO on. */
	uart_write(&u, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RX);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_IIR), 0xc1);
	/* Clear bits self-reset: a later FIFO write does not clear again. */
	uart_write(&u, UART_THR, '3');
	uart_write(&u, UART_FCR, UART_FCR_ENABLE | 0xc0);
	CHECK_EQ(uart_read(&u, UART_RBR), '3');
	CHECK_EQ(u.fcr, 0xc1);

	/* Clear bits without FCR0 are not programmed; turning the FIFO off
	 * empties it all the same, and IIR loses its FIFO bits. */
	uart_write(&u, UART_THR, '4');
	uart_write(&u, UART_FCR, UART_FCR_CLEAR_RX);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
	CHECK_EQ(uart_read(&u, UART_IIR), 0x01);
	uart_write(&u, UART_THR, '5');
	uart_write(&u, UART_FCR, UART_FCR_CLEAR_RX); /* FIFO already off */
	CHECK_EQ(uart_read(&u, UART_RBR), '5');
	/* Turning the FIFO on empties it too (data sheet). */
	uart_write(&u, UART_THR, '6');
	uart_write(&u, UART_FCR, UART_FCR_ENABLE);
	CHECK_EQ(uart_read(&u, UART_LSR), 0x60);
}

/* Wide accesses through the bus adapters touch only the first register. */
static void test_pio_adapters(void)
{
	struct uart16550 u;
	struct line l;

	setup(&u, &l);
	uart_pio_write(&u, UART_THR, 2, 0x4241);
	CHECK_EQ(l.nsent, 1);
	CHECK_EQ(l.sent[0], 0x41);
	uart_pio_write(&u, UART_SCR, 4, 0x11223344);
	CHECK_EQ(uart_pio_read(&u, UART_SCR, 1), 0x44);
	CHECK_EQ(uart_pio_read(&u, UART_SCR, 4), 0x44);
	CHECK_EQ(uart_pio_read(&u, UART_LSR, 2), 0x60);
	CHECK_EQ(uart_read(&u, UART_IER), 0); /* the write to 0 left IER alone */
	CHECK_EQ(uart_pio_read(&u, 8, 1), 0xff);
}

int main(void)
{
	test_reset_values();
	test_transmit();
	test_dlab();
	test_ier_scr_lcr_mcr();
	test_receive_fifo_order();
	test_fifo_bound_and_lossless();
	test_no_fifo_holds_one();
	test_rx_pull_when_looking();
	test_loopback();
	test_loopback_msr();
	test_iir_priorities();
	test_iir_line_and_modem_status();
	test_fcr();
	test_pio_adapters();
	return check_done();
}
