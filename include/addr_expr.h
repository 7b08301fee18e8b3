/* SPDX-License-Identifier: MIT */
/* addr_expr.h - a guest address as a user types it, for the memory view,
 * breakpoints and --dump (issue 11):
 *
 *   0x7c00  7c00h  31744     a linear address (decimal, 0x or h-suffixed
 *                            hex; never octal: 0777 is seven hundred...)
 *   phys:0x1000              a physical address (the same as linear until
 *                            paging is on)
 *   0:7c00  b800:0           segment:offset, as real mode forms it (hex,
 *                            as real-mode tools write them; 0x allowed)
 *   ss:sp  ds:si  es:di+4    segment and offset registers, re-read at
 *   cs:ip  rip  sp           every step, so the view follows them
 *   ss:sp-2  rip+0x10        a displacement (+ or -)
 *
 * A segment register means its base (what the CPU adds, in any mode); a
 * number as segment means number * 16 (real mode's rule). An offset alone
 * (rip, sp, si) is taken in its usual segment: rip/ip in CS, sp/bp in SS,
 * the rest in DS. Pure: no KVM, no curses.
 */
#ifndef KVMTUI_ADDR_EXPR_H
#define KVMTUI_ADDR_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

enum addr_space { ADDR_LINEAR, ADDR_PHYSICAL };

/* One part of an address: a register (index into the cpu_state) or a number. */
struct addr_term {
	bool is_reg;
	uint8_t reg;      /* enum gpr, or ADDR_REG_RIP; for a segment: enum seg_index */
	uint8_t width;    /* bytes of the register used: 2 (sp), 4 (esp), 8 (rsp) */
	uint64_t value;   /* a number */
};

#define ADDR_REG_RIP GPR_COUNT

struct addr_expr {
	enum addr_space space;
	bool has_segment;
	struct addr_term segment; /* reg: a seg_index; value: a paragraph number */
	struct addr_term offset;  /* reg: enum gpr or ADDR_REG_RIP */
	int64_t disp;
	bool follows;             /* names a register: re-evaluate at every step */
};

/* Parses text (surrounding blanks allowed). 0, or -1 with a short reason
 * in err ("unknown register 'xz'", "number too large"). */
int addr_expr_parse(const char *text, struct addr_expr *out, char *err, size_t errlen);
/* The address now: linear (or physical) for these registers. */
uint64_t addr_expr_eval(const struct addr_expr *e, const struct cpu_state *cpu);
/* "ADDR:LEN" (--dump): LEN after the last colon, 1..max; the rest an address. */
int addr_expr_parse_range(const char *text, struct addr_expr *out, uint64_t *len, uint64_t max, char *err,
			  size_t errlen);

#endif
