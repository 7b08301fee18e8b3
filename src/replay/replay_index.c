/* SPDX-License-Identifier: MIT */
/* replay_index.c - one pass over a recording (see replay_index.h). */
#include "replay_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

struct scan {
	struct replay_index *idx;
	size_t gen_cap, times_cap;
	bool any_event;
};

static int start_generation(struct scan *s, uint16_t number, struct rec_pos at)
{
	struct replay_index *idx = s->idx;
	if (grow((void **)&idx->gen, &s->gen_cap, idx->count + 1, sizeof(*idx->gen)))
		return -1;
	idx->gen[idx->count++] = (struct replay_generation){ .start = at, .number = number };
	s->times_cap = 0;
	return 0;
}

static int add_exit(struct scan *s, uint64_t time_ns)
{
	struct replay_generation *g = &s->idx->gen[s->idx->count - 1];
	if (grow((void **)&g->exit_times, &s->times_cap, g->exits + 1, sizeof(uint64_t)))
		return -1;
	g->exit_times[g->exits++] = time_ns;
	return 0;
}

static int scan_event(struct scan *s, const struct event *ev, struct rec_pos at, struct replay_summary *sum)
{
	if (!s->any_event || ev->generation != s->idx->gen[s->idx->count - 1].number) {
		/* The first generation starts at the first block, whatever precedes its first event. */
		if (!s->any_event)
			s->idx->gen[0].number = ev->generation;
		else if (start_generation(s, ev->generation, at))
			return -1;
		s->any_event = true;
	}
	if (ev->kind != EVENT_EXIT)
		return 0;
	sum->exits++;
	if (ev->time_ns > sum->duration_ns)
		sum->duration_ns = ev->time_ns;
	return add_exit(s, ev->time_ns);
}

int replay_index_build(struct replay_index *idx, struct rec_reader *r, const char *path,
		       struct replay_summary *sum, char *err, size_t errlen)
{
	memset(idx, 0, sizeof(*idx));
	struct scan s = { .idx = idx };
	struct rec_pos first = rec_reader_tell(r);
	struct rec_item *item = malloc(sizeof(*item));
	bool corrupt = false;
	int rc = item ? start_generation(&s, 0, first) : -1;
	while (rc == 0) {
		struct rec_pos at = rec_reader_tell(r);
		int got = rec_reader_next(r, item);
		if (got == 0)
			break;
		corrupt = got < 0;
		if (corrupt || (item->kind == REC_EVENT && scan_event(&s, &item->u.event, at, sum)))
			rc = -1;
	}
	free(item);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path,
			 corrupt ? rec_reader_error(r) : "out of memory reading the recording");
		replay_index_free(idx);
		return -1;
	}
	sum->truncated = rec_reader_truncated(r);
	sum->generations = idx->count;
	if (rec_reader_seek(r, first)) {
		snprintf(err, errlen, "%s: cannot go back to its start", path);
		replay_index_free(idx);
		return -1;
	}
	return 0;
}

uint64_t replay_index_exits_until(const struct replay_index *idx, size_t g, uint64_t time_ns)
{
	if (g >= idx->count)
		return 0;
	const struct replay_generation *gen = &idx->gen[g];
	size_t lo = 0, hi = gen->exits; /* the first exit later than time_ns */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (gen->exit_times[mid] <= time_ns)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void replay_index_free(struct replay_index *idx)
{
	for (size_t i = 0; i < idx->count; i++)
		free(idx->gen[i].exit_times);
	free(idx->gen);
	memset(idx, 0, sizeof(*idx));
}
