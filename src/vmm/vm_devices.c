/* vm_devices.c - the devices on this VM's bus and where their bytes go.
 *
 * COM1 and the debug console send bytes into the event ring; consecutive
 * bytes are gathered into one record (a rep outsb of 30 bytes is one record,
 * not 30), flushed at the end of each exit so the console shows them at once.
 */
#include <string.h>

#include "vm_internal.h"

void vm_text_flush(struct vm *vm)
{
	if (vm->text.len == 0)
		return;
	vm->text.generation = vm->generation;
	vm->text.seq = vm->seq;
	ring_push_quiet(&vm->seam->ring, &vm->text);
	vm->text.len = 0;
}

static void text_append(struct vm *vm, uint8_t kind, uint8_t byte)
{
	if (vm->text.len && (vm->text.kind != kind || vm->text.len == EVENT_TEXT_MAX))
		vm_text_flush(vm);
	vm->text.kind = kind;
	vm->text.u.text[vm->text.len++] = byte;
}

static void uart_tx(void *ctx, uint8_t byte)
{
	text_append(ctx, EVENT_UART, byte);
}

static bool uart_rx(void *ctx, uint8_t *byte)
{
	struct vm *vm = ctx;
	return input_queue_take(&vm->seam->input, byte);
}

static void debugcon_out(void *ctx, uint8_t byte)
{
	text_append(ctx, EVENT_DEBUGCON, byte);
}

static void guest_exit(void *ctx, int status)
{
	struct vm *vm = ctx;
	vm->guest_exited = true;
	vm->guest_status = status;
}

void vm_devices_init(struct vm *vm)
{
	memset(&vm->text, 0, sizeof(vm->text));
	bus_init(&vm->bus);
	uart_init(&vm->uart, uart_tx, vm, uart_rx, vm);
	debugcon_init(&vm->debugcon, debugcon_out, vm);
	debug_exit_init(&vm->debug_exit, guest_exit, vm);
	bus_add_pio(&vm->bus, UART_COM1_BASE, UART_NREGS, "COM1", &vm->uart, uart_pio_read, uart_pio_write);
	bus_add_pio(&vm->bus, DEBUGCON_PORT, 1, "debugcon", &vm->debugcon, debugcon_pio_read,
		    debugcon_pio_write);
	bus_add_pio(&vm->bus, DEBUG_EXIT_PORT, 1, "debug-exit", &vm->debug_exit, NULL,
		    debug_exit_pio_write);
}
