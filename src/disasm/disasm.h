/* SPDX-License-Identifier: MIT */
/* disasm.h - x86 machine code as text, for the code view and the exit detail.
 *
 * A thin layer over Capstone (libcapstone, BSD, in Debian): a decoder is
 * opened for a code size (16-, 32- or 64-bit) and a syntax (Intel, the
 * default, or AT&T, which reads like the GNU as sources of the lesson
 * guests), then decodes one instruction, or a run of them, from a buffer of
 * guest bytes at a guest address.
 *
 * Whatever the bytes, decoding always moves on: a byte that starts no valid
 * instruction comes back as ".byte 0xNN" of length 1 (DISASM_BAD), and an
 * instruction cut off by the end of the buffer as the same, marked
 * DISASM_TRUNCATED; nothing is read past the buffer's end.
 *
 * The address given is what relative branches are computed from and what
 * the caller shows: in real mode pass IP (the offset in CS, as the sources
 * and the student see it; 16-bit targets wrap at 64 KiB as the CPU's do) and
 * show it with disasm_format_real(). Pure: no KVM, no curses, no globals;
 * one decoder per thread.
 */
#ifndef KVMTUI_DISASM_H
#define KVMTUI_DISASM_H

#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"
#include "event.h"

/* The code size the bytes are decoded for (CS.L / CS.D, or real mode). */
enum disasm_bits {
	DISASM_16 = 16,
	DISASM_32 = 32,
	DISASM_64 = 64,
};

enum disasm_syntax {
	DISASM_INTEL, /* mov ax, word ptr [di]   (the default) */
	DISASM_ATT,   /* movw (%di), %ax         (GNU as, our guests' sources) */
};

enum disasm_status {
	DISASM_OK,        /* a whole, valid instruction */
	DISASM_BAD,       /* no instruction starts here: one byte as data */
	DISASM_TRUNCATED, /* the buffer ends inside an instruction: one byte as data */
};

#define DISASM_MAX_LEN 15 /* the longest x86 instruction, in bytes */
/* Room for the text of any instruction, with its NUL (Capstone's own
 * limits: a 32-byte mnemonic and 160 bytes of operands). */
#define DISASM_MNEMONIC_MAX 32
#define DISASM_OPERANDS_MAX 160
#define DISASM_TEXT_MAX (DISASM_MNEMONIC_MAX + DISASM_OPERANDS_MAX)
/* "ea 12 7c 00 00": three characters a byte. */
#define DISASM_HEX_MAX (3 * DISASM_MAX_LEN)

struct disasm_insn {
	uint64_t addr;                     /* where it starts (as given) */
	uint8_t len;                       /* 1..15 */
	uint8_t bytes[DISASM_MAX_LEN];     /* its first len bytes */
	enum disasm_status status;
	char mnemonic[DISASM_MNEMONIC_MAX];  /* "ljmpw", "out"; ".byte" if not OK */
	char operands[DISASM_OPERANDS_MAX];  /* "$0x0:$0x7c12"; may be empty */
	char text[DISASM_TEXT_MAX];          /* mnemonic, a space, operands */
};

struct disasm; /* a decoder: one Capstone handle, its mode and syntax */

/* A decoder for that code size and syntax, or NULL (bits not 16/32/64, or
 * no memory); disasm_close(NULL) does nothing. */
struct disasm *disasm_open(enum disasm_bits bits, enum disasm_syntax syntax);
void disasm_close(struct disasm *d);

/* The instruction at buf[0..size), which sits at guest address addr: its
 * length (1..15, never more than size), or 0 when size is 0. */
size_t disasm_one(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr,
		  struct disasm_insn *out);

/* Up to max instructions one after another from buf[0..size) at addr: how
 * many were decoded (fewer only when the buffer ran out). */
size_t disasm_many(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr,
		   struct disasm_insn *out, size_t max);

/* The instruction's bytes in hex, "ea 12 7c 00 00", into out[cap]. */
void disasm_hex(const struct disasm_insn *insn, char *out, size_t cap);

/* A real-mode address as the student reads it: "0000:7c12 (07c12)", CS:IP
 * and, in brackets, the linear address CS base + IP the CPU fetches from
 * (from the base, not from selector * 16, so it is right after a reset's
 * f000:fff0 with base ffff0000, or in unreal mode). */
void disasm_format_real(char *out, size_t cap, uint16_t cs, uint64_t cs_base, uint16_t ip);

/* The code size the CPU decodes with in this state: 64 in a 64-bit code
 * segment (EFER.LMA and CS.L), 16 in real and virtual-8086 mode, else 32 or
 * 16 by CS.D (protected mode, compatibility mode). */
enum disasm_bits disasm_bits_of(const struct cpu_state *cpu);

#define DISASM_LINE_MAX (DISASM_TEXT_MAX + DISASM_HEX_MAX + 8)

/* The instruction that caused an exit, in one line for the exit detail
 * view: "out dx, al  [ee]", from the bytes at RIP (size of them; fewer than
 * 15 is fine; rip is where they are, for branch targets: IP in real mode)
 * in that code size and syntax. Says so when there are no bytes, or they
 * are not a whole valid instruction:
 *   "(bad)  [ff ff]  no valid 16-bit instruction starts here"
 *   "(truncated)  [66 0f]  the instruction goes on past the 2 bytes read" */
void disasm_exit_line(const uint8_t *bytes, size_t size, uint64_t rip, enum disasm_bits bits,
		      enum disasm_syntax syntax, char *out, size_t cap);

/* Which instruction made an exit (disasm_cause.c): KVM leaves RIP past an
 * OUT or HLT that completed, on an IN, string I/O or MMIO access that
 * completes when the guest runs again. From the code bytes win[0..size)
 * that start at win_addr (the same address terms as rip: linear, or IP
 * with the window's offsets in real mode), finds the one that fits the
 * exit (an I/O instruction for an IO exit, hlt for HLT). */
enum disasm_cause {
	CAUSE_NONE,       /* no bytes at RIP to decode */
	CAUSE_AT_RIP,     /* the instruction at RIP (it completes later) */
	CAUSE_BEFORE_RIP, /* the one that ends at RIP (it completed) */
	CAUSE_NEXT,       /* not an instruction's exit: *out is what runs next */
	CAUSE_UNSURE,     /* nothing fits (code changed since?): *out is at RIP */
};
enum disasm_cause disasm_exit_cause(struct disasm *d, const uint8_t *win, size_t size, uint64_t win_addr,
				    uint64_t rip, const struct event *ev, struct disasm_insn *out);

#endif
