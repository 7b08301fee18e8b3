/* SPDX-License-Identifier: MIT */
/* replay_commands.h - what the replay's own keys do: step back, go to an
 * exit or a time (through the status-bar prompt), the pace, the loop.
 *
 * Requests go through the seam's control word like every other key
 * (CTRL_STEP_BACK, control_seek, control_set_replay_speed,
 * control_set_replay_loop). Live, the replay-only actions do nothing but
 * say so. No curses: unit-tested against a real seam.
 */
#ifndef KVMTUI_REPLAY_COMMANDS_H
#define KVMTUI_REPLAY_COMMANDS_H

#include <stdbool.h>

#include "keys.h"
#include "tui_state.h"

/* ACT_STEP_BACK, ACT_GOTO, ACT_LOOP (keys_replay_only). */
void replay_commands_do(struct tui *t, enum ui_action action);
/* + and - in a replay: one step along the speed ladder (replay_speed.h). */
void replay_commands_pace(struct tui *t, bool faster);
/* A key while the "go to" prompt is open: it takes every key. */
void replay_commands_prompt_key(struct tui *t, int key);

#endif
