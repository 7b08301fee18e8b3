/* SPDX-License-Identifier: MIT */
/* fuzz_board.h - the PC's devices on one port bus, wired as src/vmm wires
 * them (pc_irq.c, pc_board.c, vm_devices.c, vm_bios.c) but with no KVM, no
 * threads and no host clock: guest time and the time of day are numbers
 * the fuzz input moves, so every run of an input is the same run.
 *
 * On the bus: the 8259A pair and its ELCR, the 8254 and port 61h, the CMOS
 * clock, the 8042 and port 92h, COM1, the VGA's ports, the debug console
 * and the debug-exit port. Lines go into the PIC as pc_irq_line does with
 * the user-space irqchip; fuzz_board_poll does what the vCPU's poll does
 * before each run (timer edges, the clock's flags, COM1's gated line) and
 * takes an interrupt when the PIC's INT is up.
 *
 * Every access is also fed, as the exit record the vCPU would push, to the
 * port decoder (src/decode) that the exit log and --trace use, and its
 * words must fit and be text.
 */
#ifndef KVMTUI_FUZZ_BOARD_H
#define KVMTUI_FUZZ_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "debug_ports.h"
#include "kbc8042.h"
#include "pic8259.h"
#include "pit8254.h"
#include "port61.h"
#include "port_decoder.h"
#include "rtc_cmos.h"
#include "uart16550.h"
#include "vga_text.h"

#define FUZZ_BOARD_RX 64 /* bytes waiting for COM1's receiver */

struct fuzz_board {
	struct bus bus;
	struct pic8259 pic;
	struct pit8254 pit;
	struct port61 port61;
	struct rtc_cmos rtc;
	struct kbc8042 kbc;
	struct uart16550 uart;
	struct debugcon debugcon;
	struct debug_exit debug_exit;
	struct vga vga;
	struct port_decoder decoder;
	uint64_t guest_ns;       /* guest time: only ever moves forward */
	int64_t time_of_day_ns;  /* the CMOS clock's host time at guest time 0 */
	uint8_t rx[FUZZ_BOARD_RX];
	unsigned rx_head, rx_count;
	bool com1_level;
	uint64_t tx_bytes, debug_bytes, resets, exits, interrupts;
	uint64_t seq;
};

/* ram_bytes sizes the CMOS memory bytes. */
void fuzz_board_init(struct fuzz_board *b, uint64_t ram_bytes, int64_t time_of_day_ns);
/* The reset line or a VM reset: every device as a BIOS leaves it. */
void fuzz_board_reset(struct fuzz_board *b);
/* One element of an IN or OUT (a rep string is several), through the bus. */
uint32_t fuzz_board_in(struct fuzz_board *b, uint16_t port, uint8_t size);
void fuzz_board_out(struct fuzz_board *b, uint16_t port, uint8_t size, uint32_t value);
/* Guest time moves on by ns. */
void fuzz_board_advance(struct fuzz_board *b, uint64_t ns);
/* The vCPU's poll before a run; takes an interrupt if one is due
 * (acknowledge: true) and returns its vector, or -1. */
int fuzz_board_poll(struct fuzz_board *b, bool acknowledge);
/* A byte typed for COM1 (dropped when the host-side queue is full). */
void fuzz_board_rx(struct fuzz_board *b, uint8_t byte);
/* Checks what must hold between any two accesses; fuzz_fail if not. */
void fuzz_board_check(const struct fuzz_board *b);

#endif
