/* SPDX-License-Identifier: MIT */
/* sandbox_report.h - what a forbidden call looks like: SIGSYS, one line, exit. */
#ifndef KVMTUI_SANDBOX_REPORT_H
#define KVMTUI_SANDBOX_REPORT_H

#include "sandbox.h"

/* Before any thread: the names the message uses, and the SIGSYS handler.
 * 0, or -1 with errno set. */
int sandbox_report_install(void);
void sandbox_report_set_restore(void (*restore)(void));
/* The calling thread's role, for the message. */
void sandbox_report_set_role(enum sandbox_role role);
/* Outside a signal: restore the terminal, say why, exit with STATUS_SANDBOX. */
_Noreturn void sandbox_report_fatal(const char *what);

#endif
