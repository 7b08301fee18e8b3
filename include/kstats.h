/* SPDX-License-Identifier: MIT */
/* kstats.h - what KVM counted inside the kernel for this vCPU.
 *
 * Read by the vmm from the vCPU's binary statistics fd (KVM_GET_STATS_FD):
 * exits the kernel handled itself and never passed up to kvm-tui. Published
 * through a seqlock like the registers.
 */
#ifndef KVMTUI_KSTATS_H
#define KVMTUI_KSTATS_H

#include <stdatomic.h>
#include <stdint.h>

#define KSTATS_MAX 48
#define KSTATS_NAME 40

struct kstats {
	uint32_t count;      /* entries used */
	uint32_t available;  /* 0 if the kernel has no binary stats */
	uint64_t generation;
	struct {
		char name[KSTATS_NAME]; /* as KVM names it: "exits", "io_exits", "halt_exits", ... */
		uint64_t value;
	} item[KSTATS_MAX];
};

/* A seqlock has one writer: two interleaved writes could leave the sequence
 * odd and hang every reader. The box remembers which thread first wrote and
 * counts writes from any other, so a test can prove there is only one. */
struct kstats_box {
	_Atomic uint64_t seq;
	_Atomic uint64_t words[sizeof(struct kstats) / sizeof(uint64_t)];
	_Atomic uintptr_t writer;         /* the first writer thread's identity */
	_Atomic uint64_t foreign_writes;  /* publishes from any other thread: must stay 0 */
};

_Static_assert(sizeof(struct kstats) % 8 == 0, "copied word by word");

void kstats_box_init(struct kstats_box *box);
void kstats_publish(struct kstats_box *box, const struct kstats *ks);
uint64_t kstats_read(struct kstats_box *box, struct kstats *out);
uint64_t kstats_foreign_writes(const struct kstats_box *box);
/* The value named, or -1 if absent. */
int64_t kstats_find(const struct kstats *ks, const char *name);

#endif
