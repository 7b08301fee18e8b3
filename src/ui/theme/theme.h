/* SPDX-License-Identifier: MIT */
/* theme.h - colours and attributes for every kind of thing on screen.
 *
 * A theme is a plain-text file (themes/NAME.theme): one "slot = style" a
 * line. The UI asks for a slot's curses attribute (theme_attr() in
 * theme_curses.h) and never names a colour. This header stays curses-free so
 * the parser, the lookup and their tests need no terminal.
 *
 * File syntax (themes/default.theme is the commented reference):
 *
 *   # a comment line; blank lines are fine too
 *   exit.io = cyan on default bold      # a trailing comment after " # "
 *
 *   style  = word...  in any order, separated by spaces or tabs:
 *     COLOUR          the foreground (at most one)
 *     on COLOUR       the background (at most one)
 *     bold reverse underline dim blink   attributes, any number
 *   COLOUR = default | black red green yellow blue magenta cyan white
 *          | bright-black .. bright-white | gray/grey (= bright-black)
 *          | #RRGGBB
 *   A style without a colour keeps "default"; names are case-insensitive.
 *
 *   "default" means the theme's `normal` colour; in `normal` itself it means
 *   the terminal's own colour. So a theme with `normal = black on #ffffff`
 *   is light on any terminal, and its other slots can say just "red bold".
 *
 *   A key that is not in the file keeps the built-in default theme's value.
 *   An unknown key, a bad colour or attribute, a key given twice, or a line
 *   that is not "key = style" is an error: "FILE:LINE: what is wrong".
 */
#ifndef KVMTUI_THEME_H
#define KVMTUI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Slots, with their key in theme files. The exit.* slots are one per exit
 * class (exit_table.h says which reason is in which; exit_class_slot() in
 * exit_format.c maps class to slot), and exit.irq colours the interrupt
 * lines between the exits. */
#define THEME_SLOTS(X)                                                   \
	X(NORMAL, "normal")               /* ordinary text and background */ \
	X(BORDER, "border")               /* pane frames */                  \
	X(TITLE, "title")                 /* pane titles */                  \
	X(TITLE_FOCUS, "title.focus")     /* the focused pane's title */     \
	X(SERIAL, "serial")               /* guest console text */           \
	X(SERIAL_ESCAPE, "serial.escape") /* control bytes shown as text */  \
	X(SCREEN_BLINK, "screen.blink")   /* the guest's blinking text: attributes only */ \
	X(EXIT_IO, "exit.io")                                                \
	X(EXIT_MMIO, "exit.mmio")                                            \
	X(EXIT_HLT, "exit.hlt")                                              \
	X(EXIT_DEBUG, "exit.debug")       /* single steps, breakpoints */    \
	X(EXIT_ERROR, "exit.error")       /* the guest failed (triple fault...) */ \
	X(EXIT_OTHER, "exit.other")       /* kicks and the rest */           \
	X(EXIT_IRQ, "exit.irq")           /* interrupts: not exits, lines of their own */ \
	X(REG_NAME, "reg.name")                                              \
	X(REG_VALUE, "reg.value")                                            \
	X(REG_CHANGED, "reg.changed")     /* changed since last frame/step */ \
	X(FLAG_SET, "flag.set")                                              \
	X(FLAG_CLEAR, "flag.clear")                                          \
	X(BAR, "bar")                     /* statistics bars */              \
	X(SPARKLINE, "sparkline")                                            \
	X(STATE_RUNNING, "state.running")                                    \
	X(STATE_PAUSED, "state.paused")                                      \
	X(STATE_STOPPED, "state.stopped") /* halted, debug exit, quit */     \
	X(STATE_ERROR, "state.error")     /* shutdown, entry failure, errors */ \
	X(STATUS_BAR, "status")           /* the bottom bar */               \
	X(STATUS_KEY, "status.key")       /* key names in the bottom bar */  \
	X(SELECTION, "selection")         /* selected exit-log line */       \
	X(CODE_CURRENT, "code.current")   /* the instruction at CS:RIP */    \
	X(HELP, "help")                   /* help screen text */             \
	X(DIM, "dim")                     /* secondary text */

