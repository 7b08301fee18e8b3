/* SPDX-License-Identifier: MIT */
/* fuzz_board.c - the PC's devices for the fuzz targets (see fuzz_board.h).
 * The wiring follows src/vmm/pc_irq.c and pc_board.c; where those read the
 * host's clocks, this reads the board's numbers. */
#include "fuzz_board.h"

#include <string.h>

#include "fuzz_event.h"
#include "fuzz_input.h"

#define IRQ_TIMER 0
#define IRQ_KEYBOARD 1
#define IRQ_COM1 4
#define IRQ_RTC 8

static uint64_t guest_now(void *ctx)
{
	return ((struct fuzz_board *)ctx)->guest_ns;
}

static int64_t time_of_day(void *ctx)
{
	const struct fuzz_board *b = ctx;
	return b->time_of_day_ns + (int64_t)b->guest_ns;
}

static void rtc_line(void *ctx, bool level)
{
	pic_set_irq(&((struct fuzz_board *)ctx)->pic, IRQ_RTC, level);
}

static void keyboard_line(void *ctx, bool level)
{
	pic_set_irq(&((struct fuzz_board *)ctx)->pic, IRQ_KEYBOARD, level);
}

/* Inside a port write: the vmm posts a reset and acts after the write. */
static void reset_pulse(void *ctx)
{
	((struct fuzz_board *)ctx)->resets++;
}

static void uart_tx(void *ctx, uint8_t byte)
{
	(void)byte;
	((struct fuzz_board *)ctx)->tx_bytes++;
}

static bool uart_rx(void *ctx, uint8_t *byte)
{
	struct fuzz_board *b = ctx;
	if (b->rx_count == 0)
		return false;
	*byte = b->rx[b->rx_head];
	b->rx_head = (b->rx_head + 1) % FUZZ_BOARD_RX;
	b->rx_count--;
	return true;
}

static void debugcon_out(void *ctx, uint8_t byte)
{
	(void)byte;
	((struct fuzz_board *)ctx)->debug_bytes++;
}

static void guest_exit(void *ctx, int status)
{
	(void)status;
	((struct fuzz_board *)ctx)->exits++;
}

static void add(struct fuzz_board *b, uint16_t base, uint16_t len, const char *name, void *ctx,
		pio_read_fn read, pio_write_fn write)
{
	if (bus_add_pio(&b->bus, base, len, name, ctx, read, write))
		fuzz_fail("the bus refused %s", name);
}

void fuzz_board_init(struct fuzz_board *b, uint64_t ram_bytes, int64_t time_of_day_ns)
{
	memset(b, 0, sizeof *b);
	b->time_of_day_ns = time_of_day_ns;
	bus_init(&b->bus);
	pic_init(&b->pic);
	pit_init(&b->pit, guest_now, b);
	port61_init(&b->port61, &b->pit);
	rtc_init(&b->rtc, ram_bytes, time_of_day, b, rtc_line, b);
	struct kbc_callbacks cb = { .irq = keyboard_line, .a20 = NULL, .reset = reset_pulse, .ctx = b };
	kbc_init(&b->kbc, &cb);
	uart_init(&b->uart, uart_tx, b, uart_rx, b);
	debugcon_init(&b->debugcon, debugcon_out, b);
	debug_exit_init(&b->debug_exit, guest_exit, b);
	vga_init(&b->vga);
	port_decoder_reset(&b->decoder);
	if (pic_register(&b->bus, &b->pic))
		fuzz_fail("the bus refused the PIC");
	add(b, PIT_BASE, PIT_NPORTS, "PIT", &b->pit, pit_pio_read, pit_pio_write);
	add(b, PORT61_PORT, 1, "port 61h", &b->port61, port61_pio_read, port61_pio_write);
	add(b, RTC_INDEX_PORT, 2, "CMOS", &b->rtc, rtc_pio_read, rtc_pio_write);
	add(b, KBC_DATA_PORT, 1, "KBC data", &b->kbc, kbc_data_pio_read, kbc_data_pio_write);
	add(b, KBC_STATUS_PORT, 1, "KBC", &b->kbc, kbc_cmd_pio_read, kbc_cmd_pio_write);
	add(b, KBC_PORT92, 1, "port 92h", &b->kbc, kbc_port92_pio_read, kbc_port92_pio_write);
	add(b, UART_COM1_BASE, UART_NREGS, "COM1", &b->uart, uart_pio_read, uart_pio_write);
	add(b, DEBUGCON_PORT, 1, "debugcon", &b->debugcon, debugcon_pio_read, debugcon_pio_write);
	add(b, DEBUG_EXIT_PORT, 1, "debug-exit", &b->debug_exit, NULL, debug_exit_pio_write);
	add(b, VGA_PORT_BASE, VGA_PORT_COUNT, "VGA", &b->vga, vga_pio_read, vga_pio_write);
}

void fuzz_board_reset(struct fuzz_board *b)
{
	uart_reset(&b->uart);
	pic_reset(&b->pic);
	pit_reset(&b->pit, b->guest_ns);
	port61_reset(&b->port61, b->guest_ns);
	rtc_reset(&b->rtc);
	kbc_reset(&b->kbc);
	vga_init(&b->vga);
	b->com1_level = false;
	pic_set_irq(&b->pic, IRQ_COM1, false);
	b->seq = 0;
}

