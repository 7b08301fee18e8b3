/* SPDX-License-Identifier: MIT */
/* tui_state.c - setting up, resetting and tearing down the UI's state. */
#include "tui_state.h"

#include "exit_status.h"

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
	guest_input_init(&t->input, INPUT_TO_UART);
	guest_input_init(&t->keyboard, INPUT_TO_KBC);
	if (cfg && !cfg->replay_file)
		t->console.target = cfg->keys_to;
	t->generation = atomic_load(&seam->control.generation);
	t->state = control_state(&seam->control);
	t->rate_limit = atomic_load(&seam->control.rate_limit);
	t->replay_speed = atomic_load(&seam->control.replay_speed);
	if (cfg && cfg->replay_file) {
		/* The loop's start value is the program's; the engine learns it
		 * here so the two never disagree. */
		t->replay_loop = cfg->replay_loop;
		control_set_replay_loop(&seam->control, t->replay_loop);
	}
	debug_views_init(t, cfg ? cfg->syntax : DISASM_INTEL);
	t->focus = PANE_EXITS;
	t->zoom = PANE_COUNT;
	t->exit_view.follow = true;
	t->dirty = true;
	rate_history_reset(&t->rate, seam_now_ns(), counters_total(&seam->counters));
	tui_state_clear_irqs(t, seam_now_ns());
	return 0;
}

bool tui_is_replay(const struct tui *t)
{
	return t->cfg && t->cfg->replay_file;
}

void tui_state_free(struct tui *t)
{
	scrollback_free(&t->serial);
	scrollback_free(&t->debugcon);
	exit_history_free(&t->exits);
	guest_input_free(&t->input);
	guest_input_free(&t->keyboard);
	debug_views_free(t);
}

void tui_state_clear_irqs(struct tui *t, uint64_t now_ns)
{
	irq_counts_clear(&t->irqs);
	for (unsigned line = 0; line < IRQ_LINES; line++)
		rate_history_reset(&t->irq_rate[line], now_ns, 0);
}

void tui_state_new_generation(struct tui *t, uint32_t generation)
{
	t->generation = generation;
	/* A replay's seek or step back rebuilds the console too, but it is
	 * the same run, not a fresh VM. */
	bool seek = atomic_load(&t->seam->control.seek_generation) == generation;
	if (!seek)
		t->resets++;
	scrollback_clear(&t->serial);
	scrollback_clear(&t->debugcon);
	exit_history_clear(&t->exits);
	/* The new VM's first record would reset it too; until then, the old
	 * one's speaker must not sound in the status bar. */
	port_decoder_reset(&t->decoder);
	t->exit_view = (struct tui_exit_view){ .follow = true };
	t->serial_scroll = 0;
	/* Typed-ahead keys were meant for the old guest. */
	guest_input_clear(&t->input);
	guest_input_clear(&t->keyboard);
	t->regs.changed = 0;
	uint64_t now = seam_now_ns();
	rate_history_reset(&t->rate, now, counters_total(&t->seam->counters));
	tui_state_clear_irqs(t, now);
	if (!seek && tui_is_replay(t)) /* R or --loop: the same recording again */
		tui_state_message(t, now, "the replay starts over (pass %llu)", (unsigned long long)t->resets + 1);
	else if (!seek)
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

void tui_state_set_vcpu(struct tui *t, enum vcpu_state state, uint64_t now_ns)
{
	if (state == t->state)
		return;
	t->state = state;
	t->state_since_ns = now_ns;
	t->dirty = true;
	if (state == VCPU_ERROR) { /* the host side failed: say what */
		char why[256];
		control_error(&t->seam->control, why, sizeof(why));
		if (why[0])
			tui_state_message(t, now_ns, "%s", why);
	}
}

uint64_t tui_state_uptime(const struct tui *t, uint64_t now_ns)
{
	/* A stopped guest ran until its last exit: that time is exact. */
	const struct event *last = exit_history_at(&t->exits, t->exits.end - 1);
	if (vcpu_state_is_final(t->state) && last)
		return last->time_ns;
	/* A replay runs on the recording's clock, paused or stepped back. */
	if (t->cfg->replay_file)
		return last ? last->time_ns : 0;
	uint64_t start = atomic_load(&t->seam->counters.start_ns);
	uint64_t end = vcpu_state_is_final(t->state) && t->state_since_ns ? t->state_since_ns : now_ns;
	return end > start ? end - start : 0;
}

enum theme_slot tui_state_slot(enum vcpu_state state)
{
	switch (state) {
	case VCPU_RUNNING:
	case VCPU_WAITING: /* asleep in HLT, yet alive: the next interrupt wakes it */
		return THEME_STATE_RUNNING;
	case VCPU_STARTING:
	case VCPU_PAUSED:
		return THEME_STATE_PAUSED;
	case VCPU_SHUTDOWN:
	case VCPU_FAIL_ENTRY:
	case VCPU_INTERNAL_ERROR:
	case VCPU_ERROR:
		return THEME_STATE_ERROR;
	default:
		return THEME_STATE_STOPPED;
	}
}

void tui_state_text(const struct tui *t, char *buf, size_t n)
{
	if (t->state == VCPU_DEBUG_EXIT)
		/* The port carries v; QEMU's convention reports (v << 1) | 1. */
		snprintf(buf, n, "%s %d", vcpu_state_name(t->state), (int)(t->exit_status >> 1));
	else if (t->state == VCPU_WAITING)
		snprintf(buf, n, "HALTED, waiting for an interrupt");
	else if (t->state == VCPU_PAUSED && t->exit_status > 0)
		snprintf(buf, n, "BREAK %d", (int)t->exit_status); /* paused at breakpoint N */
	else
		snprintf(buf, n, "%s", vcpu_state_name(t->state));
}

int tui_state_exit_code(const struct tui *t)
{
	switch (t->state) {
	case VCPU_DEBUG_EXIT:
		return t->exit_status & 0xff; /* as the headless console reports it */
	case VCPU_SHUTDOWN:
		return STATUS_SHUTDOWN;
	case VCPU_FAIL_ENTRY:
		return STATUS_FAIL_ENTRY;
	case VCPU_INTERNAL_ERROR:
		return STATUS_INTERNAL_ERROR;
	case VCPU_ERROR:
		return STATUS_VCPU_ERROR;
	case VCPU_EXIT_LIMIT:
		return STATUS_MAX_EXITS;
	case VCPU_END:
		return STATUS_INTERRUPTED; /* the recorded run was killed, as headless says */
	default:
		return 0; /* the user chose to quit: not a failure */
	}
}
