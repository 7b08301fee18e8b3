/* SPDX-License-Identifier: MIT */
/* code_view.h - the instructions around CS:RIP, as the code pane lists them.
 *
 * From the code window the vCPU publishes (mem_view.h: bytes from a little
 * before CS:RIP on) and the registers: decoded for the mode the CPU is in,
 * addressed as the student reads them (CS:IP in real mode), the current
 * instruction marked and, when the registers are those of an exit, the
 * instruction that made it (which KVM may have left behind RIP already:
 * disasm_exit_cause). Instructions before RIP cannot be decoded backwards
 * for certain: the listing starts at the earliest byte from which decoding
 * lands exactly on RIP (x86 code falls into step within a few
 * instructions), and never shows what was not read. Pure: no curses. */
#ifndef KVMTUI_CODE_VIEW_H
#define KVMTUI_CODE_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu_state.h"
#include "disasm.h"
#include "event.h"
#include "mem_view.h"

#define CODE_VIEW_BEFORE 48   /* bytes the code window starts before CS:RIP */
#define CODE_VIEW_LEN 256     /* bytes it holds */
#define CODE_VIEW_LINES 96    /* at most this many instructions listed */

struct code_line {
	uint64_t linear;                 /* where it starts */
	char where[24];                  /* "0000:7c1e", "00007c1e" */
	char hex[DISASM_HEX_MAX];        /* "ba fd 03" */
	char text[DISASM_TEXT_MAX];      /* "mov dx, 0x3fd" */
	bool current;                    /* at CS:RIP */
	bool cause;                      /* made the exit these registers are of */
	bool bad;                        /* not a valid instruction: a byte as data */
};

struct code_view {
	int count;
	int current;                     /* the line at CS:RIP; -1: none */
	enum disasm_bits bits;
	bool cause_behind;               /* the exit's instruction is before RIP (it completed) */
	char note[128];                  /* why there are no lines, if there are none */
	struct code_line line[CODE_VIEW_LINES];
};

/* The code window the pane asks for: CS:RIP less CODE_VIEW_BEFORE. */
void code_view_window_expr(struct addr_expr *out);

/* Lists what the window holds: up to `before` instructions before CS:RIP
 * and the rest after it. last_exit: the newest exit in the log (NULL if
 * none), marked as the cause if it is the exit these registers are of. */
void code_view_build(struct code_view *cv, const struct mem_window *w, const struct cpu_state *cpu,
		     enum disasm_syntax syntax, const struct event *last_exit, int before);

#endif
