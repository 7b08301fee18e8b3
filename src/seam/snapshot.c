/* SPDX-License-Identifier: MIT */
/* snapshot.c - the register snapshot: a seqlock over struct cpu_state. */
#include "snapshot.h"

#include "seqlock.h"

void snapshot_init(struct snapshot *snap)
{
	atomic_init(&snap->seq, 0);
	for (size_t i = 0; i < SNAPSHOT_WORDS; i++)
		atomic_init(&snap->words[i], 0);
}

void snapshot_publish(struct snapshot *snap, const struct cpu_state *cpu)
{
	seqlock_write(&snap->seq, snap->words, cpu, SNAPSHOT_WORDS);
}

uint64_t snapshot_read(struct snapshot *snap, struct cpu_state *out)
{
	/* Two sequence steps per publish: report publishes, 0 meaning none. */
	return seqlock_read(&snap->seq, snap->words, out, SNAPSHOT_WORDS) / 2;
}
