/* SPDX-License-Identifier: MIT */
/* gdb_fake.h - a pretend machine for testing the GDB stub without KVM
 * (tests/unit/test_gdb_*.c, tests/fuzz/fuzz_gdb_packet.c and the
 * gdb_fake_target program that tests/integration/test_gdb_stub.sh drives
 * real gdb against). Built for the tests, never installed.
 *
 * The machine: 1 MiB of memory (linear = physical, nothing beyond), the
 * registers of a PC just after a boot sector was loaded (real mode,
 * CS:IP = 0:7c00, SS:SP = 0:7000, DS = ES = 0), and a toy CPU that knows
 * five instructions, all it needs to be stepped, continued and stopped:
 *   90     nop                    (1 byte)
 *   40     inc ax                 (1 byte)
 *   aa     stosb: [es:di] = al, di += 1; fires a write watchpoint on it
 *   eb XX  jmp short              (2 bytes; eb fe spins for ever)
 *   f4     hlt: the guest exits with status AL (a W reply)
 * Any other byte is a 1-byte no-op. At 0x7c00 it holds
 *   7c00 nop; 7c01 inc ax; 7c02 inc ax; 7c03 stosb (di = 0x500);
 *   7c04 nop; 7c05 inc ax; 7c06 jmp 7c06
 * so continuing without a breakpoint spins until interrupted (0x03).
 *
 * Continue runs synchronously inside resume for up to GDB_FAKE_BUDGET
 * instructions: a breakpoint (software or hardware, at CS.base + IP,
 * checked before each instruction but the first) or a watchpoint ends it
 * with a stop; a budget used up means the guest spins, and only interrupt
 * stops it then. Stops go to the notify callback.
 */
#ifndef KVMTUI_GDB_FAKE_H
#define KVMTUI_GDB_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdb_target.h"

#define GDB_FAKE_MEM (1u << 20)
#define GDB_FAKE_BUDGET 100000
#define GDB_FAKE_MAX_POINTS 16
#define GDB_FAKE_HW_POINTS 4 /* hardware breakpoints and watchpoints: x86's four debug registers */

struct gdb_fake_point {
	enum gdb_break_type type;
	uint64_t addr, kind;
};

struct gdb_fake {
	struct cpu_state cpu;
	uint8_t *mem; /* GDB_FAKE_MEM bytes */
	bool running;
	bool fail_regs; /* get_regs and set_regs fail (for the error paths) */
	bool no_sw_breaks; /* insert_break(SW) says unsupported */
	struct gdb_fake_point points[GDB_FAKE_MAX_POINTS];
	size_t point_count;
	unsigned budget; /* instructions a continue runs before it counts as spinning; 0: GDB_FAKE_BUDGET */
	unsigned resumes, interrupts, kills;
	void (*notify)(void *arg, const struct gdb_stop *stop);
	void *notify_arg;
};

extern const struct gdb_target_ops gdb_fake_ops;

/* A fresh machine with the program above; false if out of memory. */
bool gdb_fake_init(struct gdb_fake *f);
void gdb_fake_free(struct gdb_fake *f);
/* Back to the fresh machine, keeping its memory block (the fuzzer's way:
 * no 1 MiB allocation per input). */
void gdb_fake_reset(struct gdb_fake *f);

#endif
