/* SPDX-License-Identifier: MIT */
/* sandbox_test_hook.c - KVMTUI_SANDBOX_TEST_FORBIDDEN (see the header). */
#define _GNU_SOURCE
#include "sandbox_test_hook.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *const hook_names[SANDBOX_NROLES] = {
	[SANDBOX_VCPU] = "vcpu", [SANDBOX_CONSOLE] = "console",
	[SANDBOX_SAMPLER] = "sampler", [SANDBOX_RECORDER] = "recorder",
};
static bool forbidden_for[SANDBOX_NROLES];

void sandbox_test_hook_read(void)
{
	const char *v = getenv(SANDBOX_TEST_HOOK_ENV);
	for (int r = 0; v && r < SANDBOX_NROLES; r++)
		forbidden_for[r] = strcmp(v, hook_names[r]) == 0;
}

void sandbox_test_hook_run(enum sandbox_role role)
{
	if (!forbidden_for[role])
		return;
	/* The raw call: no library wrapper in between to do something else. */
	long fd = syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) /* not reached under the filter */
		close((int)fd);
}