/* The record the vCPU pushes for this access, through the decoder and the
 * exit log's and the trace's writers. */
static void note_io(struct fuzz_board *b, uint16_t port, uint8_t size, bool out, uint32_t value)
{
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_EXIT;
	ev.reason = EXIT_IO;
	ev.seq = ++b->seq;
	ev.time_ns = b->guest_ns;
	ev.u.io.port = port;
	ev.u.io.size = size;
	ev.u.io.dir = out ? IO_OUT : IO_IN;
	ev.u.io.count = 1;
	memcpy(ev.u.io.data, &value, size);
	fuzz_event_feed(&b->decoder, &ev, false);
}

uint32_t fuzz_board_in(struct fuzz_board *b, uint16_t port, uint8_t size)
{
	uint32_t value = 0;
	bus_pio_read(&b->bus, port, size, &value);
	if (size < 4 && value >> (8 * size))
		fuzz_fail("IN of %u bytes at 0x%x gave 0x%x", size, port, value);
	note_io(b, port, size, false, value);
	return value;
}

void fuzz_board_out(struct fuzz_board *b, uint16_t port, uint8_t size, uint32_t value)
{
	if (size < 4)
		value &= (1u << (8 * size)) - 1;
	bus_pio_write(&b->bus, port, size, value);
	note_io(b, port, size, true, value);
}

void fuzz_board_advance(struct fuzz_board *b, uint64_t ns)
{
	b->guest_ns += ns;
}

void fuzz_board_rx(struct fuzz_board *b, uint8_t byte)
{
	if (b->rx_count == FUZZ_BOARD_RX)
		return;
	b->rx[(b->rx_head + b->rx_count) % FUZZ_BOARD_RX] = byte;
	b->rx_count++;
}

/* pc_irq.c's com1_line: INTR reaches IRQ 4 through MCR.OUT2, not in loopback. */
static void com1_line(struct fuzz_board *b)
{
	struct uart16550 *u = &b->uart;
	if (u->ier & UART_IER_ERBFI)
		uart_rx_poll(u);
	bool wired = (u->mcr & UART_MCR_OUT2) && !(u->mcr & UART_MCR_LOOP);
	bool level = wired && uart_interrupt_pending(u);
	if (level != b->com1_level) {
		b->com1_level = level;
		pic_set_irq(&b->pic, IRQ_COM1, level);
	}
}

int fuzz_board_poll(struct fuzz_board *b, bool acknowledge)
{
	unsigned edges = pit_irq0_edges(&b->pit, b->guest_ns);
	if (edges) {
		pic_set_irq(&b->pic, IRQ_TIMER, true);
		pic_set_irq(&b->pic, IRQ_TIMER, false);
	}
	uint64_t next = pit_next_irq0_ns(&b->pit, b->guest_ns);
	if (next != UINT64_MAX && next < b->guest_ns)
		fuzz_fail("the PIT's next IRQ 0 (%llu ns) is before now (%llu ns)",
			  (unsigned long long)next, (unsigned long long)b->guest_ns);
	rtc_poll(&b->rtc);
	(void)rtc_next_irq8_ns(&b->rtc);
	com1_line(b);
	if (!acknowledge || !pic_int_output(&b->pic))
		return -1;
	int line = pic_pending_irq(&b->pic);
	int vector = pic_acknowledge(&b->pic);
	if (vector < 0 || vector > 255)
		fuzz_fail("the PIC answered vector %d", vector);
	b->interrupts++;
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_IRQ;
	ev.seq = b->seq;
	ev.time_ns = b->guest_ns;
	ev.u.irq.irq = (uint8_t)(line < 0 ? 7 : line);
	ev.u.irq.vector = (uint8_t)vector;
	ev.u.irq.how = IRQ_INJECTED;
	ev.u.irq.coalesced = edges > 1 ? edges - 1 : 0;
	fuzz_event_feed(&b->decoder, &ev, false);
	return vector;
}

void fuzz_board_check(const struct fuzz_board *b)
{
	const struct uart16550 *u = &b->uart;
	if (u->fifo_count > UART_FIFO_SIZE || u->fifo_head >= UART_FIFO_SIZE)
		fuzz_fail("COM1's FIFO: head %u count %u", u->fifo_head, u->fifo_count);
	const struct kbc8042 *k = &b->kbc;
	if (k->reply_count > KBC_REPLY_SIZE || k->reply_head >= KBC_REPLY_SIZE ||
	    k->key_count > KBC_QUEUE_SIZE || k->key_head >= KBC_QUEUE_SIZE)
		fuzz_fail("the 8042's queues: replies %u at %u, keys %u at %u", k->reply_count,
			  k->reply_head, k->key_count, k->key_head);
	if (b->rtc.index >= RTC_NBYTES)
		fuzz_fail("CMOS index 0x%x", b->rtc.index);
	for (unsigned ch = 0; ch < PIT_NCHANNELS; ch++)
		if (b->pit.ch[ch].mode > 5)
			fuzz_fail("PIT channel %u in mode %u", ch, b->pit.ch[ch].mode);
	const struct vga *v = &b->vga;
	if (v->dac_step > 2)
		fuzz_fail("VGA DAC step %u", v->dac_step);
}
