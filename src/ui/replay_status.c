/* SPDX-License-Identifier: MIT */
/* replay_status.c - the replay's pace and state in words (see replay_status.h). */
#include "replay_status.h"

#include <stdio.h>
#include <string.h>

static const char *end_note(const struct replay_status *s)
{
	if (!s->end)
		return "";
	return s->truncated ? ": recording ends here (truncated)" : ": recording ends here";
}

void replay_status_text(char *buf, size_t n, const struct replay_status *s, int max)
{
	const char *note = end_note(s), *loop = s->loop ? " LOOP" : "";
	/* From the most said to the least; the first that fits wins. */
	snprintf(buf, n, "%s%s  %s%s", s->pace, loop, s->state, note);
	if ((int)strlen(buf) <= max)
		return;
	if (*note) {
		snprintf(buf, n, "%s%s", s->state, note);
		if ((int)strlen(buf) <= max)
			return;
	}
	snprintf(buf, n, "%s%s  %s", s->pace, loop, s->state);
	if ((int)strlen(buf) <= max)
		return;
	snprintf(buf, n, "%s", s->state);
}
