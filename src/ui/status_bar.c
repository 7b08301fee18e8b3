/* SPDX-License-Identifier: MIT */
/* status_bar.c - the bottom line: the keys that work right now, and the
 * vCPU's state (or a passing message) on the right, with the speaker's note
 * beside it while it sounds; in a replay also its pace and LOOP, and the
 * "go to" prompt when it is open.
 *
 * The hints change with the focus, so the bar always answers "what can I
 * press here?"; on a narrow terminal the less important ones go first,
 * "? help" and "q quit" stay. The words of K (where keys would go) and v
 * (what pane 1 would show) are set each frame; a hint with no words this
 * frame (v without a screen) is left out.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "panes.h"
#include "replay_speed.h"
#include "replay_status.h"
#include "screen_slot.h"
#include "speaker_label.h"

struct hint {
	const char *key, *what; /* what NULL: this frame's words (now_what) */
};

/* This frame's words for K and v, set before the hints are measured and
 * drawn; "" leaves the hint out. */
static const char *keys_what = "", *slot_what = "";

static const struct hint hints_main[] = {
	{ "p", "pause" }, { "r", "resume" }, { "s", "step" },	{ "n", "next exit" },
	{ "R", "reset" }, { "+/-", "speed" }, { "Tab", "focus" }, { "1-4", "zoom" },
	{ "v", NULL }, { "K", NULL },	  { NULL, NULL },
};
static const struct hint hints_log[] = {
	{ "\u2191\u2193", "select" }, { "Enter", "decode" }, { "End", "follow" }, { "r", "resume" },
	{ "s", "step" },	      { "n", "next exit" },  { "Tab", "focus" }, { NULL, NULL },
};
static const struct hint hints_stopped[] = {
	{ "R", "reset" },	{ "\u2191\u2193", "select" }, { "Enter", "decode" },
	{ "Tab", "focus" },	{ "1-4", "zoom" },	      { NULL, NULL },
};
static const struct hint hints_serial[] = {
	{ "keys", "go to the guest" }, { "C-a Tab", "leave" }, { "C-a K", NULL },
	{ "C-a p", "pause" },	       { "C-a C-a", "send C-a" }, { NULL, NULL },
};
/* The text screen in pane 1: keys go to the 8042, K is not its business. */
static const struct hint hints_screen[] = {
	{ "keys", "go to the 8042" }, { "C-a Tab", "leave" }, { "C-a v", NULL },
	{ "C-a p", "pause" },	      { "C-a C-a", "send C-a" }, { NULL, NULL },
};
static const struct hint hints_help[] = {
	{ "\u2191\u2193", "scroll" }, { "Esc", "close" }, { NULL, NULL },
};
static const struct hint hints_detail[] = {
	{ "\u2191\u2193", "previous/next exit" }, { "Esc", "close" }, { NULL, NULL },
};
/* A replay: no guest to type to, so these hold with the console focused too. */
static const struct hint hints_replay[] = {
	{ "p", "pause" },   { "r", "resume" }, { "\u2190", "back" }, { "n", "next" },
	{ ":", "go to" },   { "+/-", "speed" }, { "l", "loop" },	   { "R", "restart" },
	{ "Tab", "focus" }, { "1-4", "zoom" },  { NULL, NULL },
};
static const struct hint hints_replay_log[] = {
	{ "\u2190", "back" },	      { "n", "next" },	       { "r", "resume" },
	{ ":", "go to" },	      { "\u2191\u2193", "select" }, { "Enter", "decode" },
	{ "End", "follow" },	      { "+/-", "speed" },      { "l", "loop" },
	{ NULL, NULL },
};
/* At the end of the recording, going back is the point. */
static const struct hint hints_replay_end[] = {
	{ "\u2190", "back" }, { ":", "go to" },	      { "R", "restart" },
	{ "l", "loop" },      { "\u2191\u2193", "select" }, { "Enter", "decode" },
	{ NULL, NULL },
};
static const struct hint tail_main[] = { { "?", "help" }, { "q", "quit" }, { NULL, NULL } };
static const struct hint tail_serial[] = { { "C-a ?", "help" }, { "C-a x", "quit" }, { NULL, NULL } };

/* Arrows are drawn as words where the terminal lacks UTF-8. */
static const char *key_text(const char *key)
{
	if (!draw_utf8() && strcmp(key, "\u2191\u2193") == 0)
		return "Up/Dn";
	if (!draw_utf8() && strcmp(key, "\u2190") == 0)
		return "Left";
	return key;
}

