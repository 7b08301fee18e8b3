/* SPDX-License-Identifier: MIT */
/* machine.h - one incarnation of the VM: KVM fds, guest RAM, the loaded image.
 *
 * A reset throws the whole incarnation away and builds a new one from the
 * same image and options: exactly a fresh start.
 */
#ifndef KVMTUI_MACHINE_H
#define KVMTUI_MACHINE_H

#include <linux/kvm.h>
#include <stddef.h>

#include "guest_memory.h"
#include "kvm_device.h"
#include "loader.h"
#include "vm.h"

struct machine {
	int vm_fd;
	int vcpu_fd;
	struct kvm_run *run;
	size_t run_size;
	struct guest_memory mem;
	struct load_result load;
	bool kernel_irqchip; /* KVM's PIC, I/O APIC and PIT (--irqchip kernel) */
};

/* mode must be resolved (not AUTO). On failure everything is released. */
int machine_build(struct machine *m, const struct kvm_device *kvm, const struct vm_options *opts,
		  enum guest_mode mode, const struct guest_image *img, char *err, size_t errlen);
void machine_teardown(struct machine *m);

/* Registers straight from KVM (used before the first KVM_RUN fills sync regs). */
int machine_read_regs(const struct machine *m, struct kvm_regs *regs, struct kvm_sregs *sregs);

#endif
