/* SPDX-License-Identifier: MIT */
/* gdb_listen.c - the listening socket and the clients it accepts or
 * turns away (gdb_listen.h). */
#define _GNU_SOURCE /* accept4 */
#include "gdb_listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gdb_packet.h"

static int fail(int fd, char *err, size_t errlen, uint16_t port, const char *what)
{
	int e = errno;
	if (fd >= 0)
		close(fd);
	if (e == EADDRINUSE)
		snprintf(err, errlen, "gdb: port %u on 127.0.0.1 is in use (another kvm-tui, qemu or gdb server?); "
			 "choose another port", port);
	else
		snprintf(err, errlen, "gdb: cannot %s 127.0.0.1:%u: %s", what, port, strerror(e));
	return -1;
}

int gdb_listen_open(uint16_t port, char *err, size_t errlen)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(-1, err, errlen, port, "open a socket for");
	int one = 1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one))
		return fail(fd, err, errlen, port, "set SO_REUSEADDR on");
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port),
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (bind(fd, (struct sockaddr *)&addr, sizeof addr))
		return fail(fd, err, errlen, port, "listen on");
	if (listen(fd, 2))
		return fail(fd, err, errlen, port, "listen on");
	return fd;
}

uint16_t gdb_listen_port(int fd)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof addr;
	if (getsockname(fd, (struct sockaddr *)&addr, &len))
		return 0;
	return ntohs(addr.sin_port);
}

int gdb_listen_accept(int listen_fd, char *peer, size_t peerlen)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof addr;
	int fd = accept4(listen_fd, (struct sockaddr *)&addr, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return -1;
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	char ip[INET_ADDRSTRLEN] = "?";
	inet_ntop(AF_INET, &addr.sin_addr, ip, sizeof ip);
	snprintf(peer, peerlen, "%s:%u", ip, ntohs(addr.sin_port));
	return fd;
}

/* An E.text error reply carries words to gdb's screen. */
static void refuse(int fd)
{
	static const char text[] = "E." GDB_BUSY_MESSAGE;
	uint8_t frame[sizeof text * 2 + 8];
	frame[0] = '+';
	size_t n = 1 + gdb_packet_frame((const uint8_t *)text, sizeof text - 1, frame + 1, sizeof frame - 1);
	if (send(fd, frame, n, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
		/* nothing to be done: it goes away without the words */
	}
	shutdown(fd, SHUT_WR);
	close(fd);
}

void gdb_refusals_init(struct gdb_refusals *r)
{
	for (int i = 0; i < GDB_REFUSE_SLOTS; i++) {
		r->fd[i] = -1;
		r->after_hash[i] = -1;
	}
	r->next = 0;
}

void gdb_refusals_add(struct gdb_refusals *r, int fd)
{
	for (int i = 0; i < GDB_REFUSE_SLOTS; i++) {
		if (r->fd[i] < 0) {
			r->fd[i] = fd;
			r->after_hash[i] = -1;
			return;
		}
	}
	unsigned slot = r->next++ % GDB_REFUSE_SLOTS;
	refuse(r->fd[slot]);
	r->fd[slot] = fd;
	r->after_hash[slot] = -1;
}

void gdb_refusals_poll(const struct gdb_refusals *r, struct pollfd *fds)
{
	for (int i = 0; i < GDB_REFUSE_SLOTS; i++)
		fds[i] = (struct pollfd){ .fd = r->fd[i], .events = POLLIN };
}

/* Reads what a waiting client sent: true once its first packet has
 * ended, or it has hung up (then the words go nowhere, harmlessly). */
static bool first_packet_over(int fd, int *after_hash)
{
	uint8_t buf[512];
	ssize_t n;
	while ((n = recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (*after_hash >= 0)
				++*after_hash;
			else if (buf[i] == '#')
				*after_hash = 0;
		}
	}
	return *after_hash >= 2 || n == 0 || (errno != EAGAIN && errno != EINTR);
}

void gdb_refusals_serve(struct gdb_refusals *r, const struct pollfd *fds)
{
	for (int i = 0; i < GDB_REFUSE_SLOTS; i++) {
		if (r->fd[i] >= 0 && fds[i].revents && first_packet_over(r->fd[i], &r->after_hash[i])) {
			refuse(r->fd[i]);
			r->fd[i] = -1;
		}
	}
}

void gdb_refusals_close_all(struct gdb_refusals *r)
{
	for (int i = 0; i < GDB_REFUSE_SLOTS; i++) {
		if (r->fd[i] >= 0)
			close(r->fd[i]);
		r->fd[i] = -1;
	}
}
