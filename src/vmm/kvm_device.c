/* SPDX-License-Identifier: MIT */
/* kvm_device.c - opening /dev/kvm and checking its API version and capabilities.
 *
 * kvm-tui refuses to start rather than fail later in the middle of a lesson:
 * every capability the vCPU loop relies on is checked here, up front.
 */
#include "kvm_device.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct required_cap {
	int cap;
	const char *name;
	const char *why;
};

static const struct required_cap required_caps[] = {
	{ KVM_CAP_USER_MEMORY, "KVM_CAP_USER_MEMORY", "guest memory" },
	{ KVM_CAP_SYNC_REGS, "KVM_CAP_SYNC_REGS", "registers at every exit" },
	{ KVM_CAP_IMMEDIATE_EXIT, "KVM_CAP_IMMEDIATE_EXIT", "pausing a running guest" },
	{ KVM_CAP_SET_GUEST_DEBUG, "KVM_CAP_SET_GUEST_DEBUG", "single-stepping" },
	{ KVM_CAP_EXT_CPUID, "KVM_CAP_EXT_CPUID", "CPUID for long mode" },
};

#define SYNC_REGS_NEEDED (KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS | KVM_SYNC_X86_EVENTS)

int kvm_ioctl_arg(int fd, unsigned long request, unsigned long arg)
{
	int rc;
	do
		rc = ioctl(fd, request, arg);
	while (rc < 0 && errno == EINTR);
	return rc;
}

static void explain_open_error(const char *path, int e, char *err, size_t errlen)
{
	if (e == ENOENT || e == ENODEV || e == ENXIO)
		snprintf(err, errlen,
			 "cannot open %s: %s. KVM is not available on this host:\n"
			 "load the module (modprobe kvm_intel or kvm_amd), enable VT-x/AMD-V in the firmware, "
			 "or enable nested virtualization if this is itself a VM.",
			 path, strerror(e));
	else if (e == EACCES || e == EPERM)
		snprintf(err, errlen,
			 "cannot open %s: permission denied.\n"
			 "Add yourself to the kvm group (sudo usermod -aG kvm $USER) and log in again.",
			 path);
	else
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
}

static int check_api_version(struct kvm_device *dev, char *err, size_t errlen)
{
	int version = kvm_ioctl(dev->fd, KVM_GET_API_VERSION, 0);
	if (version < 0) {
		snprintf(err, errlen, "%s is not a KVM device (KVM_GET_API_VERSION: %s).\n"
			 "Point KVM_TUI_DEVICE at /dev/kvm, or unset it.", dev->path, strerror(errno));
		return -1;
	}
	if (version != KVM_API_VERSION) {
		snprintf(err, errlen, "%s speaks KVM API version %d; kvm-tui needs version %d.",
			 dev->path, version, KVM_API_VERSION);
		return -1;
	}
	return 0;
}

static int check_caps(struct kvm_device *dev, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof(required_caps) / sizeof(required_caps[0]); i++) {
		const struct required_cap *c = &required_caps[i];
		if (kvm_ioctl(dev->fd, KVM_CHECK_EXTENSION, c->cap) <= 0) {
			snprintf(err, errlen, "%s lacks %s (needed for %s); a newer kernel is required.",
				 dev->path, c->name, c->why);
			return -1;
		}
	}
	int sync = kvm_ioctl(dev->fd, KVM_CHECK_EXTENSION, KVM_CAP_SYNC_REGS);
	if ((sync & SYNC_REGS_NEEDED) != SYNC_REGS_NEEDED) {
		snprintf(err, errlen, "%s syncs registers 0x%x, kvm-tui needs 0x%x.",
			 dev->path, (unsigned)sync, (unsigned)SYNC_REGS_NEEDED);
		return -1;
	}
	dev->has_stats_fd = kvm_ioctl(dev->fd, KVM_CHECK_EXTENSION, KVM_CAP_BINARY_STATS_FD) > 0;
	return 0;
}

int kvm_device_open(const char *path, struct kvm_device *dev, char *err, size_t errlen)
{
	if (!path)
		path = getenv("KVM_TUI_DEVICE");
	if (!path || !*path)
		path = "/dev/kvm";
	memset(dev, 0, sizeof(*dev));
	dev->path = path;
	dev->fd = open(path, O_RDWR | O_CLOEXEC);
	if (dev->fd < 0) {
		explain_open_error(path, errno, err, errlen);
		return -1;
	}
	if (check_api_version(dev, err, errlen) || check_caps(dev, err, errlen))
		goto fail;
	dev->run_size = kvm_ioctl(dev->fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (dev->run_size < 0) {
		snprintf(err, errlen, "%s: KVM_GET_VCPU_MMAP_SIZE: %s", path, strerror(errno));
		goto fail;
	}
	if (dev->run_size < (int)sizeof(struct kvm_run)) { /* errno is stale here */
		snprintf(err, errlen, "%s: KVM_GET_VCPU_MMAP_SIZE says %d bytes, less than the %zu "
			 "of struct kvm_run", path, dev->run_size, sizeof(struct kvm_run));
		goto fail;
	}
	return 0;
fail:
	close(dev->fd);
	dev->fd = -1;
	return -1;
}

void kvm_device_close(struct kvm_device *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	dev->fd = -1;
}
