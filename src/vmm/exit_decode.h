/* SPDX-License-Identifier: MIT */
/* exit_decode.h - what KVM said when KVM_RUN returned, as an event record. */
#ifndef KVMTUI_EXIT_DECODE_H
#define KVMTUI_EXIT_DECODE_H

#include <linux/kvm.h>

#include "event.h"

/* Fills the reason-specific part of ev (not seq/time/generation) from run.
 * For IO and MMIO, data is what the guest wrote; for reads the caller fills
 * in the device's answer after dispatch. */
void exit_decode(struct event *ev, const struct kvm_run *run);

/* The guest's linear RIP at the exit (CS base + RIP, as the log shows it). */
uint64_t exit_linear_rip(const struct kvm_run *run);

#endif
