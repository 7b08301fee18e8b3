/* SPDX-License-Identifier: MIT */
/* gdb_server.c - the stub's thread: one poll() over the listening socket,
 * the client, the stop queue and the quit signal (gdb_server.h). */
#include "gdb_server.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gdb_listen.h"

/* Stops waiting for the stub: one per resume, so a handful at most. */
#define STOP_QUEUE 8
#define IN_CAP 4096

struct gdb_server {
	struct gdb_server_config cfg;
	const struct gdb_target_ops *ops;
	void *target;
	int listen_fd, client_fd, stop_fd, quit_fd;
	bool session_active; /* from a connection until its session is FINISHED */
	pthread_t thread;
	bool started;
	pthread_mutex_t lock; /* guards the stop queue */
	struct gdb_stop stops[STOP_QUEUE];
	size_t stop_count;
	uint8_t in[IN_CAP]; /* from gdb, not yet taken by the session */
	size_t in_len;
	struct gdb_refusals refusals;
	struct gdb_session session;
};

__attribute__((format(printf, 2, 3))) static void logf_line(struct gdb_server *srv, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	if (!srv->cfg.log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	srv->cfg.log(srv->cfg.log_ctx, line);
}

struct gdb_server *gdb_server_open(const struct gdb_server_config *cfg, const struct gdb_target_ops *ops,
				   void *target, char *err, size_t errlen)
{
	struct gdb_server *srv = calloc(1, sizeof *srv);
	if (!srv) {
		snprintf(err, errlen, "gdb: out of memory");
		return NULL;
	}
	srv->cfg = *cfg;
	srv->ops = ops;
	srv->target = target;
	srv->client_fd = -1;
	gdb_refusals_init(&srv->refusals);
	srv->stop_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	srv->quit_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	pthread_mutex_init(&srv->lock, NULL);
	srv->listen_fd = gdb_listen_open(cfg->port, err, errlen);
	if (srv->stop_fd < 0 || srv->quit_fd < 0 || srv->listen_fd < 0) {
		if (srv->listen_fd >= 0)
			snprintf(err, errlen, "gdb: cannot create an eventfd: %s", strerror(errno));
		gdb_server_close(srv);
		return NULL;
	}
	return srv;
}

uint16_t gdb_server_port(const struct gdb_server *srv)
{
	return gdb_listen_port(srv->listen_fd);
}

static void wake(int fd)
{
	uint64_t one = 1;
	if (write(fd, &one, sizeof one) < 0) {
		/* the counter is already set: the stub wakes anyway */
	}
}

void gdb_server_notify_stop(struct gdb_server *srv, const struct gdb_stop *stop)
{
	pthread_mutex_lock(&srv->lock);
	if (srv->stop_count == STOP_QUEUE) /* cannot happen by the contract; keep the latest */
		srv->stop_count--;
	srv->stops[srv->stop_count++] = *stop;
	pthread_mutex_unlock(&srv->lock);
	wake(srv->stop_fd);
}

/* Hands the queued stops to the session, outside the lock: the session
 * may call the target, which may notify again. */
static void take_stops(struct gdb_server *srv)
{
	uint64_t counter;
	struct gdb_stop stops[STOP_QUEUE];
	if (read(srv->stop_fd, &counter, sizeof counter) < 0) {
		/* EAGAIN: woken for the queue's sake already */
	}
	pthread_mutex_lock(&srv->lock);
	size_t n = srv->stop_count;
	memcpy(stops, srv->stops, n * sizeof stops[0]);
	srv->stop_count = 0;
	pthread_mutex_unlock(&srv->lock);
	for (size_t i = 0; i < n && srv->session_active; i++)
		gdb_session_stopped(&srv->session, &stops[i]);
}

static void accept_client(struct gdb_server *srv)
{
	char peer[64];
	int fd = gdb_listen_accept(srv->listen_fd, peer, sizeof peer);
	if (fd < 0)
		return;
	if (srv->session_active) {
		gdb_refusals_add(&srv->refusals, fd);
		logf_line(srv, "gdb: refused a second client from %s (one gdb at a time)", peer);
		return;
	}
	srv->client_fd = fd;
	srv->in_len = 0;
	srv->session_active = true;
	gdb_session_init(&srv->session, srv->ops, srv->target, srv->cfg.arch);
	logf_line(srv, "gdb: client %s connected; the guest is stopped for it", peer);
	gdb_session_attach(&srv->session);
}

static void drop_client(struct gdb_server *srv, const char *why)
{
	bool was_finished = srv->session.state == GDB_SESSION_FINISHED;
	close(srv->client_fd);
	srv->client_fd = -1;
	gdb_session_disconnected(&srv->session);
	logf_line(srv, "gdb: client %s; the guest runs on", was_finished ? "detached" : why);
}

/* Gives gdb's bytes to the session, as many as it takes. */
static void feed_session(struct gdb_server *srv)
{
	size_t used = gdb_session_feed(&srv->session, srv->in, srv->in_len);
	memmove(srv->in, srv->in + used, srv->in_len - used);
	srv->in_len -= used;
}

static void read_client(struct gdb_server *srv)
{
	if (srv->in_len == sizeof srv->in) {
		/* a hang-up with our input buffer full: nothing more will come */
		drop_client(srv, "disconnected");
		return;
	}
	ssize_t n = recv(srv->client_fd, srv->in + srv->in_len, sizeof srv->in - srv->in_len, MSG_DONTWAIT);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
		drop_client(srv, "disconnected");
	else if (n > 0)
		srv->in_len += (size_t)n;
}

static void write_client(struct gdb_server *srv)
{
	size_t len;
	const uint8_t *out = gdb_session_output(&srv->session, &len);
	if (len == 0)
		return;
	ssize_t n = send(srv->client_fd, out, len, MSG_DONTWAIT | MSG_NOSIGNAL);
	if (n > 0)
		gdb_session_output_sent(&srv->session, (size_t)n);
	else if (n < 0 && errno != EAGAIN && errno != EINTR)
		drop_client(srv, "disconnected");
}

/* After D or k, once the OK is out: the connection has served its turn. */
static void finish_if_done(struct gdb_server *srv)
{
	size_t pending;
	gdb_session_output(&srv->session, &pending);
	if (srv->client_fd >= 0 && srv->session.state == GDB_SESSION_FINISHED && pending == 0)
		drop_client(srv, "detached");
	if (srv->client_fd < 0 && srv->session.state == GDB_SESSION_FINISHED)
		srv->session_active = false;
}

static short client_events(struct gdb_server *srv)
{
	size_t pending;
	gdb_session_output(&srv->session, &pending);
	short ev = pending ? POLLOUT : 0;
	if (srv->in_len < sizeof srv->in)
		ev |= POLLIN;
	return ev;
}

static void *server_thread(void *arg)
{
	struct gdb_server *srv = arg;
	for (;;) {
		struct pollfd fds[4 + GDB_REFUSE_SLOTS] = {
			{ .fd = srv->quit_fd, .events = POLLIN },
			{ .fd = srv->stop_fd, .events = POLLIN },
			{ .fd = srv->listen_fd, .events = POLLIN },
			{ .fd = srv->client_fd, .events = srv->client_fd >= 0 ? client_events(srv) : 0 },
		};
		gdb_refusals_poll(&srv->refusals, fds + 4);
		if (poll(fds, 4 + GDB_REFUSE_SLOTS, -1) < 0 && errno != EINTR)
			break;
		gdb_refusals_serve(&srv->refusals, fds + 4);
		if (fds[0].revents)
			break;
		if (fds[1].revents)
			take_stops(srv);
		if (fds[2].revents)
			accept_client(srv);
		if (srv->client_fd >= 0 && (fds[3].revents & (POLLIN | POLLHUP | POLLERR)))
			read_client(srv);
		if (srv->client_fd >= 0)
			feed_session(srv);
		if (srv->client_fd >= 0)
			write_client(srv);
		if (srv->session_active)
			finish_if_done(srv);
	}
	if (srv->client_fd >= 0)
		drop_client(srv, "cut off (kvm-tui is closing the stub)");
	gdb_refusals_close_all(&srv->refusals);
	return NULL;
}

int gdb_server_start(struct gdb_server *srv, char *err, size_t errlen)
{
	int rc = pthread_create(&srv->thread, NULL, server_thread, srv);
	if (rc) {
		snprintf(err, errlen, "gdb: cannot start the stub's thread: %s", strerror(rc));
		return -1;
	}
	srv->started = true;
	return 0;
}

void gdb_server_close(struct gdb_server *srv)
{
	if (!srv)
		return;
	if (srv->started) {
		wake(srv->quit_fd);
		pthread_join(srv->thread, NULL);
	}
	if (srv->listen_fd >= 0)
		close(srv->listen_fd);
	if (srv->stop_fd >= 0)
		close(srv->stop_fd);
	if (srv->quit_fd >= 0)
		close(srv->quit_fd);
	pthread_mutex_destroy(&srv->lock);
	free(srv);
}
