/* SPDX-License-Identifier: MIT */
/* status_prompt.c - the replay's "go to" prompt, drawn over the key bar:
 * the label, what was typed with the cursor after it, and on the right
 * what may be typed (the recording's exits and length) and how to leave.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "goto_parse.h"
#include "panes.h"

/* The longest of these that fits beside the entry. */
static void prompt_hint(const struct tui *t, char *buf, size_t n, int room)
{
	if (t->prompt_for != PROMPT_GOTO) {
		snprintf(buf, n, "%s  Enter go  Esc cancel", t->prompt_for == PROMPT_ADDRESS
			 ? "0x7c00  b800:0  ss:sp  ds:si+4  phys:0x1000" : "0x7c10  io:0x3f8  hlt  mmio:0xb8000  mode  int:8");
		if ((int)strlen(buf) > room)
			snprintf(buf, n, "Enter go  Esc cancel");
		if ((int)strlen(buf) > room)
			buf[0] = '\0';
		return;
	}
	char range[48];
	goto_hint(range, sizeof(range), t->cfg->replay_exits, t->cfg->replay_duration_ns);
	snprintf(buf, n, "%s  Enter go  Esc cancel", range);
	if ((int)strlen(buf) > room)
		snprintf(buf, n, "Enter go  Esc cancel");
	if ((int)strlen(buf) > room)
		buf[0] = '\0';
}

void status_prompt_draw(struct tui *t, struct rect r)
{
	draw_fill(r, THEME_STATUS_BAR);
	int x = r.x + 1, end = r.x + r.w;
	x += draw_text(r.y, x, end - x, draw_attr(THEME_STATUS_KEY),
		       t->prompt_for == PROMPT_ADDRESS ? ADDRESS_PROMPT_LABEL
		       : t->prompt_for == PROMPT_BREAK ? BREAK_PROMPT_LABEL : GOTO_PROMPT_LABEL);
	x += draw_text(r.y, x, end - x, draw_attr(THEME_STATUS_BAR) | A_BOLD, t->prompt.text);
	if (x < end) {
		/* The real cursor where the next character goes. */
		t->cursor_shown = true;
		t->cursor_y = r.y;
		t->cursor_x = x;
	}
	char hint[96];
	prompt_hint(t, hint, sizeof(hint), end - x - 3);
	int hw = (int)strlen(hint);
	if (hw)
		draw_text(r.y, end - hw - 1, hw, draw_attr(THEME_STATUS_BAR), hint);
}
