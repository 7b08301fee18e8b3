/* SPDX-License-Identifier: MIT */
/* speaker_label.c - the status bar's note (see speaker_label.h). */
#include "speaker_label.h"

#include <stdio.h>
#include <string.h>

int speaker_label(const struct tui *t, bool utf8, char *buf, size_t n)
{
	struct speaker_tone tone;
	if (n)
		buf[0] = '\0';
	if (vcpu_state_is_final(t->state) || !port_decoder_speaker(&t->decoder, &tone) || n == 0)
		return 0;
	/* U+266A is one column but three bytes. */
	int len = snprintf(buf, n, "%s %.1f Hz", utf8 ? "\u266a" : "spk", tone.hz);
	if (len < 0 || (size_t)len >= n) {
		buf[0] = '\0';
		return 0;
	}
	return utf8 ? len - 2 : len;
}
