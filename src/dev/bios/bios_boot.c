/* SPDX-License-Identifier: MIT */
/* bios_boot.c - int 18h and 19h (boot again: the machine resets and loads
 * the boot sector anew) and int 17h (the printer: there is none). */
#include "bios.h"

#define PRINTER_TIMEOUT 0x01 /* int 17h status: time-out, as for a port with nothing on it */

void bios_boot_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	(void)r;
	(void)call;
	if (b->host.reboot)
		b->host.reboot(b->host.ctx);
}

void bios_printer_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	(void)b;
	if (bios_ah(r) > 0x02)
		call->unknown = true;
	bios_set_ah(r, PRINTER_TIMEOUT);
}
