/* SPDX-License-Identifier: MIT */
/* replay_commands.c - the replay's keys as control requests (see replay_commands.h). */
#include "replay_commands.h"

#include <inttypes.h>

#include "exit_view.h"
#include "goto_parse.h"
#include "numfmt.h"
#include "replay_speed.h"

static const char *action_name(enum ui_action a)
{
	switch (a) {
	case ACT_STEP_BACK: return "step back";
	case ACT_GOTO: return "go to";
	default: return "loop";
	}
}

static void loop_toggle(struct tui *t)
{
	t->replay_loop = !t->replay_loop;
	control_set_replay_loop(&t->seam->control, t->replay_loop);
	tui_state_message(t, seam_now_ns(), t->replay_loop ? "loop on: starts over at the end"
							   : "loop off: stops at the end");
}

void replay_commands_do(struct tui *t, enum ui_action a)
{
	if (!tui_is_replay(t)) {
		tui_state_message(t, seam_now_ns(), "%s: only in a replay (--replay)", action_name(a));
		return;
	}
	switch (a) {
	case ACT_STEP_BACK:
		/* The log follows, so its last line is where the replay is. No
		 * message: the state on the right (PAUSED) is the answer. */
		exit_view_end(t);
		control_request(&t->seam->control, CTRL_STEP_BACK);
		break;
	case ACT_GOTO:
		goto_prompt_open(&t->prompt);
		break;
	case ACT_LOOP:
		loop_toggle(t);
		break;
	default:
		break;
	}
}

void replay_commands_pace(struct tui *t, bool faster)
{
	struct replay_pace old = { .rate_limit = t->rate_limit, .speed = t->replay_speed };
	struct replay_pace p = faster ? replay_pace_faster(old) : replay_pace_slower(old);
	struct control *ctl = &t->seam->control;
	if (p.rate_limit != old.rate_limit) {
		t->rate_limit = p.rate_limit;
		control_set_rate_limit(ctl, p.rate_limit);
	}
	if (p.speed != old.speed) {
		t->replay_speed = p.speed;
		control_set_replay_speed(ctl, p.speed);
	}
	char label[32];
	replay_pace_label(label, sizeof(label), p);
	tui_state_message(t, seam_now_ns(), p.rate_limit ? "slow motion: %s" : "replay pace: %s", label);
}

static void seek(struct tui *t, const char *text)
{
	uint64_t target;
	char err[96];
	uint64_t now = seam_now_ns();
	if (!goto_parse(text, &target, err, sizeof(err)) ||
	    !goto_in_range(target, t->cfg->replay_exits, err, sizeof(err))) {
		tui_state_message(t, now, "%s", err); /* and nothing is sent */
		return;
	}
	exit_view_end(t);
	control_seek(&t->seam->control, target);
	if (target & CONTROL_SEEK_TIME) {
		char d[24];
		numfmt_duration(d, sizeof(d), target & ~CONTROL_SEEK_TIME);
		tui_state_message(t, now, "going to %s", d);
	} else {
		tui_state_message(t, now, "going to exit #%" PRIu64, target);
	}
}

void replay_commands_prompt_key(struct tui *t, int key)
{
	t->dirty = true;
	if (goto_prompt_key(&t->prompt, key) == GOTO_PROMPT_SUBMIT)
		seek(t, t->prompt.text);
}