/* Columns, not bytes: an arrow is one column but three bytes. */
static int columns(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The words of the hints that change with the moment: v's, or K's. */
static const char *now_what(const char *key)
{
	if (strcmp(key, "v") == 0 || strcmp(key, "C-a v") == 0)
		return slot_what;
	return keys_what;
}

static const char *hint_what(const struct hint *h)
{
	return h->what ? h->what : now_what(h->key);
}

/* 0 for a hint with nothing to say this frame. */
static int hint_width(const struct hint *h)
{
	if (!hint_what(h)[0])
		return 0;
	return 1 + columns(key_text(h->key)) + 1 + columns(hint_what(h)) + 1;
}

static int hints_width(const struct hint *h)
{
	int w = 0;
	for (; h->key; h++)
		w += hint_width(h);
	return w;
}

static int draw_hint(int y, int x, const struct hint *h)
{
	if (!hint_width(h))
		return 0;
	attr_t key = draw_attr(THEME_STATUS_KEY), text = draw_attr(THEME_STATUS_BAR);
	draw_text(y, x, 1, text, " ");
	attrset(key);
	mvaddstr(y, x + 1, key_text(h->key));
	int w = hint_width(h), what = columns(hint_what(h));
	draw_textf(y, x + w - what - 2, what + 2, text, " %s ", hint_what(h));
	return w;
}

static const struct hint *replay_hints(const struct tui *t)
{
	if (vcpu_state_is_final(t->state))
		return hints_replay_end;
	if (!t->exit_view.follow || t->state == VCPU_PAUSED)
		return hints_replay_log;
	return hints_replay;
}

static void status_hints(const struct tui *t, const struct hint **main, const struct hint **tail)
{
	*tail = tail_main;
	if (t->help_open)
		*main = hints_help;
	else if (t->exit_view.detail_open)
		*main = hints_detail;
	else if (tui_is_replay(t))
		*main = replay_hints(t);
	else if (t->focus == PANE_SERIAL && screen_slot_shows_screen(t)) {
		*main = hints_screen;
		*tail = tail_serial;
	} else if (t->focus == PANE_SERIAL) {
		*main = hints_serial;
		*tail = tail_serial;
	} else if (!t->exit_view.follow || t->state == VCPU_PAUSED)
		*main = hints_log;
	else if (vcpu_state_is_final(t->state))
		*main = hints_stopped;
	else
		*main = hints_main;
}

static const char *guest_basename(const struct tui *t)
{
	const char *name = t->cfg && t->cfg->guest_name ? t->cfg->guest_name : "";
	const char *slash = strrchr(name, '/');
	return slash ? slash + 1 : name;
}

/* The state in words; in a replay with its pace and LOOP before it, in at
 * most max columns. */
static void state_words(const struct tui *t, char *buf, size_t n, int max)
{
	char state[48], pace[32];
	tui_state_text(t, state, sizeof(state));
	if (!tui_is_replay(t)) {
		snprintf(buf, n, "%s", state);
		return;
	}
	replay_pace_label(pace, sizeof(pace),
			  (struct replay_pace){ .rate_limit = t->rate_limit, .speed = t->replay_speed });
	struct replay_status s = {
		.state = state,
		.end = t->state == VCPU_END,
		.truncated = t->cfg->replay_truncated,
		.pace = pace,
		.loop = t->replay_loop,
	};
	replay_status_text(buf, n, &s, max);
}

/* The speaker's note, just left of the `used` columns on the right, while
 * it sounds and where it still leaves `keep` columns (the "? help" and
 * "q quit" hints). A note, not a message: it stays beside one too. Returns
 * the columns used. */
static int status_speaker(const struct tui *t, struct rect r, int used, int keep)
{
	char label[SPEAKER_LABEL_MAX];
	int w = speaker_label(t, draw_utf8(), label, sizeof(label));
	if (w == 0 || used + w + 2 + keep > r.w)
		return 0;
	/* A space either side: "Hz" must not run into a replay's "1x". */
	draw_textf(r.y, r.x + r.w - used - w - 2, w + 2, draw_attr(THEME_STATUS_KEY), " %s ", label);
	return w + 2;
}

/* Right-hand side: a message while it is fresh, else the guest and its
 * state; the speaker's note before either. Returns the columns used,
 * leaving `keep` for the last hints. */
static int status_right(const struct tui *t, struct rect r, int keep)
{
	char text[160], state[96];
	enum theme_slot slot = tui_state_slot(t->state);
	bool message = t->message[0] && seam_now_ns() < t->message_until_ns;
	if (message) {
		snprintf(text, sizeof(text), " %s ", t->message);
		slot = THEME_STATUS_BAR;
	} else {
		state_words(t, state, sizeof(state), r.w / 2 - 2);
		snprintf(text, sizeof(text), " %s ", state);
	}
	int w = (int)strlen(text);
	if (w > r.w / 2)
		w = r.w / 2;
	int x = r.x + r.w - w;
	draw_text(r.y, x, w, draw_attr(slot) | A_BOLD, text);
	w += status_speaker(t, r, w, keep);
	x = r.x + r.w - w;
	const char *guest = guest_basename(t);
	int gw = (int)strlen(guest);
	/* The guest's name only where it costs no key hint. */
	if (!message && gw > 0 && r.w >= 100 && gw < 32) {
		draw_text(r.y, x - gw - 1, gw, draw_attr(THEME_STATUS_BAR), guest);
		w += gw + 1;
	}
	return w;
}

void status_bar_draw(struct tui *t, struct rect r)
{
	if (t->prompt.open) {
		status_prompt_draw(t, r);
		return;
	}
	draw_fill(r, THEME_STATUS_BAR);
	/* K offers the other target: the one the keys do not go to now. */
	bool kbc = t->console.target == INPUT_TO_KBC;
	keys_what = draw_utf8() ? (kbc ? "keys\u2192COM1" : "keys\u21928042") : (kbc ? "keys->COM1" : "keys->8042");
	/* v offers what pane 1 does not show now, once there is a screen. */
	slot_what = !screen_slot_available(t) ? "" : screen_slot_shows_screen(t) ? "serial" : "screen";
	const struct hint *main, *tail;
	status_hints(t, &main, &tail);
	int right = status_right(t, r, hints_width(tail));
	int room = r.w - right - hints_width(tail);
	int x = r.x;
	for (const struct hint *h = main; h->key && hint_width(h) <= room - (x - r.x); h++)
		x += draw_hint(r.y, x, h);
	for (const struct hint *h = tail; h->key && x + hint_width(h) <= r.x + r.w - right; h++)
		x += draw_hint(r.y, x, h);
}
