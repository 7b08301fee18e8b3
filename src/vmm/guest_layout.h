/* SPDX-License-Identifier: MIT */
/* guest_layout.h - where the guest's bytes may go in the PC's memory map.
 *
 * The loader knows files; this knows the machine: the hole at 0xa0000-
 * 0xfffff with no RAM behind it, and the setup area (GDT, page tables) that
 * kvm-tui puts at the top of RAM outside real mode. Pure: no KVM, so every
 * mistake in a guest or its options is reported before /dev/kvm is opened.
 */
#ifndef KVMTUI_GUEST_LAYOUT_H
#define KVMTUI_GUEST_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "loader.h"
#include "vm.h"

/* Places img (mem NULL: checks only, see image_place) with opts' load
 * address and entry in mem_size bytes of RAM started in mode (resolved, not
 * AUTO), then checks the result against the machine: no range and no entry
 * in the hole, nothing over the setup area, enough memory for the mode.
 * 0, or -1 with one line in err. */
int guest_layout_place(const struct guest_image *img, const struct vm_options *opts,
		       uint64_t mem_size, enum guest_mode mode, uint8_t *mem,
		       struct load_result *out, char *err, size_t errlen);

#endif
