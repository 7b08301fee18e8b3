/* SPDX-License-Identifier: MIT */
/* kstats_reader.h - the vCPU's binary statistics (KVM_GET_STATS_FD).
 *
 * KVM counts every exit, including the many it handles in the kernel and
 * never passes to user space. Reading them beside kvm-tui's own counts shows
 * a class how much of virtualization happens out of sight.
 */
#ifndef KVMTUI_KSTATS_READER_H
#define KVMTUI_KSTATS_READER_H

#include <stddef.h>
#include <stdint.h>

#include "kstats.h"

struct kstats_reader {
	int fd;
	uint32_t count;                     /* single-value statistics kept */
	char names[KSTATS_MAX][KSTATS_NAME];
	uint64_t offsets[KSTATS_MAX];       /* byte offset of each value in the fd */
	uint64_t block_start, block_len;    /* the span holding them all: one pread */
};

/* 0, or -1 (no stats) with why they are not available in why (may be NULL). */
int kstats_reader_open(struct kstats_reader *r, int vcpu_fd, char *why, size_t whylen);
int kstats_reader_read(const struct kstats_reader *r, struct kstats *out);
void kstats_reader_close(struct kstats_reader *r);

#endif
