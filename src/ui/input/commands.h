/* SPDX-License-Identifier: MIT */
/* commands.h - what keys do: route each key (help open? a decode open? the
 * serial console focused?) and carry out the action.
 *
 * No curses here: requests go to the vCPU through the seam's control word
 * and typed bytes through the input queue, so this is unit-tested against
 * a real seam.
 */
#ifndef KVMTUI_COMMANDS_H
#define KVMTUI_COMMANDS_H

#include "keys.h"
#include "tui_state.h"

void commands_key(struct tui *t, int key);
void commands_do(struct tui *t, enum ui_action action);

#endif
