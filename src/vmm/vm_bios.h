/* SPDX-License-Identifier: MIT */
/* vm_bios.h - the BIOS on a live VM: its disks, its trap port, the VGA's
 * registers, and the text screen published to the console. */
#ifndef KVMTUI_VM_BIOS_H
#define KVMTUI_VM_BIOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bios.h"
#include "disk.h"
#include "text_screen.h"
#include "vga_text.h"
#include "vm.h"

struct vm;

struct vm_bios {
	bool on;
	struct bios bios;
	struct vga vga;
	struct disk disks[VM_MAX_DISKS];
	unsigned ndisks;
	/* the screen, on the vCPU thread */
	uint64_t last_look_ns;
	uint64_t dirty_pages, refreshes;
	bool used;
	struct text_screen view;
};

/* Before KVM: whether the BIOS is on, and its disks opened (the guest
 * image first if it is a boot sector or a disk). Fills vm->opts.bios_plan.
 * 0, or -1 with one line in err (a disk that cannot be used). */
int vm_bios_plan(struct vm *vm, char *err, size_t errlen);
/* Its ports on the bus (the trap, the VGA's). */
void vm_bios_attach(struct vm *vm);
/* A fresh machine: the VGA as a BIOS leaves it, nothing waiting. */
void vm_bios_reset(struct vm *vm);
/* vcpu_config.screen */
void vm_bios_screen(void *vm, bool force);
void vm_bios_close(struct vm *vm);

#endif
