/* SPDX-License-Identifier: MIT */
/* test_sandbox.c - the allowlists: every name is a system call here, each
 * role holds what its code needs and not what another role's does, and a
 * loaded filter lets the allowed through and stops the rest (in a child). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <seccomp.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"
#include "sandbox.h"
#include "sandbox_allow.h"
#include "sandbox_filter.h"

static bool role_has(enum sandbox_role role, bool kvm, const char *name)
{
	const struct sandbox_list *lists[SANDBOX_MAX_LISTS];
	size_t n = sandbox_allow_lists(role, kvm, lists);
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			if (strcmp(lists[l]->rules[i].syscall, name) == 0)
				return true;
	return false;
}

static bool role_has_ioctl(enum sandbox_role role, bool kvm, unsigned long request)
{
	const struct sandbox_list *lists[SANDBOX_MAX_LISTS];
	size_t n = sandbox_allow_lists(role, kvm, lists);
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			for (size_t k = 0; k < lists[l]->rules[i].nioctls; k++)
				if (lists[l]->rules[i].ioctls[k].request == request)
					return true;
	return false;
}

static void test_names_resolve(void)
{
	for (int role = 0; role < SANDBOX_NROLES; role++) {
		for (int kvm = 0; kvm < 2; kvm++) {
			const struct sandbox_list *lists[SANDBOX_MAX_LISTS];
			size_t n = sandbox_allow_lists(role, kvm, lists);
			CHECK(n >= 2 && n <= SANDBOX_MAX_LISTS);
			for (size_t l = 0; l < n; l++) {
				for (size_t i = 0; i < lists[l]->n; i++) {
					const char *name = lists[l]->rules[i].syscall;
					if (seccomp_syscall_resolve_name(name) == __NR_SCMP_ERROR) {
						fprintf(stderr, "%s: '%s' is no system call here\n", lists[l]->what, name);
						CHECK(!"every name resolves");
					}
				}
			}
		}
	}
	CHECK_STR(sandbox_role_name(SANDBOX_VCPU), "vCPU");
	CHECK_STR(sandbox_role_name(SANDBOX_CONSOLE), "console");
}

/* What src/vmm, src/ui and src/app call once their thread is confined. */
static void test_lists_hold_what_the_code_needs(void)
{
	static const char *const everyone[] = {
		"futex", "mmap", "munmap", "madvise", "brk", "rt_sigreturn", "rt_sigprocmask",
		"exit", "exit_group", "write", "tgkill", "nanosleep", "clock_nanosleep", "sched_yield",
	};
	for (int role = 0; role < SANDBOX_NROLES; role++)
		for (size_t i = 0; i < sizeof(everyone) / sizeof(everyone[0]); i++)
			CHECK(role_has(role, false, everyone[i]));
	CHECK(role_has(SANDBOX_VCPU, false, "pread64"));  /* the recording's blocks */
	CHECK(role_has(SANDBOX_SAMPLER, true, "pread64")); /* the statistics fd */
	static const char *const console[] = { "read", "poll", "close", "rt_sigaction", "newfstatat" };
	for (size_t i = 0; i < sizeof(console) / sizeof(console[0]); i++)
		CHECK(role_has(SANDBOX_CONSOLE, false, console[i]));
	static const unsigned long tty[] = { TCGETS, TCSETS, TCSETSW, TIOCGWINSZ };
	for (size_t i = 0; i < sizeof(tty) / sizeof(tty[0]); i++)
		CHECK(role_has_ioctl(SANDBOX_CONSOLE, false, tty[i]));
	static const unsigned long kvm[] = {
		KVM_RUN, KVM_GET_REGS, KVM_SET_REGS, KVM_GET_SREGS, KVM_SET_SREGS, KVM_INTERRUPT,
		KVM_SET_GUEST_DEBUG, KVM_IRQ_LINE, KVM_GET_PIT2, KVM_SET_PIT2, KVM_GET_IRQCHIP,
		KVM_GET_DIRTY_LOG, KVM_GET_MP_STATE, KVM_CREATE_VM, KVM_CREATE_VCPU, KVM_GET_STATS_FD,
	};
	for (size_t i = 0; i < sizeof(kvm) / sizeof(kvm[0]); i++) {
		CHECK(role_has_ioctl(SANDBOX_VCPU, true, kvm[i]));
		CHECK(!role_has_ioctl(SANDBOX_VCPU, false, kvm[i])); /* a replay runs no KVM */
		CHECK(!role_has_ioctl(SANDBOX_CONSOLE, true, kvm[i]));
	}
	CHECK(role_has(SANDBOX_VCPU, true, "timer_settime"));
	CHECK(role_has(SANDBOX_VCPU, true, "close"));
}

