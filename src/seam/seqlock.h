/* SPDX-License-Identifier: MIT */
/* seqlock.h - the single-writer seqlock shared by snapshot.c and kstats.c.
 *
 * Private to src/seam. The protected data is an array of atomic words, each
 * copied with relaxed loads and stores: readers may overlap a write without a
 * data race, and the sequence number tells them to retry.
 */
#ifndef KVMTUI_SEAM_SEQLOCK_H
#define KVMTUI_SEAM_SEQLOCK_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* One writer at a time: the sequence is odd while words change. */
void seqlock_write(_Atomic uint64_t *seq, _Atomic uint64_t *words,
		   const void *src, size_t nwords);
/* Copies a consistent version into dst; returns the even sequence it had. */
uint64_t seqlock_read(_Atomic uint64_t *seq, _Atomic uint64_t *words,
		      void *dst, size_t nwords);

#endif
