/* SPDX-License-Identifier: MIT */
/* debug_ports.h - the two one-port devices every test guest loves.
 *
 * debugcon (port 0xe9, Bochs/QEMU): each byte written goes to a debug console;
 * reading the port returns 0xe9 so a guest can detect it.
 * isa-debug-exit (port 0xf4, QEMU): writing v ends the run with status (v<<1)|1.
 */
#ifndef KVMTUI_DEBUG_PORTS_H
#define KVMTUI_DEBUG_PORTS_H

#include <stdint.h>

#define DEBUGCON_PORT 0xe9
#define DEBUG_EXIT_PORT 0xf4

typedef void (*debugcon_out_fn)(void *ctx, uint8_t byte);
typedef void (*debug_exit_fn)(void *ctx, int status);

struct debugcon {
	debugcon_out_fn out;
	void *ctx;
};

struct debug_exit {
	debug_exit_fn exit;
	void *ctx;
};

void debugcon_init(struct debugcon *d, debugcon_out_fn out, void *ctx);
uint32_t debugcon_pio_read(void *ctx, uint16_t offset, uint8_t size);
void debugcon_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

void debug_exit_init(struct debug_exit *d, debug_exit_fn exit_fn, void *ctx);
int debug_exit_status(uint32_t value, uint8_t size); /* (v << 1) | 1, v masked to size */
void debug_exit_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

#endif
