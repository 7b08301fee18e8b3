/* SPDX-License-Identifier: MIT */
/* theme.c - the slot table and the two built-in themes.
 *
 * The built-ins are what kvm-tui shows when no theme file can be found, and
 * the base every file is parsed over; themes/default.theme and
 * themes/mono.theme spell out the same values (a unit test keeps them equal).
 */
#include "theme.h"

#include <stdlib.h>
#include <string.h>

static const char *const slot_keys[THEME_SLOT_COUNT] = {
#define THEME_KEY(id, key) [THEME_##id] = key,
	THEME_SLOTS(THEME_KEY)
#undef THEME_KEY
};

static const char *const slot_about[THEME_SLOT_COUNT] = {
	[THEME_NORMAL] = "ordinary text and the background",
	[THEME_BORDER] = "pane frames",
	[THEME_TITLE] = "pane titles",
	[THEME_TITLE_FOCUS] = "the title of the pane that has the focus",
	[THEME_SERIAL] = "what the guest wrote to its serial port",
	[THEME_SERIAL_ESCAPE] = "control bytes from the guest, shown as text",
	[THEME_SCREEN_BLINK] = "blinking text on the guest's screen (its attributes; the colours are the guest's)",
	[THEME_EXIT_IO] = "IO exits: the guest used an I/O port",
	[THEME_EXIT_MMIO] = "MMIO exits: the guest touched unbacked memory",
	[THEME_EXIT_HLT] = "HLT exits: the guest halted",
	[THEME_EXIT_DEBUG] = "DEBUG exits: single steps and breakpoints",
	[THEME_EXIT_ERROR] = "SHUTDOWN, FAIL_ENTRY, INTERNAL_ERROR: the guest failed",
	[THEME_EXIT_OTHER] = "every other exit (INTR, IRQ_WINDOW_OPEN, ...)",
	[THEME_EXIT_IRQ] = "an interrupt going into the guest (a line between the exits)",
	[THEME_REG_NAME] = "register names",
	[THEME_REG_VALUE] = "register values",
	[THEME_REG_CHANGED] = "a register that changed since the last frame or step",
	[THEME_FLAG_SET] = "a flag that is set (also written in upper case)",
	[THEME_FLAG_CLEAR] = "a flag that is clear (also written in lower case)",
	[THEME_BAR] = "bars in the statistics",
	[THEME_SPARKLINE] = "the exits-per-second sparkline",
	[THEME_STATE_RUNNING] = "vCPU state RUNNING",
	[THEME_STATE_PAUSED] = "vCPU state PAUSED",
	[THEME_STATE_STOPPED] = "vCPU state HALTED and other stops",
	[THEME_STATE_ERROR] = "vCPU state SHUTDOWN, FAILED and other errors",
	[THEME_STATUS_BAR] = "the bar along the bottom",
	[THEME_STATUS_KEY] = "key names in the bottom bar",
	[THEME_SELECTION] = "the selected line of the exit log",
	[THEME_CODE_CURRENT] = "the instruction at CS:RIP in the code view",
	[THEME_HELP] = "help screen text",
	[THEME_DIM] = "secondary text",
};

const char *theme_slot_key(enum theme_slot slot)
{
	return (unsigned)slot < THEME_SLOT_COUNT ? slot_keys[slot] : "?";
}

int theme_slot_from_key(const char *key)
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		if (strcmp(slot_keys[i], key) == 0)
			return i;
	return -1;
}

const char *theme_slot_about(enum theme_slot slot)
{
	return (unsigned)slot < THEME_SLOT_COUNT ? slot_about[slot] : "?";
}

enum {
	BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE,
	BRIGHT_BLACK, BRIGHT_RED, BRIGHT_GREEN, BRIGHT_YELLOW,
	BRIGHT_BLUE, BRIGHT_MAGENTA, BRIGHT_CYAN, BRIGHT_WHITE,
};

#define DFLT {.kind = COLOR_KIND_DEFAULT}
#define ANSI(n) {.kind = COLOR_KIND_ANSI, .ansi = (n)}
#define BOLD THEME_ATTR_BOLD
#define REV THEME_ATTR_REVERSE
#define UNDER THEME_ATTR_UNDERLINE

/* Dark: the terminal's own colours for text, ANSI colours for meaning, so
 * it follows whatever palette the user has chosen. */