/* Never anywhere: a confined thread opens, executes, connects nothing. */
static void test_lists_leave_out(void)
{
	static const char *const never[] = {
		"open", "openat", "execve", "execveat", "fork", "vfork", "clone", "clone3", "socket",
		"connect", "ptrace", "kill", "unlink", "unlinkat", "rename", "chmod", "setuid", "mount",
	};
	for (int role = 0; role < SANDBOX_NROLES; role++)
		for (size_t i = 0; i < sizeof(never) / sizeof(never[0]); i++)
			CHECK(!role_has(role, true, never[i]));
	CHECK(!role_has(SANDBOX_VCPU, true, "poll")); /* the vCPU waits on futexes only */
}

/* In a child: load the role's filter, make one call, report how it went. */
static int run_confined(enum sandbox_role role, bool kvm, void (*call)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		char err[256];
		signal(SIGSYS, SIG_DFL);
		if (sandbox_filter_load(role, kvm, err, sizeof(err)))
			_exit(3);
		call();
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

static void call_openat(void)
{
	syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY);
}

static void call_kvm_run(void)
{
	ioctl(-1, KVM_RUN, 0);
}

static void call_winsize(void)
{
	struct winsize ws;
	if (ioctl(-1, TIOCGWINSZ, &ws) == 0 || errno != EBADF)
		_exit(4);
}

/* The SIGSYS report's terminal restore, from any thread: tcsetattr on
 * stdin (here a TCSETS that fails, stdin being no terminal, but let through). */
static void call_restore(void)
{
	struct termios t;
	memset(&t, 0, sizeof(t));
	ioctl(0, TCGETS, &t);
	ioctl(0, TCSETS, &t);
}

static void call_pread(void)
{
	char b;
	if (pread(-1, &b, 1, 0) >= 0 || errno != EBADF)
		_exit(4);
}

static void call_mmap_exec(void)
{
	mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void test_filters_in_a_child(void)
{
	char why[200];
	if (!sandbox_build_supports()) {
		printf("# a sanitizer build: no sandbox, filters not loaded\n");
		return;
	}
	if (sandbox_filter_probe(why, sizeof(why))) {
		printf("# no seccomp here, filters not loaded: %s\n", why);
		return;
	}
	CHECK_EQ(run_confined(SANDBOX_VCPU, false, call_pread), 0);
	CHECK_EQ(run_confined(SANDBOX_VCPU, false, call_restore), 0);
	CHECK_EQ(run_confined(SANDBOX_VCPU, true, call_restore), 0);
	CHECK_EQ(run_confined(SANDBOX_RECORDER, false, call_restore), 0);
	CHECK_EQ(run_confined(SANDBOX_VCPU, false, call_openat), -SIGSYS);
	CHECK_EQ(run_confined(SANDBOX_VCPU, false, call_kvm_run), -SIGSYS);
	CHECK_EQ(run_confined(SANDBOX_VCPU, true, call_kvm_run), 0); /* EBADF, but let through */
	CHECK_EQ(run_confined(SANDBOX_VCPU, true, call_winsize), -SIGSYS);
	CHECK_EQ(run_confined(SANDBOX_CONSOLE, false, call_winsize), 0);
	CHECK_EQ(run_confined(SANDBOX_CONSOLE, false, call_kvm_run), -SIGSYS);
	CHECK_EQ(run_confined(SANDBOX_CONSOLE, false, call_mmap_exec), -SIGSYS);
	CHECK_EQ(run_confined(SANDBOX_RECORDER, false, call_openat), -SIGSYS);
}

int main(void)
{
	test_names_resolve();
	test_lists_hold_what_the_code_needs();
	test_lists_leave_out();
	test_filters_in_a_child();
	return check_done();
}
