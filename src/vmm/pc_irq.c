/* SPDX-License-Identifier: MIT */
/* pc_irq.c - the PC's interrupt hardware as the vCPU polls it (see pc_irq.h). */
#include "pc_irq.h"

#include "seam.h"

void pc_irq_line(struct pc_irq *pc, unsigned irq, bool level)
{
	if (!pc->in_kernel) {
		pic_set_irq(&pc->pic, irq, level);
		return;
	}
	uint16_t bit = (uint16_t)(1u << irq);
	if (((pc->levels & bit) != 0) == level)
		return; /* an ioctl and a log line only for a real change */
	pc->levels = (uint16_t)(level ? pc->levels | bit : pc->levels & ~bit);
	pc->line_out(pc->line_ctx, irq, level);
}

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
	bool level = wired && uart_interrupt_pending(u);
	if (level != pc->com1_level) {
		pc->com1_level = level;
		pc_irq_line(pc, PC_IRQ_COM1, level);
	}
}

/* Host ns of the timer's next rising edge (UINT64_MAX: none will come). */
static uint64_t timer_deadline(struct pc_irq *pc, uint64_t now)
{
	uint64_t guest = pit_next_irq0_ns(&pc->pit, guest_clock_at(&pc->clock, now));
	return guest == UINT64_MAX ? UINT64_MAX : guest_clock_host_time(&pc->clock, guest);
}

/* The clock runs on the time of day, its interrupts as register B enables them. */
static uint64_t rtc_deadline(struct pc_irq *pc, uint64_t now)
{
	uint64_t in = rtc_next_irq8_ns(&pc->rtc);
	return in == UINT64_MAX ? UINT64_MAX : now + in;
}

/* With KVM's irqchip the timer is the kernel's (timer_due stays UINT64_MAX)
 * and nothing waits here for the CPU: the lines went out as they moved. */
static bool poll(void *ctx, uint64_t now)
{
	struct pc_irq *pc = ctx;
	if (now >= pc->timer_due) {
		timer_line(pc, guest_clock_at(&pc->clock, now));
		pc->timer_due = timer_deadline(pc, now);
	}
	if (now >= pc->rtc_due) {
		rtc_poll(&pc->rtc); /* its flags follow the clock; the line follows the flags */
		pc->rtc_due = rtc_deadline(pc, now);
	}
	com1_line(pc);
	if (pc->keys) /* a key raises IRQ 1 through the 8042's callback */
		kbd_feed_pump(pc->keys, &pc->kbc);
	return !pc->in_kernel && pic_int_output(&pc->pic);
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

/* What poll worked out last: it runs before every wait. */
static uint64_t next_event(void *ctx, uint64_t now)
{
	struct pc_irq *pc = ctx;
	(void)now;
	return pc->timer_due < pc->rtc_due ? pc->timer_due : pc->rtc_due;
}

static void guest_time(void *ctx, bool running, uint64_t now)
{
	struct pc_irq *pc = ctx;
	if (running)
		guest_clock_run(&pc->clock, now);
	else
		guest_clock_stop(&pc->clock, now);
	if (!pc->in_kernel)
		pc->timer_due = 0; /* guest time moved against host time */
}

static void lines(void *ctx, struct cpu_irq_lines *out)
{
	struct pc_irq *pc = ctx;
	out->irr = pic_irr(&pc->pic);
	out->isr = pic_isr(&pc->pic);
	out->imr = pic_imr(&pc->pic);
	out->valid = CPU_IRQ_LINES_VALID;
}

static uint32_t pit_port_read(void *ctx, uint16_t offset, uint8_t size)
{
	return pit_pio_read(&((struct pc_irq *)ctx)->pit, offset, size);
}

static uint32_t rtc_port_read(void *ctx, uint16_t offset, uint8_t size)
{
	return rtc_pio_read(&((struct pc_irq *)ctx)->rtc, offset, size);
}

/* A write may reprogram when the next interrupt comes: look again. */
static void pit_port_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct pc_irq *pc = ctx;
	pit_pio_write(&pc->pit, offset, size, value);
	pc->timer_due = 0;
}

static void rtc_port_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct pc_irq *pc = ctx;
	rtc_pio_write(&pc->rtc, offset, size, value);
	pc->rtc_due = 0;
}

/* kvm-tui's own PIC, PIT and port 61h: only with the user-space irqchip. */
static int register_chips(struct pc_irq *pc, struct bus *bus)
{
	if (pc->in_kernel)
		return 0;
	if (pic_register(bus, &pc->pic) ||
	    bus_add_pio(bus, PIT_BASE, PIT_NPORTS, "PIT", pc, pit_port_read, pit_port_write) ||
	    bus_add_pio(bus, 0x61, 1, "port 61h", &pc->port61, port61_pio_read, port61_pio_write))
		return -1;
	return 0;
}

int pc_irq_init(struct pc_irq *pc, struct bus *bus, struct uart16550 *com1, uint64_t ram_bytes,
		void (*reset_machine)(void *ctx), void *reset_ctx, const struct pc_irq_kernel *kernel)
{
	pc->com1 = com1;
	pc->keys = NULL;
	pc->reset_machine = reset_machine;
	pc->reset_ctx = reset_ctx;
	pc->in_kernel = kernel != NULL;
	pc->line_out = kernel ? kernel->line_out : NULL;
	pc->line_ctx = kernel ? kernel->line_ctx : NULL;
	pc->levels = 0;
	pc->vcpu = (struct vcpu_irq){ .ctx = pc, .poll = poll, .acknowledge = acknowledge,
				      .next_event = next_event, .clock = guest_time, .lines = lines,
				      .in_kernel = pc->in_kernel };
	guest_clock_start(&pc->clock, seam_now_ns());
	guest_clock_stop(&pc->clock, seam_now_ns()); /* it runs when the vCPU does */
	pic_init(&pc->pic);
	pit_init(&pc->pit, guest_now, pc);
	port61_init(&pc->port61, &pc->pit);
	pc->rtc.ram_bytes = ram_bytes;
	pc_board_init(pc);
	pc->coalesced = 0;
	pc->timer_due = pc->in_kernel ? UINT64_MAX : 0;
	pc->rtc_due = 0;
	pc->com1_level = false;
	if (register_chips(pc, bus) ||
	    bus_add_pio(bus, 0x70, 2, "CMOS", pc, rtc_port_read, rtc_port_write) ||
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
	pc->levels = 0; /* KVM's chips are new (a reset is a new VM): every line is low */
	pic_reset(&pc->pic);
	pit_reset(&pc->pit, now);
	port61_reset(&pc->port61, now);
	rtc_reset(&pc->rtc);
	kbc_reset(&pc->kbc);
	pc->coalesced = 0;
	pc->timer_due = pc->in_kernel ? UINT64_MAX : 0;
	pc->rtc_due = 0;
	pc->com1_level = false;
	pic_set_irq(&pc->pic, PC_IRQ_COM1, false); /* the PIC keeps line levels over a reset */
}

const struct vcpu_irq *pc_irq_vcpu(struct pc_irq *pc)
{
	return &pc->vcpu;
}
