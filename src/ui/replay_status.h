/* SPDX-License-Identifier: MIT */
/* replay_status.h - the right end of the status bar in a replay: the pace,
 * LOOP, and the state, which at END says why the replay stops there. Pure.
 */
#ifndef KVMTUI_REPLAY_STATUS_H
#define KVMTUI_REPLAY_STATUS_H

#include <stdbool.h>
#include <stddef.h>

struct replay_status {
	const char *state; /* tui_state_text: "PAUSED", "END", "EXITED 3" */
	bool end;          /* the state is END: no final state was recorded */
	bool truncated;    /* the file ends mid-block: the run was killed */
	const char *pace;  /* replay_pace_label: "1x", "4x", "max", "10 exits/s" */
	bool loop;
};

/* "4x LOOP  PAUSED", "1x  END: recording ends here (truncated)", in at
 * most max columns: short of room the pace and LOOP go first (at END, why
 * it stops matters more), then the note; the state always stays. */
void replay_status_text(char *buf, size_t n, const struct replay_status *s, int max);

#endif
