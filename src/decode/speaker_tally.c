/* SPDX-License-Identifier: MIT */
/* speaker_tally.c - counting the speaker's notes (see speaker_tally.h). */
#include "speaker_tally.h"

void speaker_tally_update(struct speaker_tally *t, const struct port_decoder *d)
{
	struct speaker_tone tone;

	if (d->started && d->generation != t->generation)
		*t = (struct speaker_tally){ .generation = d->generation };
	port_decoder_speaker(d, &tone);
	if (tone.on && (!t->now.on || tone.hz != t->now.hz)) {
		t->notes++;
		t->last_hz = tone.hz;
	}
	t->now = tone;
}
