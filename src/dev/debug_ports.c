/* SPDX-License-Identifier: MIT */
/* debug_ports.c - debugcon (0xe9) and isa-debug-exit (0xf4).
 *
 * Both follow QEMU's behaviour so the same test guest gives the same output
 * and the same exit status under kvm-tui and under QEMU.
 */
#include "debug_ports.h"

#include <stddef.h>

void debugcon_init(struct debugcon *d, debugcon_out_fn out, void *ctx)
{
	d->out = out;
	d->ctx = ctx;
}

/* The port reads back its own number: how a guest detects debugcon. */
uint32_t debugcon_pio_read(void *ctx, uint16_t offset, uint8_t size)
{
	(void)ctx;
	(void)offset;
	(void)size;
	return DEBUGCON_PORT;
}

/* One byte per write, whatever the access size: a console takes characters. */
void debugcon_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct debugcon *d = ctx;

	(void)offset;
	(void)size;
	if (d->out)
		d->out(d->ctx, (uint8_t)value);
}

void debug_exit_init(struct debug_exit *d, debug_exit_fn exit_fn, void *ctx)
{
	d->exit = exit_fn;
	d->ctx = ctx;
}

/* Computed in 32-bit unsigned arithmetic, so a 4-byte v with its top bit
 * set wraps rather than overflowing; a process exit status keeps only the
 * low 8 bits anyway. The result is always odd, never a clean 0. */
int debug_exit_status(uint32_t value, uint8_t size)
{
	uint32_t mask = size >= 4 ? 0xffffffffu : (1u << (8 * size)) - 1;

	return (int)(((value & mask) << 1) | 1u);
}

void debug_exit_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	struct debug_exit *d = ctx;

	(void)offset;
	if (d->exit)
		d->exit(d->ctx, debug_exit_status(value, size));
}
