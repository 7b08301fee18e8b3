/* tui_state.c - setting up, resetting and tearing down the UI's state. */
#include "tui_state.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MESSAGE_NS 4000000000ull /* long enough to read, short enough not to stale */

int tui_state_init(struct tui *t, struct seam *seam, const struct tui_config *cfg)
{
	memset(t, 0, sizeof(*t));
	t->seam = seam;
	t->cfg = cfg;
	if (scrollback_init(&t->serial, SCROLLBACK_DEFAULT_LINES) < 0 ||
	    scrollback_init(&t->debugcon, SCROLLBACK_DEFAULT_LINES) < 0 ||
	    exit_history_init(&t->exits, EXIT_HISTORY_DEFAULT) < 0) {
		tui_state_free(t);
		return -1;
	}
	guest_input_init(&t->input);
	t->generation = atomic_load(&seam->control.generation);
	t->state = control_state(&seam->control);
	t->rate_limit = atomic_load(&seam->control.rate_limit);
	t->focus = PANE_EXITS;
	t->zoom = PANE_COUNT;
	t->exit_view.follow = true;
	t->dirty = true;
	rate_history_reset(&t->rate, seam_now_ns(), counters_total(&seam->counters));
	return 0;
}

void tui_state_free(struct tui *t)
{
	scrollback_free(&t->serial);
	scrollback_free(&t->debugcon);
	exit_history_free(&t->exits);
	guest_input_free(&t->input);
}

void tui_state_new_generation(struct tui *t, uint32_t generation)
{
	t->generation = generation;
	t->resets++;
	scrollback_clear(&t->serial);
	scrollback_clear(&t->debugcon);
	exit_history_clear(&t->exits);
	t->exit_view = (struct tui_exit_view){ .follow = true };
	t->serial_scroll = 0;
	/* Typed-ahead keys were meant for the old guest. */
	guest_input_clear(&t->input);
	t->regs.changed = 0;
	uint64_t now = seam_now_ns();
	rate_history_reset(&t->rate, now, counters_total(&t->seam->counters));
	tui_state_message(t, now, "reset: a fresh VM (run %llu)", (unsigned long long)t->resets + 1);
	t->dirty = true;
}

void tui_state_message(struct tui *t, uint64_t now_ns, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->message, sizeof(t->message), fmt, ap);
	va_end(ap);
	t->message_until_ns = now_ns + MESSAGE_NS;
	t->dirty = true;
}
