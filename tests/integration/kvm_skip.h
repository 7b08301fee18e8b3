/* SPDX-License-Identifier: MIT */
/* kvm_skip.h - the C integration tests' "is there KVM?" check, as the shell
 * tests make it (tests/lib/common.sh kvm_unusable): the device is
 * $KVM_TUI_DEVICE, else /dev/kvm, and KVMTUI_TEST_NO_KVM=1 makes any host
 * behave as one without KVM. Without it a test SKIPs with the "no-kvm"
 * class CI counts. */
#ifndef KVMTUI_KVM_SKIP_H
#define KVMTUI_KVM_SKIP_H

#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Returns 0 if KVM can be used, else prints "SKIPPED: no-kvm: ..." (with
 * what the test needs KVM for) and returns 77 for main to return. */
static inline int kvm_skip_unless_usable(const char *what)
{
	const char *no_kvm = getenv("KVMTUI_TEST_NO_KVM");
	if (no_kvm && strcmp(no_kvm, "1") == 0) {
		fprintf(stderr, "SKIPPED: no-kvm: KVMTUI_TEST_NO_KVM=1 (%s)\n", what);
		return 77;
	}
	const char *dev = getenv("KVM_TUI_DEVICE");
	if (!dev || !*dev)
		dev = "/dev/kvm";
	int fd = open(dev, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "SKIPPED: no-kvm: %s cannot be opened read-write (%s)\n", dev, what);
		return 77;
	}
	close(fd);
	return 0;
}

/* Whether this host's KVM makes an in-kernel irqchip (--irqchip kernel):
 * 1 yes; 0 no, with why (the failing ioctl and errno) in buf. Call after
 * kvm_skip_unless_usable. */
static inline int kvm_irqchip_usable(char *buf, size_t len)
{
	const char *dev = getenv("KVM_TUI_DEVICE");
	int kvm = open(dev && *dev ? dev : "/dev/kvm", O_RDWR | O_CLOEXEC);
	int vm = kvm < 0 ? -1 : ioctl(kvm, KVM_CREATE_VM, 0);
	const char *step = kvm < 0 ? "open" : vm < 0 ? "KVM_CREATE_VM" : NULL;
	if (!step && ioctl(vm, KVM_CREATE_IRQCHIP, 0) < 0)
		step = "KVM_CREATE_IRQCHIP";
	if (step)
		snprintf(buf, len, "%s: %s", step, strerror(errno));
	if (vm >= 0)
		close(vm);
	if (kvm >= 0)
		close(kvm);
	return step == NULL;
}

#endif
