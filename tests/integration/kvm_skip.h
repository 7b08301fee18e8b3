/* kvm_skip.h - the C integration tests' "is there KVM?" check, as the shell
 * tests make it (tests/lib/common.sh kvm_unusable): the device is
 * $KVM_TUI_DEVICE, else /dev/kvm, and KVMTUI_TEST_NO_KVM=1 makes any host
 * behave as one without KVM. Without it a test SKIPs with the "no-kvm"
 * class CI counts. */
#ifndef KVMTUI_KVM_SKIP_H
#define KVMTUI_KVM_SKIP_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

#endif
