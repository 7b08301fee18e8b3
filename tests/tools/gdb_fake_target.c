/* SPDX-License-Identifier: MIT */
/* gdb_fake_target.c - the GDB stub serving the pretend machine of
 * gdb_fake.h, for tests/integration/test_gdb_stub.sh to point real gdb at.
 * Built for the tests, never installed.
 *
 *   gdb_fake_target PORT [real|prot32|long64]     (PORT 0: any free port)
 *
 * The mode (default real) sets CR0.PE, CS.D, EFER.LMA and CS.L as that mode
 * has them, so the stub serves the i8086, i386 or x86-64 description; the
 * toy CPU runs the same program whatever the mode says.
 * Prints "port N" on stdout once it listens, the stub's log lines on
 * stderr, and runs until SIGTERM or SIGINT. Exit status 2 if it cannot
 * listen (the stub's message says why).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdb_fake.h"
#include "gdb_server.h"

static void log_line(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "%s\n", line);
}

static void notify(void *arg, const struct gdb_stop *stop)
{
	gdb_server_notify_stop(arg, stop);
}

static bool set_mode(struct gdb_fake *f, const char *mode)
{
	if (strcmp(mode, "real") == 0)
		return true;
	f->cpu.cr0 |= 1; /* PE */
	if (strcmp(mode, "prot32") == 0) {
		f->cpu.seg[SEG_CS].db = 1;
		return true;
	}
	if (strcmp(mode, "long64") == 0) {
		f->cpu.cr0 |= 1u << 31; /* PG */
		f->cpu.efer = 0x500;    /* LME, LMA */
		f->cpu.seg[SEG_CS].l = 1;
		return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	char err[256];
	struct gdb_fake fake;
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gdb_fake_target PORT [real|prot32|long64]\n");
		return 2;
	}
	sigset_t quit;
	sigemptyset(&quit);
	sigaddset(&quit, SIGTERM);
	sigaddset(&quit, SIGINT);
	pthread_sigmask(SIG_BLOCK, &quit, NULL); /* the stub's thread inherits it */
	if (!gdb_fake_init(&fake))
		return 2;
	if (argc == 3 && !set_mode(&fake, argv[2])) {
		fprintf(stderr, "gdb_fake_target: unknown mode '%s'\n", argv[2]);
		return 2;
	}
	struct gdb_server_config cfg = { .port = (uint16_t)atoi(argv[1]), .log = log_line };
	struct gdb_server *srv = gdb_server_open(&cfg, &gdb_fake_ops, &fake, err, sizeof err);
	if (!srv) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	fake.notify = notify;
	fake.notify_arg = srv;
	if (gdb_server_start(srv, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	printf("port %u\n", gdb_server_port(srv));
	fflush(stdout);
	int sig;
	sigwait(&quit, &sig);
	gdb_server_close(srv);
	gdb_fake_free(&fake);
	return 0;
}
