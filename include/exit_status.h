/* SPDX-License-Identifier: MIT */
/* exit_status.h - what kvm-tui's exit status means.
 *
 * Odd statuses belong to the guest: writing v to port 0xf4 ends the run with
 * (v << 1) | 1, as QEMU's isa-debug-exit does. kvm-tui's own are even, so the
 * two never collide.
 */
#ifndef KVMTUI_EXIT_STATUS_H
#define KVMTUI_EXIT_STATUS_H

enum kvmtui_status {
	STATUS_HALTED = 0,          /* the guest ran HLT and stopped */
	STATUS_USAGE = 2,           /* bad command line */
	STATUS_SETUP = 4,           /* could not start: no KVM, bad guest file, ... */
	STATUS_SHUTDOWN = 6,        /* triple fault */
	STATUS_FAIL_ENTRY = 8,      /* hardware refused to enter the guest */
	STATUS_INTERNAL_ERROR = 10, /* KVM internal error (e.g. emulation failure) */
	STATUS_VCPU_ERROR = 12,     /* the host side failed mid-run */
	STATUS_MAX_EXITS = 14,      /* --max-exits reached */
	STATUS_BREAK = 16,          /* headless: a --break breakpoint was hit (the registers on stderr) */
	STATUS_SANDBOX = 18,        /* the sandbox stopped a forbidden system call */
	STATUS_TIMEOUT = 124,       /* --timeout reached (as timeout(1)) */
	STATUS_INTERRUPTED = 130,   /* SIGINT/SIGTERM (128 + SIGINT) */
};

#endif
