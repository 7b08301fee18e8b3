/* SPDX-License-Identifier: MIT */
/* decode_speaker.c - the PC speaker, from the decoder's shadow of port 61h
 * and PIT channel 2 (see port_decoder_speaker for which states sound). */
#include "decode_internal.h"
#include "pit_counter.h"
#include "port61.h"

bool port_decoder_speaker(const struct port_decoder *d, struct speaker_tone *tone)
{
	const struct decode_pit *ch2 = &d->pit[2];
	uint8_t both = PORT61_GATE2 | PORT61_SPEAKER;
	bool on = d->port61_known && (d->port61 & both) == both && ch2->known && ch2->count_known &&
		  ch2->mode == 3;

	*tone = (struct speaker_tone){ .on = on };
	if (on)
		tone->hz = (double)PIT_HZ / pit_count_decode(ch2->count, ch2->bcd);
	return on;
}
