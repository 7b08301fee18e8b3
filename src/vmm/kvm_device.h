/* SPDX-License-Identifier: MIT */
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

/* ioctl(2), tried again while a signal interrupts it. The vCPU kick
 * (SIGUSR1, deliberately without SA_RESTART so that KVM_RUN returns) can
 * land while the vCPU thread rebuilds the VM for a reset, and set-up ioctls
 * such as KVM_CREATE_VM then fail with EINTR having done nothing. Never for
 * KVM_RUN, whose EINTR is the kick's whole point. arg: an integer or a
 * pointer, as ioctl takes it. */
int kvm_ioctl_arg(int fd, unsigned long request, unsigned long arg);
#define kvm_ioctl(fd, request, arg) kvm_ioctl_arg((fd), (request), (unsigned long)(arg))

/* path NULL: $KVM_TUI_DEVICE, else /dev/kvm. Every failure is explained in
 * err with what to do about it. */
int kvm_device_open(const char *path, struct kvm_device *dev, char *err, size_t errlen);
void kvm_device_close(struct kvm_device *dev);

#endif
