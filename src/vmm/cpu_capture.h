/* SPDX-License-Identifier: MIT */
/* cpu_capture.h - KVM's register structs turned into kvm-tui's cpu_state. */
#ifndef KVMTUI_CPU_CAPTURE_H
#define KVMTUI_CPU_CAPTURE_H

#include <linux/kvm.h>

#include "cpu_state.h"

void cpu_capture(struct cpu_state *out, const struct kvm_regs *regs, const struct kvm_sregs *sregs);
/* The other way: kvm-tui's registers into KVM's structs. sregs should hold
 * the vCPU's current values (fields cpu_state does not carry are kept). */
void cpu_apply(const struct cpu_state *in, struct kvm_regs *regs, struct kvm_sregs *sregs);

#endif
