/* SPDX-License-Identifier: MIT */
/* gdb_listen.h - the stub's TCP socket: listening on 127.0.0.1 only (a
 * debugger port reads and writes all of guest memory; it must not be open
 * to the network), and turning away a client when one is already served. */
#ifndef KVMTUI_GDB_LISTEN_H
#define KVMTUI_GDB_LISTEN_H

#include <stddef.h>
#include <stdint.h>

/* What a second gdb receives before the connection is closed: an error
 * reply to whatever it sent first (its qSupported), which gdb shows. */
#define GDB_BUSY_MESSAGE "kvm-tui: another gdb is already connected (one at a time)"

/* A non-blocking listening socket on 127.0.0.1:port (0: any free port),
 * with SO_REUSEADDR so a restarted kvm-tui gets its port back at once.
 * The fd, or -1 with a reason in err ("port 1234 is in use ..."). */
int gdb_listen_open(uint16_t port, char *err, size_t errlen);
/* The port it listens on (for port 0). */
uint16_t gdb_listen_port(int fd);
/* Accepts one waiting connection, non-blocking, with TCP_NODELAY (gdb
 * sends small packets and waits for each answer). The fd or -1; peer gets
 * "ADDR:PORT" of the client. */
int gdb_listen_accept(int listen_fd, char *peer, size_t peerlen);
/* Clients being turned away. gdb reads nothing before it has sent its
 * first packet (a '+', then qSupported, in two writes), and a socket
 * closed before that packet arrived is reset when it does, so the words
 * would be lost: each waits here until gdb's first packet has ended
 * ('#' and two checksum digits), then gets "+" and an error reply
 * (GDB_BUSY_MESSAGE, which gdb shows) and is closed. A few at a time; a
 * newer one pushes out the oldest. */
#define GDB_REFUSE_SLOTS 4

struct gdb_refusals {
	int fd[GDB_REFUSE_SLOTS]; /* -1: free */
	int after_hash[GDB_REFUSE_SLOTS]; /* bytes seen after the first '#', -1 before it */
	unsigned next;            /* the slot to reuse when all are taken */
};

struct pollfd;

void gdb_refusals_init(struct gdb_refusals *r);
void gdb_refusals_add(struct gdb_refusals *r, int fd);
/* Fills fds[0..GDB_REFUSE_SLOTS) for poll (free slots get fd -1). */
void gdb_refusals_poll(const struct gdb_refusals *r, struct pollfd *fds);
/* After poll: answers and closes those that spoke or hung up. */
void gdb_refusals_serve(struct gdb_refusals *r, const struct pollfd *fds);
void gdb_refusals_close_all(struct gdb_refusals *r);

#endif
