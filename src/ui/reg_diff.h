/* SPDX-License-Identifier: MIT */
/* reg_diff.h - which registers changed between two snapshots.
 *
 * The register pane marks what the last exit or step changed; this finds
 * it. One bit per field the pane shows. Pure.
 */
#ifndef KVMTUI_REG_DIFF_H
#define KVMTUI_REG_DIFF_H

#include <stdint.h>

#include "cpu_state.h"

enum reg_field {
	RF_GPR = 0,                /* RF_GPR + enum gpr */
	RF_RIP = RF_GPR + GPR_COUNT,
	RF_RFLAGS,
	RF_SEG,                    /* RF_SEG + enum seg_index */
	RF_CR0 = RF_SEG + SEG_COUNT,
	RF_CR2,
	RF_CR3,
	RF_CR4,
	RF_CR8,
	RF_EFER,
	RF_GDT,
	RF_IDT,
	RF_APIC_BASE,
	RF_COUNT
};

_Static_assert(RF_COUNT <= 64, "one bit per field");

#define REG_BIT(field) (1ull << (field))

/* Fields that differ between a and b. */
uint64_t reg_diff(const struct cpu_state *a, const struct cpu_state *b);

#endif
