/* SPDX-License-Identifier: MIT */
/* input_route.h - where a pipe's input goes when the guest has a BIOS and
 * the user did not say (--keyboard): where the guest first reads input.
 *
 * A boot-sector program from the internet reads int 16h; the lesson guests
 * that predate the BIOS read COM1 directly. Both should take
 * `printf ... | kvm-tui --headless` as they are, so the headless console
 * holds stdin back until an exit shows which: COM1 once the guest reads its
 * receiver or line status, enables its receive interrupt or calls int 14h;
 * the keyboard once it calls int 16h or touches the 8042's ports. Pure. */
#ifndef KVMTUI_INPUT_ROUTE_H
#define KVMTUI_INPUT_ROUTE_H

#include <stdbool.h>

#include "event.h"
#include "key_stream.h"

/* true, with *out set, when this record shows where the guest reads input. */
bool input_route_from_exit(const struct event *ev, enum input_target *out);

#endif
