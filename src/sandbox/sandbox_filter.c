/* SPDX-License-Identifier: MIT */
/* sandbox_filter.c - libseccomp: the allowlists as a filter on this thread.
 *
 * libseccomp rather than a hand-written BPF program: it resolves names per
 * architecture, checks the architecture field (a call through int 0x80 or
 * the x32 ABI has other numbers and must not slip through), splits 64-bit
 * argument checks into the 32-bit halves BPF compares, and orders the
 * program; each of those is a classic way for a hand-made filter to fail.
 */
#define _GNU_SOURCE /* AT_EMPTY_PATH */
#include "sandbox_filter.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox_allow.h"

static uint32_t forbidden_action = SCMP_ACT_TRAP;

static bool action_available(uint32_t action)
{
	return syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0;
}

int sandbox_filter_probe(char *err, size_t errlen)
{
	if (action_available(SECCOMP_RET_TRAP)) {
		forbidden_action = SCMP_ACT_TRAP;
		return 0;
	}
	if (errno != ENOSYS && action_available(SECCOMP_RET_KILL_PROCESS)) {
		forbidden_action = SCMP_ACT_KILL_PROCESS;
		return 0;
	}
	snprintf(err, errlen, "seccomp filters are not available here (%s%s)", strerror(errno),
		 errno == ENOSYS ? ": an old kernel, or a tool such as valgrind that has no seccomp" : "");
	return -1;
}

/* The kernel reads an ioctl request as 32 bits: compare those only, so a
 * request passed sign-extended is still recognised, and nothing else is. */
#define IOCTL_REQUEST_MASK 0xffffffffull

/* An argument comparison with every field set: libseccomp's SCMP_A0()
 * leaves datum_b out for a one-datum test, which clang's -Wextra names. */
static struct scmp_arg_cmp arg_is(unsigned arg, enum scmp_compare op, scmp_datum_t a, scmp_datum_t b)
{
	struct scmp_arg_cmp c = { .arg = arg, .op = op, .datum_a = a, .datum_b = b };
	return c;
}

static int add_ioctls(scmp_filter_ctx ctx, const struct sandbox_rule *r)
{
	for (size_t i = 0; i < r->nioctls; i++) {
		struct scmp_arg_cmp req = SCMP_A1(SCMP_CMP_MASKED_EQ, IOCTL_REQUEST_MASK, r->ioctls[i].request);
		int rc = r->check == SANDBOX_IOCTLS_FD0
			 ? seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 2, arg_is(0, SCMP_CMP_EQ, 0, 0), req)
			 : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, req);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int add_rule(scmp_filter_ctx ctx, const struct sandbox_rule *r)
{
	int nr = seccomp_syscall_resolve_name(r->syscall);
	if (nr == __NR_SCMP_ERROR)
		return -ENOSYS;
	switch (r->check) {
	case SANDBOX_ANY:
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
	case SANDBOX_NO_EXEC:
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	case SANDBOX_OWN_PID:
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, arg_is(0, SCMP_CMP_EQ, (scmp_datum_t)getpid(), 0));
	case SANDBOX_EMPTY_PATH:
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1,
					SCMP_A3(SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH));
	case SANDBOX_IOCTLS:
	case SANDBOX_IOCTLS_FD0:
		return add_ioctls(ctx, r);
	}
	return -EINVAL;
}

static int add_lists(scmp_filter_ctx ctx, enum sandbox_role role, bool kvm, const char **failed)
{
	const struct sandbox_list *lists[SANDBOX_MAX_LISTS];
	size_t n = sandbox_allow_lists(role, kvm, lists);
	for (size_t l = 0; l < n; l++) {
		for (size_t i = 0; i < lists[l]->n; i++) {
			int rc = add_rule(ctx, &lists[l]->rules[i]);
			if (rc < 0) {
				*failed = lists[l]->rules[i].syscall;
				return rc;
			}
		}
	}
	return 0;
}

/* Per thread (no TSYNC: see sandbox.h); a call under another ABI ends the
 * whole process rather than one thread, which would leave the others
 * waiting on it forever. */
static int set_attributes(scmp_filter_ctx ctx)
{
	int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 0);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
	return rc;
}

int sandbox_filter_load(enum sandbox_role role, bool kvm, char *err, size_t errlen)
{
	scmp_filter_ctx ctx = seccomp_init(forbidden_action);
	if (!ctx) {
		snprintf(err, errlen, "cannot start a seccomp filter (out of memory)");
		return -1;
	}
	const char *failed = NULL;
	int rc = set_attributes(ctx);
	if (rc == 0)
		rc = add_lists(ctx, role, kvm, &failed);
	if (rc < 0)
		snprintf(err, errlen, "cannot build the %s thread's filter%s%s: %s", sandbox_role_name(role),
			 failed ? " at " : "", failed ? failed : "", strerror(-rc));
	else if ((rc = seccomp_load(ctx)) < 0)
		snprintf(err, errlen, "cannot load the %s thread's filter: %s (a kernel without "
			 "seccomp filters?)", sandbox_role_name(role), strerror(-rc));
	seccomp_release(ctx);
	return rc < 0 ? -1 : 0;
}
