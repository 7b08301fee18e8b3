/* SPDX-License-Identifier: MIT */
/* snapshot.h - the latest vCPU registers, published through a seqlock.
 *
 * One writer (the vCPU thread), any number of readers that never block the
 * writer. Words are copied with relaxed atomics between sequence loads, so the
 * copy is free of data races (TSan-clean) and a torn read is retried.
 */
#ifndef KVMTUI_SNAPSHOT_H
#define KVMTUI_SNAPSHOT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "cpu_state.h"

#define SNAPSHOT_WORDS (sizeof(struct cpu_state) / sizeof(uint64_t))

struct snapshot {
	_Alignas(64) _Atomic uint64_t seq; /* odd while a write is in progress */
	_Atomic uint64_t words[SNAPSHOT_WORDS];
};

void snapshot_init(struct snapshot *snap);
void snapshot_publish(struct snapshot *snap, const struct cpu_state *cpu);
/* Copies the latest complete state; returns its sequence number (0: never published). */
uint64_t snapshot_read(struct snapshot *snap, struct cpu_state *out);

#endif
