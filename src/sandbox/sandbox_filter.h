/* SPDX-License-Identifier: MIT */
/* sandbox_filter.h - a role's allowlists made a seccomp filter (libseccomp). */
#ifndef KVMTUI_SANDBOX_FILTER_H
#define KVMTUI_SANDBOX_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "sandbox.h"

/* Whether this kernel (or what runs us: valgrind has no seccomp) takes
 * filters, and with which action for a forbidden call: SECCOMP_RET_TRAP
 * (the report), else SECCOMP_RET_KILL_PROCESS (no report, still stopped).
 * 0, or -1 with the reason in err. */
int sandbox_filter_probe(char *err, size_t errlen);

/* Builds the role's filter and loads it on the calling thread only.
 * 0, or -1 with the reason in err. */
int sandbox_filter_load(enum sandbox_role role, bool kvm, char *err, size_t errlen);

#endif
