/* SPDX-License-Identifier: MIT */
/* seam.c - creates and tears down everything the two threads share. */
#include "seam.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct seam *seam_create(size_t ring_capacity)
{
	if (ring_capacity == 0)
		ring_capacity = SEAM_RING_CAPACITY;
	void *mem = NULL;
	/* The ring's indices sit on their own cache lines only if the whole
	 * struct starts on one: plain malloc does not promise that. */
	int err = posix_memalign(&mem, RING_CACHE_LINE, sizeof(struct seam));
	if (err) {
		errno = err;
		return NULL;
	}
	struct seam *seam = mem;
	memset(seam, 0, sizeof(*seam));
	err = ring_init(&seam->ring, ring_capacity);
	if (err < 0) {
		free(seam);
		errno = -err;
		return NULL;
	}
	snapshot_init(&seam->regs);
	text_screen_box_init(&seam->screen);
	counters_reset(&seam->counters, seam_now_ns());
	kstats_box_init(&seam->kstats);
	control_init(&seam->control);
	input_queue_init(&seam->input);
	input_queue_init(&seam->keyboard);
	mem_view_init(&seam->memory);
	bp_list_init(&seam->breaks);
	return seam;
}

void seam_destroy(struct seam *seam)
{
	if (!seam)
		return;
	bp_list_destroy(&seam->breaks);
	mem_view_destroy(&seam->memory);
	input_queue_destroy(&seam->keyboard);
	input_queue_destroy(&seam->input);
	control_destroy(&seam->control);
	ring_destroy(&seam->ring);
	free(seam);
}

uint64_t seam_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}
