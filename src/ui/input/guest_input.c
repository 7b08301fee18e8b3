/* SPDX-License-Identifier: MIT */
/* guest_input.c - the UI's side of typed bytes (see guest_input.h). */
#include "guest_input.h"

#include <stdlib.h>
#include <string.h>

void guest_input_init(struct guest_input *g, enum input_target target)
{
	memset(g, 0, sizeof(*g));
	g->target = target;
}

void guest_input_free(struct guest_input *g)
{
	free(g->buf);
	g->buf = NULL;
	g->len = g->cap = 0;
}

int guest_input_add(struct guest_input *g, const uint8_t *bytes, size_t n)
{
	if (g->len + n > g->cap) {
		size_t cap = g->cap ? g->cap : 256;
		while (cap < g->len + n)
			cap *= 2;
		uint8_t *buf = realloc(g->buf, cap);
		if (!buf)
			return -1;
		g->buf = buf;
		g->cap = cap;
	}
	memcpy(g->buf + g->len, bytes, n);
	g->len += n;
	return 0;
}

size_t guest_input_flush(struct guest_input *g, struct seam *seam)
{
	if (g->len == 0)
		return 0;
	struct input_queue *q = g->target == INPUT_TO_KBC ? &seam->keyboard : &seam->input;
	size_t taken = input_queue_offer(q, g->buf, g->len);
	if (taken) /* a guest asleep in HLT waits for exactly this */
		control_notify(&seam->control, CTRL_INPUT);
	memmove(g->buf, g->buf + taken, g->len - taken);
	g->len -= taken;
	return g->len;
}

size_t guest_input_pending(const struct guest_input *g)
{
	return g->len;
}

void guest_input_clear(struct guest_input *g)
{
	g->len = 0;
}
