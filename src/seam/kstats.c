/* SPDX-License-Identifier: MIT */
/* kstats.c - the in-kernel statistics box: the same seqlock as the registers. */
#include "kstats.h"

#include <string.h>

#include "seqlock.h"

#define KSTATS_WORDS (sizeof(struct kstats) / sizeof(uint64_t))

_Static_assert(sizeof(((struct kstats_box *)0)->words) == sizeof(struct kstats),
	       "the box holds exactly one struct kstats");

void kstats_box_init(struct kstats_box *box)
{
	atomic_init(&box->seq, 0);
	for (size_t i = 0; i < KSTATS_WORDS; i++)
		atomic_init(&box->words[i], 0);
	atomic_init(&box->writer, 0);
	atomic_init(&box->foreign_writes, 0);
}

/* Any address unique to the calling thread identifies it, for free. */
static uintptr_t thread_identity(void)
{
	static _Thread_local char here;
	return (uintptr_t)&here;
}

void kstats_publish(struct kstats_box *box, const struct kstats *ks)
{
	uintptr_t expected = 0, me = thread_identity();
	if (!atomic_compare_exchange_strong(&box->writer, &expected, me) && expected != me)
		atomic_fetch_add(&box->foreign_writes, 1);
	seqlock_write(&box->seq, box->words, ks, KSTATS_WORDS);
}

uint64_t kstats_foreign_writes(const struct kstats_box *box)
{
	return atomic_load(&box->foreign_writes);
}

uint64_t kstats_read(struct kstats_box *box, struct kstats *out)
{
	return seqlock_read(&box->seq, box->words, out, KSTATS_WORDS) / 2;
}

int64_t kstats_find(const struct kstats *ks, const char *name)
{
	uint32_t n = ks->count < KSTATS_MAX ? ks->count : KSTATS_MAX;
	if (strnlen(name, KSTATS_NAME + 1) > KSTATS_NAME)
		return -1; /* cannot be stored, and must not match a prefix */
	for (uint32_t i = 0; i < n; i++)
		/* Names come from the kernel and may fill the field unterminated. */
		if (strncmp(ks->item[i].name, name, KSTATS_NAME) == 0)
			return (int64_t)ks->item[i].value;
	return -1;
}
