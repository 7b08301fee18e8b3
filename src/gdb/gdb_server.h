/* SPDX-License-Identifier: MIT */
/* gdb_server.h - the GDB stub as kvm-tui runs it: a thread that listens on
 * 127.0.0.1:PORT, serves one gdb at a time (gdb_session.h) over a target
 * (gdb_target.h), and turns away a second one with a message.
 *
 * Threading: gdb_server_open binds the port on the caller's thread (so a
 * port in use is an error at startup, with words for the user);
 * gdb_server_start starts the stub's thread, which from then on is the
 * only one calling the target's ops. It sleeps in poll() on the listening
 * socket, the client, an eventfd for target stops and one for quitting:
 * no busy loop, no blocking socket call. The target reports stops with
 * gdb_server_notify_stop from any thread (the engine's console thread, the
 * vCPU thread): it queues the stop and wakes the stub, never blocks.
 * gdb_server_close stops the thread (a connected gdb sees the connection
 * close and the target is let go as at a disconnect) and frees it all.
 *
 * A client that disconnects, detaches (D) or quits makes the target run
 * on, with gdb's breakpoints and watchpoints taken out.
 */
#ifndef KVMTUI_GDB_SERVER_H
#define KVMTUI_GDB_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "gdb_session.h"
#include "gdb_target.h"

struct gdb_server_config {
	uint16_t port;                 /* 0: any free port (tests), see gdb_server_port */
	enum gdb_arch_choice arch;     /* usually GDB_ARCH_CHOICE_AUTO */
	/* One line for the console ("gdb: client 127.0.0.1:40312 connected"),
	 * no newline; called on the stub's thread. May be NULL. */
	void (*log)(void *log_ctx, const char *line);
	void *log_ctx;
};

struct gdb_server;

/* Binds and listens. NULL with the reason in err. */
struct gdb_server *gdb_server_open(const struct gdb_server_config *cfg, const struct gdb_target_ops *ops,
				   void *target, char *err, size_t errlen);
/* The port it listens on. */
uint16_t gdb_server_port(const struct gdb_server *srv);
/* Starts the stub's thread. 0, or -1 with the reason in err. */
int gdb_server_start(struct gdb_server *srv, char *err, size_t errlen);
/* The target stopped (gdb_target.h says when). Any thread, never blocks. */
void gdb_server_notify_stop(struct gdb_server *srv, const struct gdb_stop *stop);
/* Stops the thread, closes the sockets and frees srv. NULL is fine. */
void gdb_server_close(struct gdb_server *srv);

#endif
