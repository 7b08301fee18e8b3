/* SPDX-License-Identifier: MIT */
/* sandbox.h - seccomp filters on kvm-tui's threads once the VM is built.
 *
 * How it is installed, and why so: one filter per thread, each thread
 * installing its own (no SECCOMP_FILTER_FLAG_TSYNC), as Firecracker does.
 *   - Each thread gets the calls its own role needs and no other thread's:
 *     the vCPU thread, which handles every guest exit, cannot draw, and the
 *     console, which parses terminal input, cannot issue KVM_RUN.
 *   - Each thread is confined at the moment it is ready, before it touches
 *     anything a guest or a recording controls: the vCPU thread after its
 *     own set-up (timer, clock calibration) and before its first exit; the
 *     console once the terminal is set up (ncurses reads terminfo files).
 *     One process-wide filter would have to wait for the last of them, and
 *     the vCPU would run the guest unconfined until then.
 *   - The helper threads (KVM statistics, the recording's writer) confine
 *     themselves as they start; a thread started later inherits its
 *     creator's filter (seccomp filters pass across clone).
 * A forbidden call raises SIGSYS (SECCOMP_RET_TRAP); the handler restores
 * the terminal, names the call and the thread, and exits with
 * STATUS_SANDBOX. Calls under another ABI (int 0x80, x32) kill the process.
 */
#ifndef KVMTUI_SANDBOX_H
#define KVMTUI_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

enum sandbox_role {
	SANDBOX_VCPU,      /* runs the guest: exits, devices, disks, the replay's reader */
	SANDBOX_CONSOLE,   /* the TUI or the headless console (main thread) */
	SANDBOX_SAMPLER,   /* reads KVM's statistics fd (live VMs) */
	SANDBOX_RECORDER,  /* writes the recording's blocks (--record) */
	SANDBOX_NROLES
};

struct sandbox_plan {
	bool kvm; /* a live VM: the vCPU may issue KVM ioctls (a replay's may not) */
};

/* Called once by the main thread before any other thread exists: checks
 * that seccomp filters work here, then the SIGSYS handler, the names for its
 * message, the test hook. From then on each thread's sandbox_enter confines
 * it. 0; SANDBOX_UNAVAILABLE if this system takes no filters (valgrind, an
 * old kernel); -1 on an error. The reason in err for both. */
#define SANDBOX_UNAVAILABLE 1
int sandbox_arm(const struct sandbox_plan *plan, char *err, size_t errlen);
bool sandbox_armed(void);

/* An async-signal-safe function the SIGSYS handler calls first (the TUI's
 * terminal restore), so the message lands on a usable terminal. */
void sandbox_set_restore(void (*restore)(void));

/* False in a sanitizer build (KVMTUI_SANITIZE): LeakSanitizer's check at
 * exit ptrace-attaches every thread from a clone of the console thread,
 * which inherits its filter, and hangs there; so those builds run without
 * the sandbox by default, and refuse --sandbox. */
bool sandbox_build_supports(void);

/* Confines the calling thread to its role's allowlist; nothing when the
 * sandbox is not armed. It does not return on failure: it reports and exits
 * with STATUS_SANDBOX, since running unconfined was not what was asked. */
void sandbox_enter(enum sandbox_role role);

/* "vCPU", "console", ...: as the message names the thread. */
const char *sandbox_role_name(enum sandbox_role role);

#endif
