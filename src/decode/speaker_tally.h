/* SPDX-License-Identifier: MIT */
/* speaker_tally.h - how often the PC speaker sounded, for --stats.
 *
 * Fed the decoder after each record (cheap: a few compares and a division).
 * A note is counted each time the speaker starts to sound or changes pitch
 * while sounding, so a scale played with the speaker left on counts every
 * step, as one played with it switched off between notes does. A new
 * generation (a reset) starts the tally over, as the exit counters do.
 */
#ifndef KVMTUI_SPEAKER_TALLY_H
#define KVMTUI_SPEAKER_TALLY_H

#include <stdbool.h>
#include <stdint.h>

#include "port_decoder.h"

struct speaker_tally {
	uint64_t notes;   /* tones started, this generation */
	double last_hz;   /* the latest note's frequency */
	struct speaker_tone now;
	uint16_t generation;
};

void speaker_tally_update(struct speaker_tally *t, const struct port_decoder *d);

#endif
