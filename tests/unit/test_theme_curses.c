/* SPDX-License-Identifier: MIT */
/* test_theme_curses.c - themes applied to real curses screens of a 256-colour,
 * an 8-colour and a monochrome terminal (terminfo entries, output to /dev/null). */
#include "check.h"
#include "theme.h"
#include "theme_curses.h"

static FILE *out, *in;

static SCREEN *open_term(const char *type)
{
	SCREEN *s = newterm(type, out, in);
	if (s)
		set_term(s);
	return s;
}

static void close_term(SCREEN *s)
{
	endwin();
	delscreen(s);
}

static void pair_of(enum theme_slot slot, short *fg, short *bg)
{
	*fg = *bg = -99;
	pair_content((short)PAIR_NUMBER(theme_attr(slot)), fg, bg);
}

static void test_256(const struct theme *def, const struct theme *projector)
{
	short fg, bg;
	SCREEN *s = open_term("xterm-256color");
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ(theme_apply_curses(def, true), 256);
	CHECK_EQ(PAIR_NUMBER(theme_attr(THEME_EXIT_IO)), THEME_EXIT_IO + 1);
	pair_of(THEME_EXIT_IO, &fg, &bg);
	CHECK_EQ(fg, 6);
	CHECK_EQ(bg, -1);
	CHECK(theme_attr(THEME_REG_CHANGED) & A_REVERSE);
	CHECK(theme_attr(THEME_REG_CHANGED) & A_BOLD);
	CHECK_EQ(theme_attr(THEME_SLOT_COUNT), A_NORMAL);

	CHECK_EQ(theme_apply_curses(projector, true), 256);
	pair_of(THEME_NORMAL, &fg, &bg);
	CHECK_EQ(fg, 16);
	CHECK_EQ(bg, 231);
	pair_of(THEME_EXIT_IO, &fg, &bg);
	CHECK_EQ(fg, 19);
	CHECK_EQ(bg, 231);

	/* The guest screen's pairs: made on first use after the slots', the
	 * same pair for the same colours, started afresh by a new theme. */
	short first = theme_pair(231, 19);
	CHECK_EQ(first, THEME_SLOT_COUNT + 1);
	CHECK_EQ(theme_pair(130, 16), THEME_SLOT_COUNT + 2);
	CHECK_EQ(theme_pair(231, 19), first);
	pair_content(first, &fg, &bg);
	CHECK_EQ(fg, 231);
	CHECK_EQ(bg, 19);
	CHECK_EQ(theme_apply_curses(def, true), 256);
	CHECK_EQ(theme_pair(130, 16), THEME_SLOT_COUNT + 1);
	/* Blinking text: bold by default, the terminal's blink if a theme says. */
	CHECK_EQ(theme_attr(THEME_SCREEN_BLINK) & A_ATTRIBUTES & ~A_COLOR, A_BOLD);
	CHECK_EQ(theme_curses_attrs(THEME_ATTR_BLINK | THEME_ATTR_REVERSE), A_BLINK | A_REVERSE);

	/* --no-color / NO_COLOR on a colour terminal: the mono look. */
	CHECK_EQ(theme_apply_curses(def, false), 0);
	CHECK_EQ(PAIR_NUMBER(theme_attr(THEME_EXIT_IO)), 0);
	CHECK_EQ(theme_pair(231, 19), 0); /* no colours: no pairs */
	CHECK_EQ(theme_attr(THEME_STATE_PAUSED), A_BOLD | A_REVERSE);
	close_term(s);
}

static void test_8(const struct theme *def)
{
	short fg, bg;
	SCREEN *s = open_term("xterm-color");
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ(theme_apply_curses(def, true), 8);
	/* 64 pairs: what the slots leave is all the screen gets, then 0. */
	int made = 0;
	for (short f = 0; f < 8; f++)
		for (short b = 0; b < 8; b++)
			made += theme_pair(f, b) != 0;
	CHECK_EQ(made, COLOR_PAIRS - 1 - THEME_SLOT_COUNT);
	pair_of(THEME_EXIT_DEBUG, &fg, &bg);  /* bright-blue */
	CHECK_EQ(fg, 4);
	CHECK(theme_attr(THEME_EXIT_DEBUG) & A_BOLD);
	CHECK(!(theme_attr(THEME_EXIT_IO) & A_BOLD));
	close_term(s);
}

static void test_mono_terminal(const struct theme *def)
{
	struct theme attrs_only;
	SCREEN *s = open_term("xterm-mono");
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ(theme_apply_curses(def, true), 0);
	CHECK_EQ(theme_attr(THEME_STATE_PAUSED), A_BOLD | A_REVERSE);
	CHECK_EQ(theme_attr(THEME_REG_CHANGED), A_REVERSE);
	CHECK_EQ(theme_attr(THEME_EXIT_IO), A_NORMAL);
	/* An attribute-only theme keeps its own attributes. */
	theme_builtin_mono(&attrs_only);
	attrs_only.style[THEME_EXIT_IO].attrs = THEME_ATTR_UNDERLINE;
	CHECK_EQ(theme_apply_curses(&attrs_only, true), 0);
	CHECK_EQ(theme_attr(THEME_EXIT_IO), A_UNDERLINE);
	close_term(s);
}

int main(void)
{
	struct theme def, projector;
	char err[512];
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in)
		return 1;
	theme_builtin_default(&def);
	CHECK_EQ(theme_load_file(TEST_SOURCE_DIR "/themes/projector.theme", &projector, err,
				 sizeof err), 0);
	SCREEN *probe = newterm("xterm-256color", out, in);
	if (!probe) {
		printf("SKIPPED: tool: no terminfo entry for xterm-256color (install ncurses-term)\n");
		return check_failed ? 1 : 77; /* a skip never hides a failed check */
	}
	close_term(probe);
	test_256(&def, &projector);
	test_8(&def);
	test_mono_terminal(&def);
	return check_done();
}
