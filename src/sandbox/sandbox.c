/* SPDX-License-Identifier: MIT */
/* sandbox.c - arming the sandbox, and each thread entering it (sandbox.h). */
#include "sandbox.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "sandbox_filter.h"
#include "sandbox_report.h"
#include "sandbox_test_hook.h"

static atomic_bool armed;
static bool armed_kvm;

const char *sandbox_role_name(enum sandbox_role role)
{
	static const char *const names[SANDBOX_NROLES] = {
		[SANDBOX_VCPU] = "vCPU", [SANDBOX_CONSOLE] = "console",
		[SANDBOX_SAMPLER] = "statistics", [SANDBOX_RECORDER] = "recording",
	};
	return (unsigned)role < SANDBOX_NROLES ? names[role] : "unnamed";
}

int sandbox_arm(const struct sandbox_plan *plan, char *err, size_t errlen)
{
	char why[160];
	if (!sandbox_build_supports()) {
		snprintf(err, errlen, "sandbox: not in a sanitizer build (KVMTUI_SANITIZE): the leak "
			 "check at exit cannot run under it");
		return SANDBOX_UNAVAILABLE;
	}
	if (sandbox_filter_probe(why, sizeof(why))) {
		snprintf(err, errlen, "sandbox: %s", why);
		return SANDBOX_UNAVAILABLE;
	}
	if (sandbox_report_install() < 0) {
		snprintf(err, errlen, "sandbox: cannot install the SIGSYS handler: %s", strerror(errno));
		return -1;
	}
	sandbox_test_hook_read();
	armed_kvm = plan->kvm;
	atomic_store(&armed, true);
	return 0;
}

bool sandbox_build_supports(void)
{
#ifdef KVMTUI_SANITIZED
	return false;
#else
	return true;
#endif
}

bool sandbox_armed(void)
{
	return atomic_load(&armed);
}

void sandbox_set_restore(void (*restore)(void))
{
	sandbox_report_set_restore(restore);
}

/* A thread that blocks SIGSYS (the recording's writer blocks everything)
 * would be killed by the kernel without a word: the report needs it. */
static void unblock_sigsys(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGSYS);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* The terminal's and the user's signals are the console's: a helper
 * thread that took one would run the console's handler under its own,
 * narrower filter (a resize while the vCPU starts up killed kvm-tui with
 * SIGSYS, one run in seven of tui.sandbox). Blocked here, the kernel
 * hands them to the console thread. The vCPU's kick (SIGUSR1) stays. */
static void leave_console_signals(void)
{
	static const int console_signals[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT,
					       SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU, SIGPIPE };
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(console_signals) / sizeof(console_signals[0]); i++)
		sigaddset(&set, console_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

void sandbox_enter(enum sandbox_role role)
{
	if (!atomic_load(&armed))
		return;
	char err[256];
	unblock_sigsys();
	if (role != SANDBOX_CONSOLE)
		leave_console_signals();
	sandbox_report_set_role(role);
	if (sandbox_filter_load(role, armed_kvm, err, sizeof(err)))
		sandbox_report_fatal(err);
	sandbox_test_hook_run(role);
}
