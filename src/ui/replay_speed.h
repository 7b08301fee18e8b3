/* SPDX-License-Identifier: MIT */
/* replay_speed.h - the pace of a replay behind + and -.
 *
 * One ladder from slow motion to flat out: the slow-motion caps of
 * slow_motion.c (1 exit/s .. 10000 exits/s), then the recorded pace (1x),
 * then 2x, 4x, 8x, 16x, 64x and max (as fast as possible). A pace is the
 * pair the seam takes: the exit-rate cap (control_set_rate_limit, 0 = no
 * cap) and the replay speed (control_set_replay_speed, thousandths of the
 * recorded pace, REPLAY_SPEED_MAX = 0 = no limit). In slow motion the
 * speed is 1x: the cap does the slowing. Pure.
 */
#ifndef KVMTUI_REPLAY_SPEED_H
#define KVMTUI_REPLAY_SPEED_H

#include <stddef.h>
#include <stdint.h>

struct replay_pace {
	uint32_t rate_limit; /* exits per second, 0 = none */
	uint32_t speed;      /* REPLAY_SPEED_REAL = 1x, REPLAY_SPEED_MAX = max */
};

struct replay_pace replay_pace_faster(struct replay_pace p);
struct replay_pace replay_pace_slower(struct replay_pace p);
/* "1x", "4x", "1.5x", "max", or slow motion's "10 exits/s". */
void replay_pace_label(char *buf, size_t n, struct replay_pace p);

#endif
