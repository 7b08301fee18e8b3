/* exit_history.c - a bounded ring of exit records (see exit_history.h). */
#include "exit_history.h"

#include <stdlib.h>
#include <string.h>

int exit_history_init(struct exit_history *h, size_t cap)
{
	memset(h, 0, sizeof(*h));
	if (cap == 0)
		cap = 1;
	h->ev = calloc(cap, sizeof(*h->ev));
	if (!h->ev)
		return -1;
	h->cap = cap;
	return 0;
}

void exit_history_free(struct exit_history *h)
{
	free(h->ev);
	memset(h, 0, sizeof(*h));
}

void exit_history_clear(struct exit_history *h)
{
	h->begin = h->end = 0;
}

void exit_history_push(struct exit_history *h, const struct event *ev)
{
	h->ev[h->end % h->cap] = *ev;
	h->end++;
	if (h->end - h->begin > h->cap)
		h->begin = h->end - h->cap;
}

size_t exit_history_count(const struct exit_history *h)
{
	return (size_t)(h->end - h->begin);
}

const struct event *exit_history_at(const struct exit_history *h, uint64_t pos)
{
	if (pos < h->begin || pos >= h->end)
		return NULL;
	return &h->ev[pos % h->cap];
}
