/* SPDX-License-Identifier: MIT */
/* exit_line.c - the exit log's one-line detail for each reason.
 *
 * Port I/O is written as the instruction that caused it (outb, inw, rep
 * outsb) because that is what the student wrote in the guest's source.
 */
#include <inttypes.h>

#include "bios_describe.h"
#include "exit_decoders.h"
#include "port_names.h"

#define COM1_THR 0x3f8
#define DEBUGCON_PORT 0xe9

static char size_suffix(unsigned size)
{
	return size == 1 ? 'b' : size == 2 ? 'w' : size == 4 ? 'l' : '?';
}

void exit_line_io(const struct event *ev, struct exit_text *out)
{
	if (ev->flags & EVENT_F_BIOS) { /* the OUT is only the stub's way to ask kvm-tui */
		char what[120];
		bios_describe(ev, what, sizeof what);
		exit_text_printf(out, "%s", what);
		return;
	}
	int is_out = ev->u.io.dir == IO_OUT;
	uint16_t port = ev->u.io.port;
	char value[24], chr[12] = "";
	exit_value_hex(value, sizeof(value), ev->u.io.data, ev->u.io.size);
	/* Only the text consoles' bytes are characters; elsewhere 'A' would mislead. */
	if (is_out && ev->u.io.size == 1 && (port == COM1_THR || port == DEBUGCON_PORT))
		exit_char_name(ev->u.io.data[0], chr, sizeof(chr));
	struct port_name name = port_name_of(port, ev->u.io.dir);

	exit_text_printf(out, "%s%s%s%c 0x%" PRIx16, ev->u.io.count > 1 ? "rep " : "",
			 is_out ? "out" : "in", ev->u.io.count > 1 ? "s" : "",
			 size_suffix(ev->u.io.size), port);
	if (name.short_name)
		exit_text_printf(out, " %s", name.short_name);
	exit_text_printf(out, " %s%s", is_out ? "" : "-> ", value);
	if (chr[0])
		exit_text_printf(out, " %s", chr);
	if (ev->u.io.count > 1)
		exit_text_printf(out, " x%" PRIu32, ev->u.io.count);
}

void exit_line_io_decoded(const struct event *ev, const char *decode, struct exit_text *out)
{
	char value[24];
	int is_out = ev->u.io.dir == IO_OUT;
	exit_value_hex(value, sizeof(value), ev->u.io.data, ev->u.io.size);
	exit_text_printf(out, "%s%c 0x%" PRIx16 " %s%s: %s", is_out ? "out" : "in", size_suffix(ev->u.io.size),
			 ev->u.io.port, is_out ? "" : "-> ", value, decode);
}

void exit_line_mmio(const struct event *ev, struct exit_text *out)
{
	char value[24];
	unsigned len = ev->u.mmio.len;
	exit_value_hex(value, sizeof(value), ev->u.mmio.data, len);
	exit_text_printf(out, "%s 0x%" PRIx64 " %uB %s%s", ev->u.mmio.is_write ? "write" : "read",
			 ev->u.mmio.addr, len, ev->u.mmio.is_write ? "" : "-> ", value);
}

void exit_line_hlt(const struct event *ev, struct exit_text *out)
{
	(void)ev;
	exit_text_printf(out, "hlt: wait for an interrupt");
}

void exit_line_debug(const struct event *ev, struct exit_text *out)
{
	uint32_t exc = ev->u.debug.exception;
	const char *what = (ev->flags & EVENT_F_STEP) ? "single step"
			   : exc == 3			? "#BP breakpoint"
			   : exc == 1			? "#DB debug trap"
							: "debug";
	exit_text_printf(out, "%s dr6 %" PRIx64, what, ev->u.debug.dr6);
}

void exit_line_shutdown(const struct event *ev, struct exit_text *out)
{
	(void)ev;
	exit_text_printf(out, "triple fault: the CPU shut down");
}

void exit_line_fail_entry(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "entry refused, hw reason 0x%" PRIx64, ev->u.fail_entry.hardware_reason);
}

void exit_line_internal(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "%s (suberror %" PRIu32 ")", exit_suberror_name(ev->u.internal.suberror),
			 ev->u.internal.suberror);
}

void exit_line_system_event(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "%s", exit_system_event_name(ev->u.system_event.type));
}

void exit_line_rdmsr(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "rdmsr 0x%" PRIx32, ev->u.msr.index);
}

void exit_line_wrmsr(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "wrmsr 0x%" PRIx32 " = %" PRIx64, ev->u.msr.index, ev->u.msr.data);
}

void exit_line_intr(const struct event *ev, struct exit_text *out)
{
	(void)ev;
	exit_text_printf(out, "signal: the vCPU was kicked");
}

void exit_line_irq_window(const struct event *ev, struct exit_text *out)
{
	(void)ev;
	exit_text_printf(out, "interrupts on: the pending IRQ goes in now");
}
