/* SPDX-License-Identifier: MIT */
/* backend_kvm.h - the CPU backend that runs the guest under KVM. */
#ifndef KVMTUI_BACKEND_KVM_H
#define KVMTUI_BACKEND_KVM_H

#include <stddef.h>

#include "cpu_backend.h"
#include "loader.h"
#include "vm.h"

/* Opens KVM (checking every capability kvm-tui uses) and builds the machine:
 * memory, the loaded image, the vCPU in its start mode. img must outlive the
 * backend (a reset loads it again). NULL with one or two lines in err. */
struct cpu_backend *backend_kvm_create(const struct vm_options *opts, enum guest_mode mode,
				       const struct guest_image *img, const struct backend_sink *sink,
				       char *err, size_t errlen);

/* Why KVM's own counters (the binary statistics) cannot be read, or NULL. */
const char *backend_kvm_kstats_why(const struct cpu_backend *be);

#endif
