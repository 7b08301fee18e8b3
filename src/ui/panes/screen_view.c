/* SPDX-License-Identifier: MIT */
/* screen_view.c - the part of the text screen shown, and the title (see
 * screen_view.h). */
#include "screen_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int screen_view_cols(const struct text_screen *s)
{
	return s->cols <= TEXT_SCREEN_COLS ? s->cols : TEXT_SCREEN_COLS;
}

int screen_view_rows(const struct text_screen *s)
{
	return s->rows <= TEXT_SCREEN_ROWS ? s->rows : TEXT_SCREEN_ROWS;
}

/* One axis: `size` of `total` cells shown from *start; the cursor at
 * `at` (or -1: none to follow). */
static int follow(int *start, int size, int total, int at)
{
	if (size >= total) {
		*start = 0;
		return total;
	}
	if (at >= 0 && at < *start)
		*start = at;
	else if (at >= 0 && at >= *start + size)
		*start = at - size + 1;
	if (*start > total - size)
		*start = total - size;
	if (*start < 0)
		*start = 0;
	return size;
}

void screen_view_fit(struct screen_view *v, const struct text_screen *s, int w, int h)
{
	int cols = screen_view_cols(s), rows = screen_view_rows(s);
	bool cursor = s->cursor_visible && s->cursor_row < rows && s->cursor_col < cols;
	w = w > 0 ? w : 0;
	h = h > 0 ? h : 0;
	/* A new size: what was the best corner for the old one is not. */
	if (h != v->rows)
		v->top = 0;
	if (w != v->cols)
		v->left = 0;
	v->rows = follow(&v->top, h, rows, cursor ? s->cursor_row : -1);
	v->cols = follow(&v->left, w, cols, cursor ? s->cursor_col : -1);
	v->part = v->rows < rows || v->cols < cols;
}

/* Columns, not bytes: "·" and "→" are one column in three bytes or two. */
static int columns(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Appends " · piece" when it still fits in room columns. */
static void add_piece(char *buf, size_t n, int room, const char *sep, const char *piece)
{
	size_t len = strlen(buf);
	if (!piece[0] || columns(buf) + columns(sep) + columns(piece) > room || len >= n)
		return;
	snprintf(buf + len, n - len, "%s%s", sep, piece);
}

/* "rows 3-13, cols 0-37", naming only the cut ones: "cols 0-69". */
static void part_shown(char *buf, size_t n, const struct text_screen *s, const struct screen_view *v)
{
	char rows[24] = "", cols[24] = "";
	if (v->rows < screen_view_rows(s))
		snprintf(rows, sizeof(rows), "rows %d-%d", v->top, v->top + v->rows - 1);
	if (v->cols < screen_view_cols(s))
		snprintf(cols, sizeof(cols), "cols %d-%d", v->left, v->left + v->cols - 1);
	snprintf(buf, n, "%s%s%s", rows, rows[0] && cols[0] ? ", " : "", cols);
}

void screen_view_title(char *buf, size_t n, const struct screen_title_info *info)
{
	const struct text_screen *s = info->page;
	const struct screen_view *v = info->view;
	const char *sep = info->utf8 ? " \u00b7 " : " - ";
	char piece[64], part[48] = "";
	if (v->part && v->rows > 0 && v->cols > 0)
		part_shown(part, sizeof(part), s, v);
	int len = snprintf(buf, n, "1 screen %dx%d mode %02Xh", screen_view_cols(s), screen_view_rows(s),
			   s->mode);
	/* The part shown matters more than the mode: in an 80x24 terminal
	 * there is room for one of them. */
	if (part[0] && len + columns(sep) + (int)strlen(part) > info->room)
		snprintf(buf, n, "1 screen %dx%d", screen_view_cols(s), screen_view_rows(s));
	if (!s->used)
		add_piece(buf, n, info->room, sep, "not used yet");
	add_piece(buf, n, info->room, sep, part);
	if (info->keys_here)
		add_piece(buf, n, info->room, sep, info->utf8 ? "keys \u2192 8042" : "keys -> 8042");
	snprintf(piece, sizeof(piece), "dirty pages %" PRIu64 ", refreshes %" PRIu64, s->dirty_pages,
		 s->refreshes);
	add_piece(buf, n, info->room, sep, piece);
}