enum theme_slot {
#define THEME_ENUM(id, key) THEME_##id,
	THEME_SLOTS(THEME_ENUM)
#undef THEME_ENUM
	THEME_SLOT_COUNT
};

/* A colour as written in a theme: the terminal's default, one of the 16 ANSI
 * colours (0..15: black red green yellow blue magenta cyan white, then the
 * bright ones), or an RGB value. */
struct theme_color {
	enum { COLOR_KIND_DEFAULT, COLOR_KIND_ANSI, COLOR_KIND_RGB } kind;
	uint8_t ansi;
	uint8_t r, g, b;
};

#define THEME_ATTR_BOLD 0x1
#define THEME_ATTR_REVERSE 0x2
#define THEME_ATTR_UNDERLINE 0x4
#define THEME_ATTR_DIM 0x8
#define THEME_ATTR_BLINK 0x10

struct theme_style {
	struct theme_color fg, bg;
	unsigned attrs; /* THEME_ATTR_* */
};

struct theme {
	char name[64];
	struct theme_style style[THEME_SLOT_COUNT];
};

/* Size of one entry of theme_dirs() and of the paths built from it. */
#define THEME_PATH_MAX 512

/* The key of a slot in theme files ("exit.io"); "?" for a bad slot. */
const char *theme_slot_key(enum theme_slot slot);
/* The slot with that key, or -1. */
int theme_slot_from_key(const char *key);
/* One line on what the slot colours, for the help screen ("what each colour means"). */
const char *theme_slot_about(enum theme_slot slot);

/* The built-in default theme (what a missing key falls back to). */
void theme_builtin_default(struct theme *t);
/* The look without colour: attributes only (NO_COLOR, --no-color, mono terminals). */
void theme_builtin_mono(struct theme *t);

/* The slot's style with "default" colours replaced by the normal slot's,
 * which is what is drawn (normal's own "default" stays the terminal's). */
struct theme_style theme_resolve(const struct theme *t, enum theme_slot slot);
/* True when any slot names a colour (false for attribute-only themes). */
bool theme_has_color(const struct theme *t);
/* Whether to use colour: false with --no-color or a non-empty NO_COLOR. */
bool theme_use_color(bool no_color_option);

/* Parses a theme file over the default theme. Errors name file:line.
 * A UTF-8 byte order mark at the start is skipped (editors add it).
 * Returns 0, or -1 with err set and *t untouched. */
int theme_load_file(const char *path, struct theme *t, char *err, size_t errlen);

/* Themes are a few dozen lines; a bigger file is not one. */
#define THEME_FILE_MAX (64 * 1024)
/* Reads a whole regular file of at most THEME_FILE_MAX bytes into a
 * NUL-terminated buffer the caller frees; never blocks (a FIFO is refused).
 * 0, or -1 with "path: why" in err. */
int theme_file_read(const char *path, char **text, size_t *len, char *err, size_t errlen);
/* NAME (searched in the theme directories, the last directory that has
 * NAME.theme wins; "default" and "mono" fall back to the built-in themes) or
 * PATH (contains a '/' or ends .theme). Returns 0, or -1 with err set. */
int theme_load(const char *name_or_path, struct theme *t, char *err, size_t errlen);
/* Theme directories in search order, later ones overriding earlier ones:
 * the repository's themes/, the installed share/kvm-tui/themes, then
 * $XDG_CONFIG_HOME/kvm-tui/themes (default ~/.config/kvm-tui/themes), so a
 * user's own file wins. Returns how many were written to dirs. */
size_t theme_dirs(char dirs[][THEME_PATH_MAX], size_t max);
/* Prints every theme found, one a line: name and the path that wins. */
void theme_list(FILE *out);

#endif
