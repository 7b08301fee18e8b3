/* SPDX-License-Identifier: MIT */
/* gdb_session.h - one gdb connection's protocol state, without sockets:
 * bytes from gdb go in (gdb_session_feed), bytes for gdb come out
 * (gdb_session_output), target stops go in (gdb_session_stopped). The
 * server (gdb_server.h) moves the bytes; tests and the fuzzer drive it
 * directly with a fake target.
 *
 * Life of a session:
 *   ATTACHING  gdb connected; the stub asked the target to stop and holds
 *              gdb's packets back until it has (gdb expects a stopped
 *              target). The stop is remembered for '?', not sent.
 *   STOPPED    packets are answered one by one.
 *   RUNNING    after c/s/vCont: only 0x03 is acted upon (interrupt);
 *              packets get E01 without touching the target. The target's
 *              stop is sent as the stop reply and the session is STOPPED.
 *   DETACHING  gdb went away while the target ran with breakpoints in it:
 *              the stub interrupted it to take them out.
 *   FINISHED   detached (D), killed (k) or cleaned up after a disconnect:
 *              the target runs on without gdb's breakpoints; the server
 *              closes the connection once the output is sent.
 *
 * Every packet is acked ('+' for a good one, '-' for a bad checksum) and
 * answered; '-' from gdb resends the last reply. Anything the stub does not
 * know gets the empty reply (the protocol's "not supported"); anything
 * malformed an error reply "Enn":
 *   E01 malformed packet, or a command that cannot be done now
 *   E14 memory that could not be read or written (EFAULT)
 *   E22 a register or thread that does not exist (EINVAL)
 *   E28 no room for another breakpoint (ENOSPC)
 * The stub reports one thread, id 1; `qAttached` says 1, so gdb's quit
 * detaches (the guest runs on) rather than kills. No extended mode ('!'
 * gets the empty reply): gdb cannot restart a VM with `run`.
 */
#ifndef KVMTUI_GDB_SESSION_H
#define KVMTUI_GDB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdb_packet.h"
#include "gdb_regs.h"
#include "gdb_target.h"
#include "gdb_tdesc.h"

/* Room for queued output: a few framed replies. gdb_session_feed stops
 * taking input while less than two replies' worth is free. */
#define GDB_OUT_CAP (4 * GDB_FRAME_MAX)
/* Breakpoints and watchpoints gdb has inserted, remembered to take them
 * out if gdb goes away without doing so. */
#define GDB_MAX_BREAKPOINTS 64

enum gdb_session_state {
	GDB_SESSION_ATTACHING,
	GDB_SESSION_STOPPED,
	GDB_SESSION_RUNNING,
	GDB_SESSION_DETACHING,
	GDB_SESSION_FINISHED,
};

/* Which target description to serve: the one for the CPU's mode when gdb
 * connects (long mode: x86-64, else i386), or always one of them. */
enum gdb_arch_choice { GDB_ARCH_CHOICE_AUTO, GDB_ARCH_CHOICE_I386, GDB_ARCH_CHOICE_X86_64 };

struct gdb_breakpoint {
	enum gdb_break_type type;
	uint64_t addr, kind;
};

struct gdb_session {
	const struct gdb_target_ops *ops;
	void *target;
	enum gdb_session_state state;
	enum gdb_arch_choice arch_choice;
	enum gdb_arch arch;
	bool gdb_swbreak, gdb_hwbreak; /* gdb understands swbreak:/hwbreak: stop reasons */
	bool guest_gone;               /* W or X sent: nothing to resume */
	struct gdb_stop last_stop;
	struct gdb_rx rx;
	uint8_t packet[GDB_PACKET_MAX + 1]; /* decoded, NUL after it */
	size_t packet_len;
	uint8_t reply[GDB_PACKET_MAX];      /* the reply being built */
	size_t reply_len;
	bool reply_overflow;
	uint8_t last_frame[GDB_FRAME_MAX];  /* for '-' */
	size_t last_frame_len;
	uint8_t out[GDB_OUT_CAP];
	size_t out_len;
	struct gdb_breakpoint breaks[GDB_MAX_BREAKPOINTS];
	size_t break_count;
	char tdesc[GDB_TDESC_MAX];
	size_t tdesc_len;
};

void gdb_session_init(struct gdb_session *s, const struct gdb_target_ops *ops, void *target,
		      enum gdb_arch_choice arch);
/* gdb has connected: ask the target to stop (ATTACHING). */
void gdb_session_attach(struct gdb_session *s);
/* Takes bytes from gdb; returns how many it used (fewer while attaching or
 * when the output is full: give the rest again later). */
size_t gdb_session_feed(struct gdb_session *s, const uint8_t *in, size_t n);
/* The target reports a stop (see gdb_target.h). */
void gdb_session_stopped(struct gdb_session *s, const struct gdb_stop *stop);
/* gdb's connection is gone: take out its breakpoints and let the target
 * run (at once if stopped; via DETACHING if running with breakpoints). */
void gdb_session_disconnected(struct gdb_session *s);
/* The bytes waiting to go to gdb, and how many of them were sent. */
const uint8_t *gdb_session_output(const struct gdb_session *s, size_t *len);
void gdb_session_output_sent(struct gdb_session *s, size_t n);

#endif
