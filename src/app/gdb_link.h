/* SPDX-License-Identifier: MIT */
/* gdb_link.h - --gdb PORT: the running VM (or replay) as the GDB stub's
 * target (src/gdb), through the seam like any console.
 *
 * gdb reads the registers from the snapshot and memory through a window
 * the vCPU fills (mem_view.h, MEM_WIN_GDB); continue, step and ^C are the
 * console's own resume, step and pause requests. A watcher thread turns
 * the vCPU's state changes into the stops the stub reports: a pause after
 * a step or an interrupt, a breakpoint's pause, the guest's end (W, with
 * the debug-exit status). In this slice gdb cannot write registers or
 * memory, and its breakpoints (Z0-Z4) are refused: they need the debug
 * registers (see breakpoints.h); kvm-tui's own --break ones stop it. In a
 * replay a step goes to the next recorded exit. */
#ifndef KVMTUI_GDB_LINK_H
#define KVMTUI_GDB_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "seam.h"

struct gdb_link;

/* Binds 127.0.0.1:port now (a port in use is an error before the VM
 * starts). log: where its lines go (stderr headless; NULL in the TUI).
 * NULL with the reason in err. */
struct gdb_link *gdb_link_open(struct seam *seam, uint16_t port, bool log_to_stderr, char *err,
			       size_t errlen);
/* Starts the stub's and the watcher's threads (after the vCPU started). */
int gdb_link_start(struct gdb_link *l, char *err, size_t errlen);
/* Stops both and frees it (before the VM stops). NULL is fine. */
void gdb_link_close(struct gdb_link *l);

#endif
