/* SPDX-License-Identifier: MIT */
/* replay_pace.c - recorded time to wall-clock time (see replay_pace.h). */
#include "replay_pace.h"

void replay_pace_restart(struct replay_pace *p)
{
	p->anchored = false;
}

static void anchor(struct replay_pace *p, uint64_t rec_ns, uint32_t speed, uint64_t now)
{
	p->anchored = true;
	p->wall = now;
	p->rec = rec_ns;
	p->speed = speed;
}

uint64_t replay_pace_due(struct replay_pace *p, uint64_t rec_ns, uint32_t speed, uint64_t now)
{
	if (speed == 0) {
		p->anchored = false;
		return now;
	}
	if (!p->anchored || speed != p->speed || rec_ns < p->rec)
		anchor(p, rec_ns, speed, now);
	/* ns of recording * 1000 / speed: speed 1000 is real time. */
	unsigned __int128 scaled = (unsigned __int128)(rec_ns - p->rec) * 1000u / speed;
	uint64_t due = p->wall + (uint64_t)scaled;
	if (now > due + REPLAY_PACE_SLACK_NS) {
		anchor(p, rec_ns, speed, now); /* behind: carry on from here, do not rush */
		return now;
	}
	return due;
}
