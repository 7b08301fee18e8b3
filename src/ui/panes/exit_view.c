/* SPDX-License-Identifier: MIT */
/* exit_view.c - moving through the exit log: the selection, following the
 * newest exit, opening a decode. Positions are absolute history positions,
 * so a selection stays on its exit while older ones are dropped. */
#include "exit_view.h"

static uint64_t view_clamp(const struct tui *t, int64_t pos)
{
	const struct exit_history *h = &t->exits;
	if (pos < (int64_t)h->begin)
		return h->begin;
	if (pos >= (int64_t)h->end)
		return h->end - 1;
	return (uint64_t)pos;
}

void exit_view_move(struct tui *t, int64_t delta)
{
	struct tui_exit_view *v = &t->exit_view;
	if (t->exits.end == t->exits.begin)
		return;
	if (v->follow) {
		/* The first move only lifts the selection onto the newest exit. */
		v->follow = false;
		v->selected = t->exits.end - 1;
		if (delta > 0)
			return;
		delta = delta == -1 ? 0 : delta;
	}
	v->selected = view_clamp(t, (int64_t)v->selected + delta);
}

void exit_view_home(struct tui *t)
{
	if (t->exits.end == t->exits.begin)
		return;
	t->exit_view.follow = false;
	t->exit_view.selected = t->exits.begin;
}

void exit_view_end(struct tui *t)
{
	t->exit_view.follow = true;
	t->exit_view.detail_open = false;
}

void exit_view_open(struct tui *t)
{
	if (t->exits.end == t->exits.begin)
		return;
	if (t->exit_view.follow) {
		t->exit_view.follow = false;
		t->exit_view.selected = t->exits.end - 1;
	}
	t->exit_view.detail_open = true;
}

int exit_view_page(const struct tui *t)
{
	int h = t->layout.pane[PANE_EXITS].h - 3;
	return h > 1 ? h : 1;
}
