/* SPDX-License-Identifier: MIT */
/* exit_history.c - a bounded ring of exit records (see exit_history.h). */
#include "exit_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int exit_history_init(struct exit_history *h, size_t cap)
{
	memset(h, 0, sizeof(*h));
	if (cap == 0)
		cap = 1;
	h->ev = calloc(cap, sizeof(*h->ev));
	h->decode = calloc(cap, sizeof(*h->decode));
	if (!h->ev || !h->decode) {
		exit_history_free(h);
		return -1;
	}
	h->cap = cap;
	return 0;
}

void exit_history_free(struct exit_history *h)
{
	free(h->ev);
	free(h->decode);
	memset(h, 0, sizeof(*h));
}

void exit_history_clear(struct exit_history *h)
{
	h->begin = h->end = 0;
}

void exit_history_push(struct exit_history *h, const struct event *ev, const char *decode)
{
	h->ev[h->end % h->cap] = *ev;
	char *slot = h->decode[h->end % h->cap];
	if (decode && decode[0]) /* most exits have none: a flood pays one store */
		snprintf(slot, sizeof(*h->decode), "%s", decode);
	else
		slot[0] = '\0';
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

const char *exit_history_decode(const struct exit_history *h, uint64_t pos)
{
	if (pos < h->begin || pos >= h->end)
		return "";
	return h->decode[pos % h->cap];
}
