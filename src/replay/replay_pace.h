/* SPDX-License-Identifier: MIT */
/* replay_pace.h - when a recorded exit is due on the wall clock.
 *
 * The recording's clock is anchored to the wall clock and scaled by the
 * speed. Whenever the replay falls behind (it was paused, stepped, slowed
 * down) or the speed changes, it re-anchors where it is, so it never rushes
 * to catch up. Pure: times are passed in.
 */
#ifndef KVMTUI_REPLAY_PACE_H
#define KVMTUI_REPLAY_PACE_H

#include <stdbool.h>
#include <stdint.h>

#define REPLAY_PACE_SLACK_NS 50000000ull /* later than this: re-anchor */

struct replay_pace {
	bool anchored;
	uint64_t wall;   /* wall-clock ns at the anchor */
	uint64_t rec;    /* recorded ns at the anchor */
	uint32_t speed;  /* thousandths of the recorded pace; 0 = no waiting */
};

/* Forget the anchor (after a seek or a reset): the next exit is due at once. */
void replay_pace_restart(struct replay_pace *p);
/* The wall-clock time the exit recorded at rec_ns is due, at speed. */
uint64_t replay_pace_due(struct replay_pace *p, uint64_t rec_ns, uint32_t speed, uint64_t now);

#endif
