/* SPDX-License-Identifier: MIT */
/* screen_box.c - the published text screen: a seqlock over struct screen_view. */
#include "screen.h"

#include <string.h>

#include "seqlock.h"

void screen_box_init(struct screen_box *box)
{
	atomic_init(&box->seq, 0);
	for (size_t i = 0; i < SCREEN_WORDS; i++)
		atomic_init(&box->words[i], 0);
}

void screen_box_publish(struct screen_box *box, const struct screen_view *view)
{
	seqlock_write(&box->seq, box->words, view, SCREEN_WORDS);
}

uint64_t screen_box_read(struct screen_box *box, struct screen_view *out)
{
	uint64_t seq = seqlock_read(&box->seq, box->words, out, SCREEN_WORDS) / 2;
	if (!seq)
		memset(out, 0, sizeof(*out));
	return seq;
}
