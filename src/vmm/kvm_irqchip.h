/* SPDX-License-Identifier: MIT */
/* kvm_irqchip.h - KVM's in-kernel PC interrupt hardware (--irqchip kernel):
 * the 8259A pair and I/O APIC (KVM_CREATE_IRQCHIP), the 8254 and port 61h
 * (KVM_CREATE_PIT2), and what kvm-tui does with them: raise its own
 * devices' lines, ask whether the vCPU sleeps in HLT, freeze the timer
 * while paused, read the PICs' registers for the vCPU pane.
 */
#ifndef KVMTUI_KVM_IRQCHIP_H
#define KVMTUI_KVM_IRQCHIP_H

#include <linux/kvm.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

/* On a VM without vCPUs yet. 0, or -1 with what to do in err. */
int kvm_irqchip_create(int vm_fd, char *err, size_t errlen);
/* On the new vCPU: its local APIC passes the PIC's interrupts on (LINT0 as
 * ExtINT), as a PC BIOS leaves it. 0, or -1 with err. */
int kvm_irqchip_wire_lapic(int vcpu_fd, char *err, size_t errlen);
/* ISA line irq (0-15) to level. 0, or -1 (errno). */
int kvm_irqchip_line(int vm_fd, unsigned irq, bool level);
/* 1: the vCPU sleeps in HLT inside the kernel; 0: it runs; -1: error. */
int kvm_irqchip_halted(int vcpu_fd);
/* The two PICs' IRR, ISR and IMR (slave in the high byte). 0, or -1. */
int kvm_irqchip_read_pic(int vm_fd, struct cpu_irq_lines *out);
/* The PIT's channels, to be put back at a resume (KVM_GET/SET_PIT2). */
int kvm_irqchip_pit_save(int vm_fd, struct kvm_pit_state2 *out);
int kvm_irqchip_pit_restore(int vm_fd, const struct kvm_pit_state2 *in);

#endif
