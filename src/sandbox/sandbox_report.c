/* SPDX-License-Identifier: MIT */
/* sandbox_report.c - SIGSYS from the filter: restore, name the call, exit.
 *
 * Everything the handler does is async-signal-safe and uses only calls every
 * role allows (write, tcsetattr on stdin, exit_group): a forbidden call made
 * inside it would raise SIGSYS again, blocked, and the kernel would kill the
 * process with no word said. So the names are looked up before any thread
 * starts (libseccomp's lookup allocates) into a table the handler reads.
 */
#define _GNU_SOURCE
#include "sandbox_report.h"

#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "exit_status.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1 /* si_code of a seccomp trap (linux/signal.h); glibc may not name it */
#endif

#define NAMES_MAX 512 /* above the highest x86-64 system call number */
#define NAME_LEN 28

static char names[NAMES_MAX][NAME_LEN];
static void (*restore_hook)(void);
static __thread enum sandbox_role thread_role;
static __thread int thread_confined; /* this thread's role is set */

static void fill_names(void)
{
	for (int nr = 0; nr < NAMES_MAX; nr++) {
		char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
		if (name) {
			strncpy(names[nr], name, NAME_LEN - 1);
			free(name);
		}
	}
}

static size_t put(char *buf, size_t at, size_t size, const char *s)
{
	while (*s && at + 1 < size)
		buf[at++] = *s++;
	buf[at] = '\0';
	return at;
}

static size_t put_number(char *buf, size_t at, size_t size, long v)
{
	char digits[24];
	size_t n = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < sizeof(digits));
	if (v < 0 && at + 1 < size)
		buf[at++] = '-';
	while (n && at + 1 < size)
		buf[at++] = digits[--n];
	buf[at] = '\0';
	return at;
}

static void write_all(const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(STDERR_FILENO, s, len);
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

/* exit_group itself, not _exit(): a sanitizer runtime intercepts _exit to
 * run its end-of-process checks, whose calls the filter would stop. */
static _Noreturn void exit_now(int status)
{
	for (;;)
		syscall(SYS_exit_group, status);
}

static const char *thread_name(void)
{
	return thread_confined ? sandbox_role_name(thread_role) : "unnamed";
}

/* "kvm-tui: sandbox: the vCPU thread made a forbidden system call: openat
 * (257); run with --no-sandbox to go on, and please report it" */
static void say_forbidden(int nr)
{
	char line[256];
	size_t at = put(line, 0, sizeof(line), "kvm-tui: sandbox: the ");
	at = put(line, at, sizeof(line), thread_name());
	at = put(line, at, sizeof(line), " thread made a forbidden system call: ");
	at = put(line, at, sizeof(line), nr >= 0 && nr < NAMES_MAX && names[nr][0] ? names[nr] : "unknown");
	at = put(line, at, sizeof(line), " (");
	at = put_number(line, at, sizeof(line), nr);
	at = put(line, at, sizeof(line), "); run with --no-sandbox to go on, and please report it\n");
	write_all(line, at);
}

static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
	static volatile sig_atomic_t entered;
	(void)sig;
	(void)uc;
	if (restore_hook && !entered++) /* once: a restore that faults is not tried again */
		restore_hook();
	say_forbidden(si->si_code == SYS_SECCOMP ? si->si_syscall : -1);
	exit_now(STATUS_SANDBOX);
}

_Noreturn void sandbox_report_fatal(const char *what)
{
	if (restore_hook)
		restore_hook();
	write_all("kvm-tui: sandbox: ", 18);
	write_all(what, strlen(what));
	write_all("; run with --no-sandbox to go on\n", 33);
	exit_now(STATUS_SANDBOX);
}

int sandbox_report_install(void)
{
	fill_names();
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigsys;
	/* Nothing else runs on this thread meanwhile, except a second SIGSYS:
	 * blocked, the kernel would kill the process without a word (status
	 * 159, seen about one run in eight of tui.sandbox's vCPU case), so it
	 * comes in again (SA_NODEFER) and the handler's second entry reports
	 * without the terminal restore. */
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigfillset(&sa.sa_mask);
	sigdelset(&sa.sa_mask, SIGSYS);
	return sigaction(SIGSYS, &sa, NULL);
}

void sandbox_report_set_restore(void (*restore)(void))
{
	restore_hook = restore;
}

void sandbox_report_set_role(enum sandbox_role role)
{
	thread_role = role;
	thread_confined = 1;
}
