/* SPDX-License-Identifier: MIT */
/* sandbox_test_hook.h - a forbidden call on purpose, for the tests.
 *
 * KVMTUI_SANDBOX_TEST_FORBIDDEN=ROLE (vcpu, console, sampler, recorder) makes
 * that thread call openat("/") right after its filter is in: the test hook
 * that proves a forbidden call is caught, reported and the terminal given
 * back. Read once at sandbox_arm; without the sandbox it does nothing.
 */
#ifndef KVMTUI_SANDBOX_TEST_HOOK_H
#define KVMTUI_SANDBOX_TEST_HOOK_H

#include "sandbox.h"

#define SANDBOX_TEST_HOOK_ENV "KVMTUI_SANDBOX_TEST_FORBIDDEN"

void sandbox_test_hook_read(void);
/* Called by each thread once confined: the forbidden call, if asked for it. */
void sandbox_test_hook_run(enum sandbox_role role);

#endif
