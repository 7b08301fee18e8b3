/* pc_irq.c - the PC's interrupt hardware as the vCPU polls it (see pc_irq.h). */
#include "pc_irq.h"

#include "seam.h"

static uint64_t guest_now(void *ctx)
{
	struct pc_irq *pc = ctx;
	return guest_clock_at(&pc->clock, seam_now_ns());
}

/* The timer's rising edges since the last look: one request to the PIC,
 * however many came (a PIT faster than delivery coalesces, as hardware
 * does: the PIC latches one edge), the rest counted for the log. */
static void timer_line(struct pc_irq *pc, uint64_t guest_ns)
{
	unsigned edges = pit_irq0_edges(&pc->pit, guest_ns);
	if (edges == 0)
		return;
	pic_set_irq(&pc->pic, PC_IRQ_TIMER, true);
	pic_set_irq(&pc->pic, PC_IRQ_TIMER, false);
	pc->coalesced += edges - 1;
}

/* COM1's INTR, gated by MCR.OUT2 (and cut off in loopback) as a PC board
 * wires it. Input waiting for a guest that asked for receive interrupts is
 * pulled in first, as the chip's receiver would have taken it. */
static void com1_line(struct pc_irq *pc)
{
	struct uart16550 *u = pc->com1;
	if (!u)
		return;
	if (u->ier & UART_IER_ERBFI)
		uart_rx_poll(u);
	bool wired = (u->mcr & UART_MCR_OUT2) && !(u->mcr & UART_MCR_LOOP);
	pic_set_irq(&pc->pic, PC_IRQ_COM1, wired && uart_interrupt_pending(u));
}

static bool poll(void *ctx, uint64_t now)
{
	struct pc_irq *pc = ctx;
	timer_line(pc, guest_clock_at(&pc->clock, now));
	com1_line(pc);
	rtc_poll(&pc->rtc); /* its flags follow the clock; the line follows the flags */
	return pic_int_output(&pc->pic);
}

static int acknowledge(void *ctx, unsigned *irq, uint32_t *coalesced)
{
	struct pc_irq *pc = ctx;
	int line = pic_pending_irq(&pc->pic);
	*irq = line < 0 ? 7 : (unsigned)line; /* none: the PIC answers with spurious IR7 */
	*coalesced = 0;
	if (line == PC_IRQ_TIMER) {
		*coalesced = pc->coalesced;
		pc->coalesced = 0;
	}
	return pic_acknowledge(&pc->pic);
}

/* The timer runs on guest time; the CMOS clock on the time of day. */
static uint64_t next_event(void *ctx, uint64_t now)
{
	struct pc_irq *pc = ctx;
	uint64_t guest = pit_next_irq0_ns(&pc->pit, guest_clock_at(&pc->clock, now));
	uint64_t timer = guest == UINT64_MAX ? UINT64_MAX : guest_clock_host_time(&pc->clock, guest);
	uint64_t rtc = rtc_next_irq8_ns(&pc->rtc);
	if (rtc != UINT64_MAX && now + rtc < timer)
		return now + rtc;
	return timer;
}

static void guest_time(void *ctx, bool running, uint64_t now)
{
	struct pc_irq *pc = ctx;
	if (running)
		guest_clock_run(&pc->clock, now);
	else
		guest_clock_stop(&pc->clock, now);
}

int pc_irq_init(struct pc_irq *pc, struct bus *bus, struct uart16550 *com1, uint64_t ram_bytes,
		void (*reset_machine)(void *ctx), void *reset_ctx)
{
	pc->com1 = com1;
	pc->reset_machine = reset_machine;
	pc->reset_ctx = reset_ctx;
	pc->vcpu = (struct vcpu_irq){ .ctx = pc, .poll = poll, .acknowledge = acknowledge,
				      .next_event = next_event, .clock = guest_time };
	guest_clock_start(&pc->clock, seam_now_ns());
	guest_clock_stop(&pc->clock, seam_now_ns()); /* it runs when the vCPU does */
	pic_init(&pc->pic);
	pit_init(&pc->pit, guest_now, pc);
	port61_init(&pc->port61, &pc->pit);
	pc->rtc.ram_bytes = ram_bytes;
	pc_board_init(pc);
	pc->coalesced = 0;
	if (pic_register(bus, &pc->pic) ||
	    bus_add_pio(bus, PIT_BASE, PIT_NPORTS, "PIT", &pc->pit, pit_pio_read, pit_pio_write) ||
	    bus_add_pio(bus, 0x61, 1, "port 61h", &pc->port61, port61_pio_read, port61_pio_write) ||
	    bus_add_pio(bus, 0x70, 2, "CMOS", &pc->rtc, rtc_pio_read, rtc_pio_write) ||
	    bus_add_pio(bus, 0x60, 1, "KBC data", &pc->kbc, kbc_data_pio_read, kbc_data_pio_write) ||
	    bus_add_pio(bus, 0x64, 1, "KBC", &pc->kbc, kbc_cmd_pio_read, kbc_cmd_pio_write) ||
	    bus_add_pio(bus, 0x92, 1, "port 92h", &pc->kbc, kbc_port92_pio_read, kbc_port92_pio_write))
		return -1;
	return 0;
}

/* Guest time goes on across a reset (the devices' clocks never run
 * backwards); the devices start over from the state a BIOS leaves. */
void pc_irq_reset(struct pc_irq *pc)
{
	uint64_t now = guest_clock_at(&pc->clock, seam_now_ns());
	pic_reset(&pc->pic);
	pit_reset(&pc->pit, now);
	port61_reset(&pc->port61, now);
	rtc_reset(&pc->rtc);
	kbc_reset(&pc->kbc);
	pc->coalesced = 0;
}

const struct vcpu_irq *pc_irq_vcpu(struct pc_irq *pc)
{
	return &pc->vcpu;
}
