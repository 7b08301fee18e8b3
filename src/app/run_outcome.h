/* SPDX-License-Identifier: MIT */
/* run_outcome.h - how a run ended, as an exit status and one line of words. */
#ifndef KVMTUI_RUN_OUTCOME_H
#define KVMTUI_RUN_OUTCOME_H

#include <stddef.h>
#include <stdio.h>

#include "event.h"

/* The process exit status for a final vCPU state (see exit_status.h). */
int run_outcome_status(enum vcpu_state state, int debug_exit_status);
/* Writes a one-line explanation for states that need one (triple fault, entry
 * failure, internal error, host error); last_exit is the exit that caused
 * it (may be NULL). Returns 0 if nothing needs saying. */
int run_outcome_explain(enum vcpu_state state, const struct event *last_exit, char *buf, size_t len);

#endif
