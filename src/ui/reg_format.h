/* SPDX-License-Identifier: MIT */
/* reg_format.h - registers as a student reads them.
 *
 * General registers are named and sized for the CPU mode (AX in 16-bit
 * code, EAX in 32-bit, RAX..R15 in 64-bit). Flag and control-register bits
 * are named, upper case when set and lower case when clear (as Bochs
 * prints them), so the text reads the same without colour. Segment
 * attributes are decoded from their descriptor fields. Pure.
 */
#ifndef KVMTUI_REG_FORMAT_H
#define KVMTUI_REG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

/* How many general registers a mode has (8, or 16 in 64-bit code). */
int reg_gpr_count(int width);
/* "AX", "EAX", "RAX", "R8W", "R8D", "R8". */
const char *reg_gpr_name(enum gpr r, int width);
const char *reg_ip_name(int width);    /* "IP", "EIP", "RIP" */
const char *reg_flags_name(int width); /* "FLAGS", "EFLAGS", "RFLAGS" */
const char *reg_seg_name(enum seg_index s); /* "CS", ..., "TR", "LDT" */

/* width/4 hex digits, zero-padded; the value truncated to the width. */
void reg_format_hex(char *buf, size_t n, uint64_t value, int width);

enum reg_bits_kind { BITS_RFLAGS, BITS_CR0, BITS_CR4, BITS_EFER };

struct reg_bit {
	char text[24]; /* "ZF" when set, "zf" when clear; "IOPL=3" */
	bool set;
	bool core;     /* worth showing even when space is short */
};

/* The named bits of a register, most significant first. */
size_t reg_bits(uint64_t value, enum reg_bits_kind kind, struct reg_bit *out, size_t max);
/* The same as one space-separated string; only_set leaves clear bits out. */
size_t reg_bits_format(char *buf, size_t n, uint64_t value, enum reg_bits_kind kind,
		       bool only_set);

/* Access rights as VMX packs them (type, S, DPL, P, AVL, L, D/B, G): the
 * "93" a student meets in real-mode dumps. */
uint16_t reg_seg_ar(const struct cpu_segment *s);
/* "code xr-a", "data rw-a", "TSS32 busy", "LDT", "unusable". */
void reg_format_seg_type(char *buf, size_t n, const struct cpu_segment *s);
/* Type plus "DPL0 P 16-bit byte": everything in the descriptor but base/limit. */
void reg_format_seg_attrs(char *buf, size_t n, const struct cpu_segment *s);

/* The PICs' lines, IRQ numbers in decimal as a PC's are known: "pend 0,4
 * serv 0  mask f8/ff" (pending in IRR, in service in ISR, the master's and
 * the slave's IMR). The cascade (IRQ 2) is left out where the slave's own
 * IRQ 8-15 say the same. */
void reg_format_irq_lines(char *buf, size_t n, const struct cpu_irq_lines *l);

#endif
