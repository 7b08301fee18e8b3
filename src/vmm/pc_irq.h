/* SPDX-License-Identifier: MIT */
/* pc_irq.h - the PC's interrupt hardware, in user space: the 8259A pair,
 * the 8254 timer (and port 61h), the CMOS clock, the 8042 keyboard
 * controller, COM1's interrupt line, and guest time.
 *
 * It is what the vCPU polls before each run (struct vcpu_irq): the timer's
 * ticks and the UART's state become lines into the PIC, and the PIC's INT
 * output says whether an interrupt waits for the CPU. Everything here runs
 * on the vCPU thread; devices never touch the vCPU's state.
 *
 * With --irqchip kernel the PIC pair, the PIT and port 61h are KVM's: they
 * are not on the bus (the kernel answers those ports), and the lines of the
 * devices that stay kvm-tui's (CMOS clock, 8042, COM1) go out through
 * line_out (KVM_IRQ_LINE), each change once.
 */
#ifndef KVMTUI_PC_IRQ_H
#define KVMTUI_PC_IRQ_H

#include "bus.h"
#include "guest_clock.h"
#include "kbd_feed.h"
#include "kbc8042.h"
#include "pic8259.h"
#include "pit8254.h"
#include "port61.h"
#include "rtc_cmos.h"
#include "uart16550.h"
#include "vcpu.h"

struct pc_irq {
	struct pic8259 pic;
	struct pit8254 pit;
	struct port61 port61;
	struct rtc_cmos rtc;
	struct kbc8042 kbc;
	struct guest_clock clock;
	void (*reset_machine)(void *ctx); /* the 8042's reset line: the VM resets, as a PC does */
	void *reset_ctx;
	struct uart16550 *com1;  /* its INTR reaches IRQ 4 through MCR.OUT2, as on a PC */
	struct kbd_feed *keys;   /* typed keys for the 8042, or NULL */
	uint32_t coalesced;      /* timer ticks folded into the pending IRQ 0 */
	/* The vCPU polls before every run, so the poll must cost next to
	 * nothing: the timer and the clock are looked at only once their next
	 * edge is due (host ns; 0 = work it out again, after the guest wrote
	 * to them or guest time stopped or ran), COM1's line only when it moves. */
	uint64_t timer_due, rtc_due;
	bool com1_level;
	struct vcpu_irq vcpu;
	/* --irqchip kernel: where the lines go, and their levels as last sent */
	bool in_kernel;
	void (*line_out)(void *ctx, unsigned irq, bool level);
	void *line_ctx;
	uint16_t levels;
};

/* Where the devices' lines go with KVM's in-kernel irqchip (NULL: kvm-tui's
 * own PIC, the user-space irqchip). */
struct pc_irq_kernel {
	void (*line_out)(void *ctx, unsigned irq, bool level);
	void *line_ctx;
};

/* Puts the devices on the bus; guest time starts now. ram_bytes sizes the
 * CMOS memory bytes; reset_machine is called (on the vCPU thread, inside a
 * port write) when the guest pulses the reset line. 0, or -1 (bus full). */
int pc_irq_init(struct pc_irq *pc, struct bus *bus, struct uart16550 *com1, uint64_t ram_bytes,
		void (*reset_machine)(void *ctx), void *reset_ctx, const struct pc_irq_kernel *kernel);
/* The state a BIOS leaves, again (a reset); guest time goes on. */
void pc_irq_reset(struct pc_irq *pc);
const struct vcpu_irq *pc_irq_vcpu(struct pc_irq *pc);

#define PC_IRQ_TIMER 0
#define PC_IRQ_KEYBOARD 1
#define PC_IRQ_COM1 4
#define PC_IRQ_RTC 8

/* A device's line: into kvm-tui's PIC, or out to KVM's when it changes. */
void pc_irq_line(struct pc_irq *pc, unsigned irq, bool level);

/* pc_board.c: the devices' callbacks (time of day, lines into the PIC). */
void pc_board_init(struct pc_irq *pc);

#endif
