/* SPDX-License-Identifier: MIT */
/* gdb_target.h - what the GDB stub needs from the machine it debugs.
 *
 * The stub (gdb_session.h, gdb_server.h) speaks gdb's remote serial
 * protocol; everything it knows of the guest goes through these ops, so the
 * same stub serves the KVM engine and the fake target of the tests.
 *
 * Threading contract
 * ------------------
 * - Every op is called from the stub's own thread (gdb_server's thread, or
 *   whoever calls gdb_session_feed), never from two threads at once.
 * - The target is either STOPPED or RUNNING as the stub sees it. The stub
 *   calls get_regs, set_regs, read_mem, write_mem, insert_break,
 *   remove_break and resume only while the target is stopped; while it
 *   runs, only interrupt. The stub's view changes to RUNNING when resume
 *   returns 0, and back to STOPPED when the target reports a stop.
 * - A stop is reported asynchronously: the target calls
 *   gdb_server_notify_stop() (any thread, never blocks; for the bare
 *   session in tests, gdb_session_stopped() on the stub's thread). It must
 *   report exactly one stop for each successful resume, and one for each
 *   interrupt request, even when the target was already stopped when it
 *   came (the stub asks for a stop when gdb connects and waits for it
 *   before answering gdb, whatever state the guest was in). It may report
 *   from inside resume or interrupt (a target that steps synchronously).
 * - Ops return quickly: reading registers or memory of a stopped vCPU is
 *   a copy; resume and interrupt post a request and return at once.
 *
 * Addresses
 * ---------
 * Memory addresses are LINEAR (segment base already added): in real mode
 * gdb's `x/8xb 0x7c00` is linear 0x7c00, and code at CS:IP is read with
 * `x/4i $cs*16+$eip`. Until paging is on, linear = guest physical; with
 * paging on the engine translates (or fails the access: E14). Breakpoint
 * and watchpoint addresses are linear too: the engine compares them with
 * CS.base + RIP (and the data address of an access). gdb's $pc is RIP as
 * the CPU holds it (in real mode IP, the offset in CS), so a breakpoint is
 * reported by gdb as "Breakpoint N" only when CS.base is 0 (linear = IP);
 * otherwise gdb shows it as a SIGTRAP at IP.
 */
#ifndef KVMTUI_GDB_TARGET_H
#define KVMTUI_GDB_TARGET_H

#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

/* Z/z packet types, in the protocol's numbering (Z0..Z4). */
enum gdb_break_type {
	GDB_BREAK_SW = 0,          /* software breakpoint (int3) */
	GDB_BREAK_HW = 1,          /* hardware breakpoint (debug register) */
	GDB_WATCH_WRITE = 2,
	GDB_WATCH_READ = 3,
	GDB_WATCH_ACCESS = 4,
	GDB_BREAK_TYPE_COUNT
};

enum gdb_resume_kind { GDB_RESUME_CONTINUE, GDB_RESUME_STEP };

/* Why the target stopped. */
enum gdb_stop_kind {
	GDB_STOP_STEP_DONE,   /* a single step finished: T05 */
	GDB_STOP_INTERRUPTED, /* interrupt() was obeyed (gdb's ^C): T02 */
	GDB_STOP_BREAKPOINT,  /* at a Z0 (type SW) or Z1 (type HW) address: T05 swbreak:/hwbreak: */
	GDB_STOP_WATCHPOINT,  /* a Z2-Z4 watch fired on data address addr: T05 watch:/rwatch:/awatch: */
	GDB_STOP_SIGNAL,      /* something else stopped it (a fault, a shutdown): T<signal> */
	GDB_STOP_EXITED,      /* the guest exited with status (port 0xf4): W<status> */
	GDB_STOP_KILLED,      /* the guest is gone for good because of signal: X<signal> */
};

struct gdb_stop {
	enum gdb_stop_kind kind;
	enum gdb_break_type type; /* BREAKPOINT: SW or HW; WATCHPOINT: which watch */
	uint64_t addr;            /* WATCHPOINT: the data address that was accessed */
	uint8_t signal;           /* SIGNAL, KILLED: a gdb signal number (5 TRAP, 11 SEGV...) */
	uint8_t status;           /* EXITED: the exit status, 0-255 */
};

/* Returned by insert_break/remove_break for a type the target does not
 * do: the stub answers gdb with the empty packet, and gdb falls back (for
 * Z0 it writes int3 into memory itself). */
#define GDB_TARGET_UNSUPPORTED 1

struct gdb_target_ops {
	/* The registers now. 0, or -1 (gdb gets E01). */
	int (*get_regs)(void *ctx, struct cpu_state *cpu);
	/* Replace the registers with cpu (got from get_regs and changed). */
	int (*set_regs)(void *ctx, const struct cpu_state *cpu);
	/* Reads len bytes at a linear address: how many could be read from
	 * the start (0 to len; fewer where an unmapped page begins). */
	size_t (*read_mem)(void *ctx, uint64_t addr, uint8_t *buf, size_t len);
	/* Writes len bytes: 0 when all were written, -1 if any could not be. */
	int (*write_mem)(void *ctx, uint64_t addr, const uint8_t *buf, size_t len);
	/* kind: the breakpoint's length in bytes (gdb sends 1 for x86 Z0/Z1,
	 * 1, 2, 4 or 8 for watchpoints). 0, -1 (no room, bad address: E),
	 * or GDB_TARGET_UNSUPPORTED. */
	int (*insert_break)(void *ctx, enum gdb_break_type type, uint64_t addr, uint64_t kind);
	int (*remove_break)(void *ctx, enum gdb_break_type type, uint64_t addr, uint64_t kind);
	/* Starts the target running or stepping one instruction; a stop is
	 * reported when it ends (see the contract above). 0 or -1. */
	int (*resume)(void *ctx, enum gdb_resume_kind how);
	/* Asks a running target to stop; reports GDB_STOP_INTERRUPTED (or
	 * whatever stopped it first). Called on the stub's thread. */
	void (*interrupt)(void *ctx);
	/* gdb's "kill" (k). May be NULL: then k detaches, and the guest runs
	 * on (a VM is not a process gdb started). */
	void (*kill)(void *ctx);
};

#endif
