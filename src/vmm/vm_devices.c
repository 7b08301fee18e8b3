/* SPDX-License-Identifier: MIT */
/* vm_devices.c - the devices on a live VM's bus, and where their bytes go.
 *
 * COM1 and the debug console send their bytes to the vCPU, which gathers
 * them into ring records; a write to the debug-exit port ends the run.
 * Typed input comes from the seam: bytes into COM1's receiver, keys into
 * the 8042 (kbd_feed.c).
 */
#include "vm_internal.h"

static void uart_tx(void *ctx, uint8_t byte)
{
	struct vm *vm = ctx;
	vcpu_text_byte(&vm->vcpu, EVENT_UART, byte);
}

static bool uart_rx(void *ctx, uint8_t *byte)
{
	struct vm *vm = ctx;
	return input_queue_take(&vm->seam->input, byte);
}

static void debugcon_out(void *ctx, uint8_t byte)
{
	struct vm *vm = ctx;
	vcpu_text_byte(&vm->vcpu, EVENT_DEBUGCON, byte);
}

static void guest_exit(void *ctx, int status)
{
	struct vm *vm = ctx;
	vcpu_guest_exit(&vm->vcpu, status);
}

/* The guest pulsed the PC's reset line (the 8042's 0xfe): reset the VM as a
 * PC would. Inside a port write on the vCPU thread: post it, no kick. */
static void reset_pulse(void *ctx)
{
	struct vm *vm = ctx;
	control_notify(&vm->seam->control, CTRL_RESET);
}

/* --irqchip kernel: a line of kvm-tui's devices goes to KVM's PIC (and
 * I/O APIC) through the vCPU, which also shows it in the log. */
static void kernel_line(void *ctx, unsigned irq, bool level)
{
	struct vm *vm = ctx;
	vcpu_irq_line(&vm->vcpu, irq, level);
}

void vm_devices_reset(void *ctx)
{
	struct vm *vm = ctx;
	uart_reset(&vm->uart);
	kbd_feed_reset(&vm->kbd_feed);
	pc_irq_reset(&vm->irq);
	vm_bios_reset(vm);
}

void vm_devices_init(struct vm *vm)
{
	bus_init(&vm->bus);
	uart_init(&vm->uart, uart_tx, vm, uart_rx, vm);
	debugcon_init(&vm->debugcon, debugcon_out, vm);
	debug_exit_init(&vm->debug_exit, guest_exit, vm);
	bus_add_pio(&vm->bus, UART_COM1_BASE, UART_NREGS, "COM1", &vm->uart, uart_pio_read, uart_pio_write);
	bus_add_pio(&vm->bus, DEBUGCON_PORT, 1, "debugcon", &vm->debugcon, debugcon_pio_read,
		    debugcon_pio_write);
	bus_add_pio(&vm->bus, DEBUG_EXIT_PORT, 1, "debug-exit", &vm->debug_exit, NULL,
		    debug_exit_pio_write);
	struct pc_irq_kernel kernel = { .line_out = kernel_line, .line_ctx = vm };
	bool in_kernel = vm->opts.irqchip == VM_IRQCHIP_KERNEL;
	pc_irq_init(&vm->irq, &vm->bus, &vm->uart, vm->opts.mem_size, reset_pulse, vm,
		    in_kernel ? &kernel : NULL);
	kbd_feed_init(&vm->kbd_feed, &vm->seam->keyboard);
	vm->irq.keys = &vm->kbd_feed;
}
