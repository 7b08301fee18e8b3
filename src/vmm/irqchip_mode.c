/* SPDX-License-Identifier: MIT */
/* irqchip_mode.c - the two interrupt controllers by name (--irqchip). */
#include <string.h>

#include "vm.h"

static const char *const chip_names[] = {
	[VM_IRQCHIP_USER] = "user",
	[VM_IRQCHIP_KERNEL] = "kernel",
};

/* What the statistics pane and the help say: in kernel mode the exits of
 * these two chips vanish into KVM's own counters, so name them. */
static const char *const chip_labels[] = {
	[VM_IRQCHIP_USER] = "user",
	[VM_IRQCHIP_KERNEL] = "kernel (KVM's PIC, PIT)",
};

const char *vm_irqchip_name(enum vm_irqchip chip)
{
	return (unsigned)chip <= VM_IRQCHIP_KERNEL ? chip_names[chip] : "?";
}

const char *vm_irqchip_label(enum vm_irqchip chip)
{
	return (unsigned)chip <= VM_IRQCHIP_KERNEL ? chip_labels[chip] : "?";
}

int vm_irqchip_parse(const char *text, enum vm_irqchip *out)
{
	for (unsigned c = VM_IRQCHIP_USER; c <= VM_IRQCHIP_KERNEL; c++) {
		if (strcmp(text, chip_names[c]) == 0) {
			*out = (enum vm_irqchip)c;
			return 0;
		}
	}
	return -1;
}
