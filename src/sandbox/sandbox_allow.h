/* SPDX-License-Identifier: MIT */
/* sandbox_allow.h - the allowlists: which system calls each thread may make.
 *
 * Data only (the filter is built from it in sandbox_filter.c), so a test can
 * read the lists: every name must resolve, every call the code needs must be
 * there.
 */
#ifndef KVMTUI_SANDBOX_ALLOW_H
#define KVMTUI_SANDBOX_ALLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "sandbox.h"

/* What a rule checks in the arguments, beyond the call's number. */
enum sandbox_check {
	SANDBOX_ANY,        /* any arguments */
	SANDBOX_NO_EXEC,    /* arg 2 (prot) without PROT_EXEC: mmap, mprotect */
	SANDBOX_OWN_PID,    /* arg 0 is this process: tgkill reaches no other */
	SANDBOX_EMPTY_PATH, /* arg 3 holds AT_EMPTY_PATH: newfstatat as fstat(fd) */
	SANDBOX_IOCTLS,     /* arg 1 is one of the rule's ioctl requests */
	SANDBOX_IOCTLS_FD0, /* the same, and arg 0 is standard input */
};

struct sandbox_ioctl {
	unsigned long request;
	const char *name;
};

struct sandbox_rule {
	const char *syscall; /* as libseccomp names it on this architecture */
	enum sandbox_check check;
	const struct sandbox_ioctl *ioctls; /* SANDBOX_IOCTLS*: the requests allowed */
	size_t nioctls;
};

struct sandbox_list {
	const char *what; /* for the tests' messages */
	const struct sandbox_rule *rules;
	size_t n;
};

#define SANDBOX_MAX_LISTS 4

/* The lists a role's filter is the union of (common, the role's own, its
 * live-VM extras when kvm, the sanitizer runtime's under sanitizers).
 * Returns how many were put in out. */
size_t sandbox_allow_lists(enum sandbox_role role, bool kvm, const struct sandbox_list **out);

#endif
