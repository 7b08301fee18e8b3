/* SPDX-License-Identifier: MIT */
/* machine.c - create the VM, its memory and its vCPU; load the guest. */
#include "machine.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "bios_setup.h"
#include "cpu_setup.h"
#include "guest_layout.h"
#include "kvm_irqchip.h"

/* Where Intel's real-mode helper TSS goes: just below 4 GiB, clear of RAM
 * (needed only on VT-x without unrestricted guest; harmless elsewhere). */
#define TSS_ADDR 0xfffbd000ul

static int create_vm(struct machine *m, const struct kvm_device *kvm, char *err, size_t errlen)
{
	m->vm_fd = kvm_ioctl(kvm->fd, KVM_CREATE_VM, 0);
	if (m->vm_fd < 0) {
		int e = errno;
		bool resources = e == EMFILE || e == ENFILE || e == ENOMEM;
		snprintf(err, errlen, "KVM_CREATE_VM: %s%s", strerror(e), resources ? "" :
			 " (is virtualization enabled, and is another hypervisor holding VT-x/AMD-V?)");
		return -1;
	}
	/* Required on Intel before the first KVM_RUN; without it real mode
	 * fails at entry, far from the cause. Every x86 KVM accepts it. */
	if (kvm_ioctl(m->vm_fd, KVM_SET_TSS_ADDR, TSS_ADDR) < 0) {
		snprintf(err, errlen, "KVM_SET_TSS_ADDR: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int create_vcpu(struct machine *m, const struct kvm_device *kvm, char *err, size_t errlen)
{
	m->vcpu_fd = kvm_ioctl(m->vm_fd, KVM_CREATE_VCPU, 0);
	if (m->vcpu_fd < 0) {
		snprintf(err, errlen, "KVM_CREATE_VCPU: %s", strerror(errno));
		return -1;
	}
	m->run_size = (size_t)kvm->run_size;
	m->run = mmap(NULL, m->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, m->vcpu_fd, 0);
	if (m->run == MAP_FAILED) {
		m->run = NULL;
		snprintf(err, errlen, "mmap of kvm_run: %s", strerror(errno));
		return -1;
	}
	/* Registers come back with every exit: no extra ioctls to show them. */
	m->run->kvm_valid_regs = KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS | KVM_SYNC_X86_EVENTS;
	return 0;
}

/* Local time since midnight, where a BIOS starts its tick count. */
static uint64_t ns_since_midnight(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm local;
	time_t secs = ts.tv_sec;
	if (!localtime_r(&secs, &local))
		return 0;
	uint64_t s = (uint64_t)local.tm_hour * 3600 + (uint64_t)local.tm_min * 60 + (uint64_t)local.tm_sec;
	return s * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* What a BIOS's POST would have left in memory, before the guest's image
 * goes in (a flat image at 0 run with --bios then wins over the vectors). */
static void bios_memory(struct machine *m, const struct vm_options *opts)
{
	struct bios_mem mem = { .ram = m->mem.host, .size = m->mem.size };
	struct bios_boot_config cfg = {
		.ram_size = m->mem.size,
		.floppies = opts->bios_plan.floppies,
		.hard_disks = opts->bios_plan.hard_disks,
		.ns_since_midnight = ns_since_midnight(),
	};
	bios_setup_memory(&mem, &cfg);
}

int machine_build(struct machine *m, const struct kvm_device *kvm, const struct vm_options *opts,
		  enum guest_mode mode, const struct guest_image *img, char *err, size_t errlen)
{
	memset(m, 0, sizeof(*m));
	m->vm_fd = m->vcpu_fd = -1;
	uint64_t mem_size = opts->mem_size ? opts->mem_size : VM_DEFAULT_MEM;
	bool bios = opts->bios_plan.on;
	if (guest_memory_alloc(&m->mem, mem_size, err, errlen) || create_vm(m, kvm, err, errlen))
		goto fail;
	if (bios && mem_size >= GUEST_BIOS_MIN_MEM)
		bios_memory(m, opts);
	if (guest_layout_place(img, opts, mem_size, mode, m->mem.host, &m->load, err, errlen) ||
	    guest_memory_map(&m->mem, m->vm_fd, err, errlen) ||
	    (bios && guest_memory_map_bios(&m->mem, m->vm_fd, err, errlen)))
		goto fail;
	/* The in-kernel chips must exist before the vCPU: its local APIC is
	 * made only when they do. */
	m->kernel_irqchip = opts->irqchip == VM_IRQCHIP_KERNEL;
	if (m->kernel_irqchip && kvm_irqchip_create(m->vm_fd, err, errlen))
		goto fail;
	if (create_vcpu(m, kvm, err, errlen) ||
	    (m->kernel_irqchip && kvm_irqchip_wire_lapic(m->vcpu_fd, err, errlen)))
		goto fail;
	struct cpu_start start = { .mode = mode, .entry = m->load.entry, .boot_sector = m->load.boot_sector,
				   .bios = bios, .boot_drive = opts->bios_plan.boot_drive };
	if (cpu_setup(kvm->fd, m->vcpu_fd, &m->mem, &start, err, errlen))
		goto fail;
	return 0;
fail:
	machine_teardown(m);
	return -1;
}

void machine_teardown(struct machine *m)
{
	if (m->run)
		munmap(m->run, m->run_size);
	if (m->vcpu_fd >= 0)
		close(m->vcpu_fd);
	if (m->vm_fd >= 0)
		close(m->vm_fd);
	guest_memory_free(&m->mem);
	m->run = NULL;
	m->vcpu_fd = m->vm_fd = -1;
}

int machine_read_regs(const struct machine *m, struct kvm_regs *regs, struct kvm_sregs *sregs)
{
	if (kvm_ioctl(m->vcpu_fd, KVM_GET_REGS, regs) < 0 || kvm_ioctl(m->vcpu_fd, KVM_GET_SREGS, sregs) < 0)
		return -1;
	return 0;
}
