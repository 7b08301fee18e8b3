/* SPDX-License-Identifier: MIT */
/* text_screen_box.c - the published text screen: a seqlock over struct text_screen. */
#include "text_screen.h"

#include <string.h>

#include "seqlock.h"

void text_screen_box_init(struct text_screen_box *box)
{
	atomic_init(&box->seq, 0);
	for (size_t i = 0; i < TEXT_SCREEN_WORDS; i++)
		atomic_init(&box->words[i], 0);
}

void text_screen_box_publish(struct text_screen_box *box, const struct text_screen *view)
{
	seqlock_write(&box->seq, box->words, view, TEXT_SCREEN_WORDS);
}

uint64_t text_screen_box_read(struct text_screen_box *box, struct text_screen *out)
{
	uint64_t seq = seqlock_read(&box->seq, box->words, out, TEXT_SCREEN_WORDS) / 2;
	if (!seq)
		memset(out, 0, sizeof(*out));
	return seq;
}
