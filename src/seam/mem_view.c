/* SPDX-License-Identifier: MIT */
/* mem_view.c - the console's wishes for guest memory, and the windows the
 * vCPU publishes for them (see mem_view.h). */
#include "mem_view.h"

#include <string.h>

#include "seqlock.h"

void mem_view_init(struct mem_view *mv)
{
	atomic_init(&mv->wanted, 0);
	pthread_mutex_init(&mv->lock, NULL);
	memset(mv->want, 0, sizeof(mv->want));
	for (int id = 0; id < MEM_WIN_COUNT; id++) {
		atomic_init(&mv->box[id].seq, 0);
		for (size_t i = 0; i < MEM_WINDOW_WORDS; i++)
			atomic_init(&mv->box[id].words[i], 0);
	}
}

void mem_view_destroy(struct mem_view *mv)
{
	pthread_mutex_destroy(&mv->lock);
}

uint64_t mem_view_want(struct mem_view *mv, enum mem_window_id id, const struct addr_expr *expr, uint32_t len)
{
	if (len == 0)
		len = 1;
	if (len > MEM_VIEW_MAX)
		len = MEM_VIEW_MAX;
	pthread_mutex_lock(&mv->lock);
	struct mem_want *w = &mv->want[id];
	w->expr = *expr;
	w->len = len;
	uint64_t request = ++w->request;
	atomic_fetch_or(&mv->wanted, 1u << id);
	pthread_mutex_unlock(&mv->lock);
	return request;
}

void mem_view_drop(struct mem_view *mv, enum mem_window_id id)
{
	atomic_fetch_and(&mv->wanted, ~(1u << id));
}

bool mem_view_get_want(struct mem_view *mv, enum mem_window_id id, struct mem_want *out)
{
	if (!(mem_view_wanted(mv) & (1u << id)))
		return false;
	pthread_mutex_lock(&mv->lock);
	*out = mv->want[id];
	pthread_mutex_unlock(&mv->lock);
	return true;
}

void mem_view_publish(struct mem_view *mv, enum mem_window_id id, const struct mem_window *w)
{
	seqlock_write(&mv->box[id].seq, mv->box[id].words, w, MEM_WINDOW_WORDS);
}

uint64_t mem_view_read(struct mem_view *mv, enum mem_window_id id, struct mem_window *out)
{
	uint64_t seq = seqlock_read(&mv->box[id].seq, mv->box[id].words, out, MEM_WINDOW_WORDS) / 2;
	if (seq == 0)
		memset(out, 0, sizeof(*out));
	return seq;
}
