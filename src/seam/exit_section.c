/* SPDX-License-Identifier: MIT */
/* exit_section.c - each reason's own lines in the full decode of an exit
 * (Enter in the exit log): one fact a line, each ending in '\n', labels
 * padded to one column so the values line up. */
#include <inttypes.h>

#include "bios_describe.h"
#include "exit_decoders.h"
#include "port_names.h"

/* A BIOS stub's trap: what the guest asked for, and what it got back. */
static void bios_section(const struct event *ev, struct exit_text *out)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	char what[120];
	bios_describe(ev, what, sizeof what);
	exit_text_printf(out, "BIOS call:  %s\n", what);
	exit_text_printf(out, "Service:    int %02Xh, %s (kvm-tui answers it for the ROM's stub)\n", b->vector,
			 bios_service_name(b->vector));
	exit_text_printf(out, "Called:     AX=%04x BX=%04x CX=%04x DX=%04x SI=%04x DI=%04x DS=%04x ES=%04x\n",
			 b->ax, b->bx, b->cx, b->dx, b->si, b->di, b->ds, b->es);
	exit_text_printf(out, "Returned:   AH=%02x AL=%02x CF=%u%s\n", b->ah_out, b->al_out,
			 (b->result & BIOS_EV_CARRY) ? 1 : 0,
			 (b->result & BIOS_EV_RETRY) ? " (nothing yet: the stub waits in HLT and asks again)" : "");
}

void exit_section_io(const struct event *ev, struct exit_text *out)
{
	struct port_name name = port_name_of(ev->u.io.port, ev->u.io.dir);
	char value[24], chr[12] = "";
	int is_out = ev->u.io.dir == IO_OUT;
	exit_value_hex(value, sizeof(value), ev->u.io.data, ev->u.io.size);
	exit_char_name(ev->u.io.data[0], chr, sizeof(chr));
	exit_text_printf(out, "Direction:  %s (%s)\n", is_out ? "out" : "in",
			 is_out ? "guest -> device" : "device -> guest");
	exit_text_printf(out, "Port:       0x%04" PRIx16 "%s%s\n", ev->u.io.port,
			 name.long_name ? "  " : "", name.long_name ? name.long_name : "");
	exit_text_printf(out, "Size:       %u byte%s, count %" PRIu32 "\n", ev->u.io.size,
			 ev->u.io.size == 1 ? "" : "s", ev->u.io.count);
	if (ev->flags & EVENT_F_BIOS) {
		bios_section(ev, out);
		return;
	}
	exit_text_printf(out, "Data:       0x%s%s%s\n", value, ev->u.io.size == 1 && chr[0] ? "  " : "",
			 ev->u.io.size == 1 ? chr : "");
}

void exit_section_mmio(const struct event *ev, struct exit_text *out)
{
	char value[24];
	exit_value_hex(value, sizeof(value), ev->u.mmio.data, ev->u.mmio.len);
	exit_text_printf(out, "Access:     %s\n", ev->u.mmio.is_write ? "write (guest -> device)"
								 : "read (device -> guest)");
	exit_text_printf(out, "Address:    0x%" PRIx64 " (guest physical)\n", ev->u.mmio.addr);
	exit_text_printf(out, "Length:     %u bytes\n", ev->u.mmio.len);
	exit_text_printf(out, "Data:       0x%s\n", value);
}

void exit_section_fail_entry(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "HW reason:  0x%" PRIx64 " (on cpu %" PRIu32 ")\n",
			 ev->u.fail_entry.hardware_reason, ev->u.fail_entry.cpu);
}

void exit_section_internal(const struct event *ev, struct exit_text *out)
{
	char bytes[15 * 3 + 1];
	exit_insn_hex(ev, bytes, sizeof(bytes));
	exit_text_printf(out, "Suberror:   %" PRIu32 " (%s)\n", ev->u.internal.suberror,
			 exit_suberror_name(ev->u.internal.suberror));
	if (bytes[0])
		exit_text_printf(out, "Insn bytes: %s\n", bytes);
}

void exit_section_debug(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "Exception:  %" PRIu32 "%s\n", ev->u.debug.exception,
			 (ev->flags & EVENT_F_STEP) ? " (ended a single step)" : "");
	exit_text_printf(out, "DR6:        0x%" PRIx64 "  PC 0x%" PRIx64 "\n", ev->u.debug.dr6,
			 ev->u.debug.pc);
}

void exit_section_system_event(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "Event:      %" PRIu32 " (%s), data 0x%" PRIx64 "\n",
			 ev->u.system_event.type, exit_system_event_name(ev->u.system_event.type),
			 ev->u.system_event.data0);
}

void exit_section_msr(const struct event *ev, struct exit_text *out)
{
	exit_text_printf(out, "MSR:        0x%" PRIx32 "  data 0x%" PRIx64 "  error %" PRIu32 "\n",
			 ev->u.msr.index, ev->u.msr.data, ev->u.msr.error);
}