static const struct theme_style dark[THEME_SLOT_COUNT] = {
	[THEME_NORMAL] = {DFLT, DFLT, 0},
	[THEME_BORDER] = {ANSI(BRIGHT_BLACK), DFLT, 0},
	[THEME_TITLE] = {DFLT, DFLT, BOLD},
	[THEME_TITLE_FOCUS] = {ANSI(BLACK), ANSI(YELLOW), BOLD},
	[THEME_SERIAL] = {DFLT, DFLT, 0},
	[THEME_SERIAL_ESCAPE] = {ANSI(MAGENTA), DFLT, 0},
	/* Bold rather than the terminal's blink: a class can read it, and
	 * many terminals do not blink at all. */
	[THEME_SCREEN_BLINK] = {DFLT, DFLT, BOLD},
	[THEME_EXIT_IO] = {ANSI(CYAN), DFLT, 0},
	[THEME_EXIT_MMIO] = {ANSI(YELLOW), DFLT, 0},
	[THEME_EXIT_HLT] = {ANSI(GREEN), DFLT, 0},
	[THEME_EXIT_DEBUG] = {ANSI(BRIGHT_BLUE), DFLT, 0},
	[THEME_EXIT_ERROR] = {ANSI(BRIGHT_RED), DFLT, BOLD},
	[THEME_EXIT_OTHER] = {DFLT, DFLT, 0},
	[THEME_EXIT_IRQ] = {ANSI(BRIGHT_MAGENTA), DFLT, 0},
	[THEME_REG_NAME] = {ANSI(CYAN), DFLT, 0},
	[THEME_REG_VALUE] = {DFLT, DFLT, 0},
	[THEME_REG_CHANGED] = {ANSI(BRIGHT_YELLOW), DFLT, BOLD | REV},
	[THEME_FLAG_SET] = {ANSI(BRIGHT_GREEN), DFLT, BOLD},
	[THEME_FLAG_CLEAR] = {ANSI(BRIGHT_BLACK), DFLT, 0},
	[THEME_BAR] = {ANSI(GREEN), DFLT, 0},
	[THEME_SPARKLINE] = {ANSI(CYAN), DFLT, 0},
	[THEME_STATE_RUNNING] = {ANSI(BLACK), ANSI(GREEN), BOLD},
	[THEME_STATE_PAUSED] = {ANSI(BLACK), ANSI(YELLOW), BOLD},
	[THEME_STATE_STOPPED] = {ANSI(BRIGHT_WHITE), ANSI(BLUE), BOLD},
	[THEME_STATE_ERROR] = {ANSI(BRIGHT_WHITE), ANSI(RED), BOLD},
	[THEME_STATUS_BAR] = {ANSI(BLACK), ANSI(WHITE), 0},
	[THEME_STATUS_KEY] = {ANSI(BLUE), ANSI(WHITE), BOLD},
	[THEME_SELECTION] = {ANSI(BRIGHT_WHITE), ANSI(BLUE), 0},
	[THEME_CODE_CURRENT] = {ANSI(BLACK), ANSI(CYAN), 0},
	[THEME_HELP] = {DFLT, DFLT, 0},
	[THEME_DIM] = {ANSI(BRIGHT_BLACK), DFLT, 0},
};

/* Mono: attributes only, each state and mark told apart without colour. */
static const struct theme_style mono[THEME_SLOT_COUNT] = {
	[THEME_TITLE] = {DFLT, DFLT, BOLD},
	[THEME_TITLE_FOCUS] = {DFLT, DFLT, BOLD | REV},
	[THEME_SERIAL_ESCAPE] = {DFLT, DFLT, UNDER},
	[THEME_SCREEN_BLINK] = {DFLT, DFLT, BOLD},
	[THEME_EXIT_HLT] = {DFLT, DFLT, BOLD},
	[THEME_EXIT_DEBUG] = {DFLT, DFLT, UNDER},
	[THEME_EXIT_ERROR] = {DFLT, DFLT, BOLD | UNDER},
	[THEME_EXIT_IRQ] = {DFLT, DFLT, THEME_ATTR_DIM | UNDER},
	[THEME_REG_CHANGED] = {DFLT, DFLT, REV},
	[THEME_FLAG_SET] = {DFLT, DFLT, BOLD},
	[THEME_FLAG_CLEAR] = {DFLT, DFLT, THEME_ATTR_DIM},
	[THEME_STATE_RUNNING] = {DFLT, DFLT, BOLD},
	[THEME_STATE_PAUSED] = {DFLT, DFLT, BOLD | REV},
	[THEME_STATE_STOPPED] = {DFLT, DFLT, UNDER},
	[THEME_STATE_ERROR] = {DFLT, DFLT, BOLD | REV | UNDER},
	[THEME_STATUS_BAR] = {DFLT, DFLT, REV},
	[THEME_STATUS_KEY] = {DFLT, DFLT, BOLD | REV},
	[THEME_SELECTION] = {DFLT, DFLT, REV},
	[THEME_CODE_CURRENT] = {DFLT, DFLT, BOLD | REV},
	[THEME_DIM] = {DFLT, DFLT, THEME_ATTR_DIM},
};

static void builtin(struct theme *t, const char *name, const struct theme_style *style)
{
	memset(t, 0, sizeof *t);
	strncpy(t->name, name, sizeof t->name - 1);
	memcpy(t->style, style, sizeof t->style);
}

void theme_builtin_default(struct theme *t)
{
	builtin(t, "default", dark);
}

void theme_builtin_mono(struct theme *t)
{
	/* Zeroed slots are already "default on default, no attributes". */
	builtin(t, "mono", mono);
}

struct theme_style theme_resolve(const struct theme *t, enum theme_slot slot)
{
	struct theme_style s = t->style[slot];
	const struct theme_style *normal = &t->style[THEME_NORMAL];
	if (s.fg.kind == COLOR_KIND_DEFAULT)
		s.fg = normal->fg;
	if (s.bg.kind == COLOR_KIND_DEFAULT)
		s.bg = normal->bg;
	return s;
}

bool theme_has_color(const struct theme *t)
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		const struct theme_style *s = &t->style[i];
		if (s->fg.kind != COLOR_KIND_DEFAULT || s->bg.kind != COLOR_KIND_DEFAULT)
			return true;
	}
	return false;
}

bool theme_use_color(bool no_color_option)
{
	/* https://no-color.org: any non-empty value turns colour off. */
	const char *nc = getenv("NO_COLOR");
	return !no_color_option && !(nc && *nc);
}
