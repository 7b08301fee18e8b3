/* SPDX-License-Identifier: MIT */
/* too_small.c - what a terminal under the minimum size shows: the need,
 * the size it has, and that keys still work. Never a crash, never a mess. */
#include <string.h>

#include "draw.h"
#include "panes.h"

#define MAX_ROWS 8

/* Greedy word wrap into at most MAX_ROWS pieces of at most cols columns. */
static int wrap_words(const char *text, int cols, const char *start[], int len[])
{
	int rows = 0;
	while (*text && rows < MAX_ROWS) {
		int n = (int)strlen(text);
		int take = n;
		if (n > cols) {
			take = cols;
			while (take > 0 && text[take] != ' ')
				take--;
			if (take == 0)
				take = cols; /* one word longer than the screen: cut it */
		}
		start[rows] = text;
		len[rows++] = take;
		text += take;
		while (*text == ' ')
			text++;
	}
	return rows;
}

void too_small_draw(const struct tui *t)
{
	char text[96];
	layout_too_small_text(text, sizeof(text), t->layout.cols, t->layout.lines);
	bkgdset(draw_attr(THEME_NORMAL) | ' ');
	erase();
	int cols = t->layout.cols, lines = t->layout.lines;
	if (cols <= 0 || lines <= 0)
		return;
	const char *start[MAX_ROWS];
	int len[MAX_ROWS];
	int rows = wrap_words(text, cols, start, len);
	int y = lines > rows ? (lines - rows) / 2 : 0;
	for (int i = 0; i < rows && y + i < lines; i++)
		draw_text(y + i, (cols - len[i]) / 2, len[i], draw_attr(THEME_STATE_ERROR) | A_BOLD,
			  start[i]);
	const char *hint = "enlarge the window, or q to quit";
	if (y + rows + 1 < lines && (int)strlen(hint) <= cols)
		draw_text(y + rows + 1, (cols - (int)strlen(hint)) / 2, cols, draw_attr(THEME_DIM), hint);
}
