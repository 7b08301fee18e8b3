/* SPDX-License-Identifier: MIT */
/* bios_dispatch.c - which service answers a trap: by the stub's vector. */
#include "bios.h"

static void service(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	switch (call->vector) {
	case 0x10:
		bios_video_call(b, r, call);
		return;
	case 0x11:
	case 0x12:
	case 0x15:
		bios_system_call(b, r, call);
		return;
	case 0x13:
		bios_disk_call(b, r, call);
		return;
	case 0x14:
		bios_serial_call(b, r, call);
		return;
	case 0x16:
		bios_keyboard_call(b, r, call);
		return;
	case 0x17:
		bios_printer_call(b, r, call);
		return;
	case 0x18:
	case 0x19:
		bios_boot_call(b, r, call);
		return;
	case 0x1a:
		bios_clock_call(b, r, call);
		return;
	default:
		call->unknown = true;
		bios_fail(r, 0x86);
		return;
	}
}

void bios_dispatch(struct bios *b, uint8_t vector, bool irq, struct bios_regs *r, struct bios_call *call)
{
	*call = (struct bios_call){ .vector = vector };
	if (irq) {
		if (vector == 0x09)
			bios_keyboard_irq(b, r, call);
		return;
	}
	service(b, r, call);
}
