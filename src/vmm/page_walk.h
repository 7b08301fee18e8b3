/* SPDX-License-Identifier: MIT */
/* page_walk.h - from a linear address to a physical one, as the MMU does.
 *
 * A debugger's view of memory (mem_view.h, --dump) takes linear addresses;
 * with paging on they go through the guest's own page tables, read from
 * guest memory here in software rather than asked of KVM
 * (KVM_TRANSLATE), so the same walk serves a live VM and a replay and is
 * unit-tested with hand-made tables. The four formats x86 has: 32-bit
 * (4 KiB and, with CR4.PSE, 4 MiB pages), PAE (4 KiB, 2 MiB), 4-level
 * long mode (4 KiB, 2 MiB, 1 GiB) and 5-level (CR4.LA57). Only presence
 * is checked: a debugger reads what a supervisor could. Pure. */
#ifndef KVMTUI_PAGE_WALK_H
#define KVMTUI_PAGE_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "cpu_state.h"

/* Copies guest-physical bytes; returns how many could be read. */
typedef size_t (*phys_reader)(void *ctx, uint64_t addr, void *buf, size_t len);

enum page_walk_result {
	WALK_OK,          /* *phys and *page_end are set */
	WALK_NOT_PRESENT, /* an entry on the way has P = 0 */
	WALK_NO_TABLE,    /* a table lies outside readable memory */
};

/* Paging is on (CR0.PG with CR0.PE). */
int page_walk_enabled(const struct cpu_state *cpu);

/* Translates linear for cpu's CR0/CR3/CR4/EFER. Without paging the
 * physical address is the linear one. *page_end: the linear address where
 * the page holding it ends (the next translation is due there). */
enum page_walk_result page_walk(const struct cpu_state *cpu, uint64_t linear, phys_reader read, void *ctx,
				uint64_t *phys, uint64_t *page_end);

#endif
