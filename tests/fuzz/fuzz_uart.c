/* SPDX-License-Identifier: MIT */
/* fuzz_uart.c - the 16550A UART (src/dev/uart16550.c) alone, register by
 * register, with the host's side (bytes typed for the guest, bytes sent)
 * in the same stream.
 *
 * COM1 is the device every guest talks to first, and its receive FIFO,
 * loopback, divisor latch and interrupt identification are state a guest
 * drives freely. The input is an op-code stream: reads and writes of each
 * register through the register API and the bus adapters (1, 2 and 4
 * bytes), host bytes offered to the receiver, polls, resets. What must
 * hold besides the sanitizers: the FIFO stays in its 16 bytes, every byte
 * the host offered and the UART took comes out of RBR in order (none lost,
 * none made up), IIR names a cause that is pending, and THRE/TEMT are set
 * (transmit is instant).
 */
#include "fuzz_input.h"
#include "uart16550.h"

struct host {
	uint8_t offered[256]; /* bytes typed, waiting for the receiver */
	unsigned head, count;
	bool accept;          /* the host has something right now */
	/* What the UART took from the host and the guest has not read, in
	 * order: exactly the FIFO's contents while valid. Loopback (its bytes
	 * join the FIFO), an FCR write (it may clear the FIFO) and a reset end
	 * the tracking until the FIFO is empty again. */
	uint8_t taken[UART_FIFO_SIZE];
	unsigned taken_head, taken_count;
	bool valid;
	uint64_t sent;
};

static void tx(void *ctx, uint8_t byte)
{
	(void)byte;
	((struct host *)ctx)->sent++;
}

static bool rx(void *ctx, uint8_t *byte)
{
	struct host *h = ctx;
	if (!h->accept || h->count == 0)
		return false;
	*byte = h->offered[h->head];
	h->head = (h->head + 1) % sizeof h->offered;
	h->count--;
	if (!h->valid)
		return true;
	if (h->taken_count == UART_FIFO_SIZE)
		fuzz_fail("the UART took a byte with its FIFO full: it will be lost");
	h->taken[(h->taken_head + h->taken_count++) % UART_FIFO_SIZE] = *byte;
	return true;
}

static void check(const struct uart16550 *u, struct host *h)
{
	if (u->fifo_count > UART_FIFO_SIZE || u->fifo_head >= UART_FIFO_SIZE)
		fuzz_fail("FIFO head %u count %u", u->fifo_head, u->fifo_count);
	if (u->mcr & UART_MCR_LOOP)
		h->valid = false;
	if (!h->valid && u->fifo_count == 0 && !(u->mcr & UART_MCR_LOOP)) {
		h->valid = true;
		h->taken_count = 0;
	}
	if (h->valid && u->fifo_count != h->taken_count)
		fuzz_fail("FIFO holds %u bytes, the host gave %u not yet read", u->fifo_count,
			  h->taken_count);
}

static void do_read(struct uart16550 *u, struct host *h, unsigned offset, uint8_t size, bool pio)
{
	bool rbr = offset == UART_RBR && !(u->lcr & UART_LCR_DLAB) && !(u->mcr & UART_MCR_LOOP);
	uint32_t v = pio ? uart_pio_read(u, (uint16_t)offset, size) : uart_read(u, offset);
	if (v > 0xff)
		fuzz_fail("register %u read as 0x%x", offset, v);
	/* A read of RBR pulls from the host first, then takes the oldest byte. */
	if (rbr && h->valid && h->taken_count) {
		if (v != h->taken[h->taken_head])
			fuzz_fail("RBR gave 0x%02x, the host sent 0x%02x", (unsigned)v, h->taken[h->taken_head]);
		h->taken_head = (h->taken_head + 1) % UART_FIFO_SIZE;
		h->taken_count--;
	}
	if (offset == UART_LSR && !(v & UART_LSR_THRE && v & UART_LSR_TEMT))
		fuzz_fail("LSR 0x%02x without THRE and TEMT: transmit is instant", (unsigned)v);
	if (offset == UART_IIR) {
		unsigned id = v & 0x0f;
		if (id != UART_IIR_NONE && id != UART_IIR_MSR && id != UART_IIR_THRE &&
		    id != UART_IIR_RDA && id != UART_IIR_RLS)
			fuzz_fail("IIR 0x%02x names no cause", (unsigned)v);
	}
}

static void do_write(struct uart16550 *u, struct host *h, unsigned offset, uint8_t size, uint32_t v, bool pio)
{
	if (offset == UART_FCR)
		h->valid = false;
	if (pio)
		uart_pio_write(u, (uint16_t)offset, size, v);
	else
		uart_write(u, offset, (uint8_t)v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	struct host h = { .accept = true, .valid = true };
	struct uart16550 u;

	uart_init(&u, tx, &h, rx, &h);
	while (!fuzz_in_empty(&in)) {
		uint8_t op = fuzz_u8(&in);
		unsigned offset = (op >> 4) & 7;
		uint8_t width = (op & 0x80) ? 4 : (op & 0x08) ? 2 : 1;
		switch (op & 7) {
		case 0: case 1:
			do_read(&u, &h, offset, 1, false);
			break;
		case 2: case 3:
			do_write(&u, &h, offset, 1, fuzz_u8(&in), false);
			break;
		case 4: /* through the bus adapters, any width */
			do_read(&u, &h, offset, width, true);
			break;
		case 5:
			do_write(&u, &h, offset, width, fuzz_u32(&in), true);
			break;
		case 6: { /* the host types bytes */
			unsigned n = fuzz_u8(&in) % 32;
			for (unsigned i = 0; i < n && h.count < sizeof h.offered; i++)
				h.offered[(h.head + h.count++) % sizeof h.offered] = fuzz_u8(&in);
			break;
		}
		default: /* the vCPU's poll, the host's flow, a reset */
			switch (offset) {
			case 0: case 1: case 2:
				uart_rx_poll(&u);
				(void)uart_interrupt_pending(&u);
				break;
			case 3:
				h.accept = !h.accept;
				break;
			case 4:
				uart_reset(&u);
				h.valid = false; /* the FIFO is gone with what it held */
				break;
			default:
				(void)uart_interrupt_pending(&u);
				break;
			}
			break;
		}
		check(&u, &h);
	}
	return 0;
}
