/* SPDX-License-Identifier: MIT */
/* breakpoints.h - where the vCPU stops by itself: the list the console
 * edits and the vCPU obeys.
 *
 * What a breakpoint can be, as typed at the console's b prompt or after
 * --break (bp_parse):
 *   0x7c10  0:7c10  7c10h     execution reaches that (linear) address
 *   io  mmio  hlt  shutdown   an exit of that reason (any name the exit log uses)
 *   io:0x3f8  in:0x60  out:0x3f8    an I/O exit on that port (either way, in, out)
 *   mmio:0xb8000  mmio:write:0xa0000:0x20000   an MMIO exit in [addr, addr+len)
 *   mode  mode:pe  mode:pg  mode:lma           the CPU's mode changed (CR0.PE/PG, EFER.LMA)
 *   int:0x08  int:0x21        an interrupt with that vector is delivered
 *   watch:0x7e00:2  rwatch:..  awatch:..       memory [addr, addr+len) written / read / either
 * Exit, port, MMIO, mode and interrupt breakpoints are checked by the vCPU
 * loop after each exit (and each injection), live or in a replay; a mode
 * change is caught at the first exit or step after it (a mode switch is
 * not itself an exit). Address breakpoints and watchpoints need the CPU's
 * debug registers (KVM_SET_GUEST_DEBUG): live only, four at most.
 *
 * The list lives in the seam, so it survives a reset. The console edits it
 * under its lock and bumps `version`; the vCPU copies it when the version
 * moved. With nothing enabled (`armed` 0) the exit path pays one relaxed
 * load. Pure apart from the lock: no KVM, no curses. */
#ifndef KVMTUI_BREAKPOINTS_H
#define KVMTUI_BREAKPOINTS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"
#include "event.h"

#define BRK_MAX 32
#define BRK_TEXT_MAX 48
#define BRK_HW_MAX 4 /* the debug registers DR0-DR3 */

enum brk_kind {
	BRK_ADDR,    /* execution reaches addr (a debug register) */
	BRK_EXIT,    /* an exit with this reason */
	BRK_PORT,    /* an IO exit on port addr */
	BRK_MMIO,    /* an MMIO exit in [addr, addr + len) */
	BRK_MODE,    /* the mode changed: CR0.PE, CR0.PG or EFER.LMA (mode_bits says which) */
	BRK_VECTOR,  /* an interrupt with vector addr was delivered */
	BRK_WATCH,   /* memory [addr, addr + len) written (access: read or written) */
};

enum brk_dir { BRK_ANY, BRK_IN_OR_READ, BRK_OUT_OR_WRITE };

#define BRK_MODE_PE 1u
#define BRK_MODE_PG 2u
#define BRK_MODE_LMA 4u

struct breakpoint {
	uint32_t id;        /* 1, 2, ...: not reused while kvm-tui runs (a 16-bit id wrapped to 0
			     * after 65535 adds: found by tests/fuzz/fuzz_breakpoints) */
	uint8_t kind;       /* enum brk_kind */
	uint8_t dir;        /* enum brk_dir */
	bool enabled;
	uint8_t mode_bits;  /* BRK_MODE: which changes count */
	uint16_t reason;    /* BRK_EXIT */
	uint64_t addr;      /* address, port or vector */
	uint64_t len;       /* BRK_MMIO, BRK_WATCH: bytes (1, 2, 4, 8 for a watchpoint) */
	char text[BRK_TEXT_MAX]; /* as the user typed it, tidied ("io:0x3f8") */
};

struct bp_list {
	pthread_mutex_t lock;
	_Atomic uint32_t version;  /* bumps at every change */
	_Atomic uint32_t armed;    /* enabled breakpoints: 0 costs the vCPU nothing */
	unsigned n;
	uint32_t next_id;
	struct breakpoint bp[BRK_MAX];
	_Atomic uint64_t hits[BRK_MAX]; /* by slot, counted by the vCPU */
};

void bp_list_init(struct bp_list *l);
void bp_list_destroy(struct bp_list *l);

/* Parses text (see above) into *out (id 0, enabled). 0, or -1 with a
 * short reason in err. */
int bp_parse(const char *text, struct breakpoint *out, char *err, size_t errlen);

/* Whether this kvm-tui can stop on it: address breakpoints and
 * watchpoints need the debug registers, not programmed yet (see the
 * README's "Breakpoints"). 0, or -1 with the reason in err. */
int bp_supported(const struct breakpoint *bp, char *err, size_t errlen);

/* Console side. Adds one: its id, or -1 (full: err says so). */
int bp_add(struct bp_list *l, const struct breakpoint *bp, char *err, size_t errlen);
/* By id: 0, or -1 if there is none. */
int bp_remove(struct bp_list *l, unsigned id);
int bp_set_enabled(struct bp_list *l, unsigned id, bool on);
/* A copy of the list as it is now (with each one's hits); returns n. */
unsigned bp_snapshot(struct bp_list *l, struct breakpoint *out, uint64_t *hits, unsigned max);
/* The text of breakpoint id ("" if none), e.g. for the status bar. */
void bp_describe(struct bp_list *l, unsigned id, char *out, size_t n);

/* vCPU side: does this exit (or injection: an EVENT_IRQ) hit an enabled
 * breakpoint of the exit kinds? prev/now: the mode bits before and after
 * (BRK_MODE_*). Returns its slot in the copy, or -1. Pure. */
int bp_match(const struct breakpoint *bp, unsigned n, const struct event *ev, unsigned prev_mode,
	     unsigned now_mode);
/* The BRK_MODE_* bits of a register state. */
unsigned bp_mode_bits(const struct cpu_state *cpu);

#endif
