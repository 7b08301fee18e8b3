/* SPDX-License-Identifier: MIT */
/* bios_describe.h - a BIOS call in words, from its exit record alone (so a
 * replay shows it too): "int 10h AH=0Eh teletype 'A'",
 * "int 13h AH=02h read 1 sector C0 H0 S2 -> 0000:7e00". */
#ifndef KVMTUI_BIOS_DESCRIBE_H
#define KVMTUI_BIOS_DESCRIBE_H

#include <stddef.h>

#include "event.h"

/* ev has EVENT_F_BIOS. Writes a NUL-terminated line into buf. */
void bios_describe(const struct event *ev, char *buf, size_t n);
/* "video", "disk", ... for the vector; "BIOS" for one it does not know. */
const char *bios_service_name(unsigned vector);

#endif
