/* kvm_device.h - opening /dev/kvm and checking it can do what kvm-tui needs. */
#ifndef KVMTUI_KVM_DEVICE_H
#define KVMTUI_KVM_DEVICE_H

#include <stdbool.h>
#include <stddef.h>

struct kvm_device {
	int fd;
	int run_size;         /* bytes to mmap for each vCPU's struct kvm_run */
	bool has_stats_fd;    /* KVM_CAP_BINARY_STATS_FD */
	const char *path;
};

/* path NULL: $KVM_TUI_DEVICE, else /dev/kvm. Every failure is explained in
 * err with what to do about it. */
int kvm_device_open(const char *path, struct kvm_device *dev, char *err, size_t errlen);
void kvm_device_close(struct kvm_device *dev);

#endif
