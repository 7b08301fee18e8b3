/* SPDX-License-Identifier: MIT */
/* screen_slot.h - what pane 1 shows: the serial console or the guest's
 * text screen.
 *
 * With the BIOS on, a guest that writes to its screen (int 10h, or text
 * memory at 0xB8000) has its output there, not on COM1, so the screen
 * takes the serial console's place by itself, once: when the guest has
 * first used it. From then on the user decides with v (Ctrl-A v where
 * keys go to the guest), and nothing switches behind their back again.
 * Zoom (1), focus and typing follow whichever is in the place; typed keys
 * go to the 8042 from the screen, to the serial console's own target from
 * COM1. No curses: unit-tested with a real seam.
 */
#ifndef KVMTUI_SCREEN_SLOT_H
#define KVMTUI_SCREEN_SLOT_H

#include <stdbool.h>

#include "tui_state.h"

/* Takes a newly published screen into the state (intake does this): the
 * one automatic switch. */
void screen_slot_update(struct tui *t);
/* v: the other one in pane 1's place; without a screen (no BIOS, or a
 * recording without one) says so instead. */
void screen_slot_toggle(struct tui *t);
/* Pane 1 shows the text screen now. */
bool screen_slot_shows_screen(const struct tui *t);
/* There is a screen to show (the BIOS published one). */
bool screen_slot_available(const struct tui *t);

#endif
