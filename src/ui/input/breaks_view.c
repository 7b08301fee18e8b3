/* SPDX-License-Identifier: MIT */
/* breaks_view.c - adding, toggling and deleting breakpoints (breaks_view.h). */
#include "breaks_view.h"

#include "commands.h"

void breaks_add(struct tui *t, const char *text)
{
	struct breakpoint b;
	char err[192];
	uint64_t now = seam_now_ns();
	if (bp_parse(text, &b, err, sizeof(err))) {
		tui_state_message(t, now, "no breakpoint: %s", err);
		return;
	}
	if (bp_supported(&b, err, sizeof(err))) {
		tui_state_message(t, now, "%s", err);
		return;
	}
	int id = bp_add(&t->seam->breaks, &b, err, sizeof(err));
	if (id < 0)
		tui_state_message(t, now, "%s", err);
	else
		tui_state_message(t, now, "breakpoint %d: %s", id, b.text);
}

static unsigned selected_id(struct tui *t)
{
	struct breakpoint bp[BRK_MAX];
	unsigned n = bp_snapshot(&t->seam->breaks, bp, NULL, BRK_MAX);
	if (t->breaks_sel >= (int)n)
		t->breaks_sel = n ? (int)n - 1 : 0;
	return n ? bp[t->breaks_sel].id : 0;
}

static void toggle(struct tui *t)
{
	struct breakpoint bp[BRK_MAX];
	unsigned n = bp_snapshot(&t->seam->breaks, bp, NULL, BRK_MAX);
	if (t->breaks_sel < (int)n)
		bp_set_enabled(&t->seam->breaks, bp[t->breaks_sel].id, !bp[t->breaks_sel].enabled);
}

bool breaks_key(struct tui *t, int key)
{
	t->dirty = true;
	switch (key) {
	case 0x1b: case 'B': case 'q':
		t->breaks_open = false;
		return true;
	case UK_UP: case 'k':
		if (t->breaks_sel > 0)
			t->breaks_sel--;
		return true;
	case UK_DOWN: case 'j':
		t->breaks_sel++;
		selected_id(t); /* clamps */
		return true;
	case ' ': case '\r': case '\n': case UK_ENTER:
		toggle(t);
		return true;
	case 'd': case UK_DELETE: {
		unsigned id = selected_id(t);
		if (id && bp_remove(&t->seam->breaks, id) == 0)
			tui_state_message(t, seam_now_ns(), "breakpoint %u deleted", id);
		selected_id(t);
		return true;
	}
	default:
		return false; /* b, p, r, s... work under the list */
	}
}
