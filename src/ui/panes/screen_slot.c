/* SPDX-License-Identifier: MIT */
/* screen_slot.c - the serial console or the text screen in pane 1 (see
 * screen_slot.h). */
#include "screen_slot.h"

bool screen_slot_available(const struct tui *t)
{
	return t->screen.seq != 0;
}

bool screen_slot_shows_screen(const struct tui *t)
{
	return t->screen.in_slot && screen_slot_available(t);
}

void screen_slot_update(struct tui *t)
{
	if (t->screen.chosen || !t->screen.page.used)
		return;
	t->screen.chosen = true;
	t->screen.in_slot = true;
	/* Short: an 80-column key bar keeps 40 columns for a message. */
	tui_state_message(t, seam_now_ns(), "pane 1: the guest's screen (v: serial)");
}

void screen_slot_toggle(struct tui *t)
{
	uint64_t now = seam_now_ns();
	if (!screen_slot_available(t)) {
		tui_state_message(t, now, tui_is_replay(t) ? "the recording has no text screen"
							   : "no text screen (the BIOS is off)");
		return;
	}
	t->screen.chosen = true;
	t->screen.in_slot = !t->screen.in_slot;
	tui_state_message(t, now, t->screen.in_slot ? "pane 1: the guest's screen (v: serial)"
						    : "pane 1: serial (COM1) (v: screen)");
}
