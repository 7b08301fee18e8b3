/* SPDX-License-Identifier: MIT */
/* screen.c - curses lifecycle, signals and terminal restore (see screen.h). */
#define _GNU_SOURCE
#include "screen.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "theme_curses.h"

/* What a crash handler needs, captured while it is safe to call curses. */
static struct {
	bool open;
	bool utf8;
	int colors;
	int pipe[2];
	struct termios saved_tty;
	bool have_tty;
	char restore_seq[256]; /* leave the alternate screen, show the cursor, plain attributes */
	size_t restore_len;
	volatile sig_atomic_t quit_signal;
	struct sigaction old_int, old_term, old_hup, old_winch, old_fatal[5];
	void (*curses_winch)(int); /* ncurses' own SIGWINCH handler, chained */
} scr = { .pipe = { -1, -1 } };

static const int fatal_signals[5] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

static void pipe_note(char what)
{
	int saved = errno;
	if (scr.pipe[1] >= 0)
		(void)!write(scr.pipe[1], &what, 1);
	errno = saved;
}

static void on_quit_signal(int sig)
{
	scr.quit_signal = sig;
	pipe_note('q');
}

static void on_winch(int sig)
{
	if (scr.curses_winch)
		scr.curses_winch(sig);
	pipe_note('w');
}

/* Async-signal-safe: tty modes back and the terminal out of the alternate
 * screen, so a crash still leaves a usable shell. */
static void restore_terminal_raw(void)
{
	if (scr.restore_len)
		(void)!write(STDOUT_FILENO, scr.restore_seq, scr.restore_len);
	if (scr.have_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &scr.saved_tty);
}

static void on_fatal_signal(int sig)
{
	restore_terminal_raw();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* For another part's crash handler (the sandbox's SIGSYS): async-signal-safe,
 * and only what every sandboxed thread may do (write, tcsetattr on stdin). */
void screen_restore_now(void)
{
	if (scr.open)
		restore_terminal_raw();
}

static void at_exit_restore(void)
{
	if (scr.open)
		restore_terminal_raw();
}

static void append_cap(const char *name)
{
	char *s = tigetstr((char *)name);
	if (!s || s == (char *)-1)
		return;
	size_t len = strlen(s);
	if (scr.restore_len + len < sizeof(scr.restore_seq)) {
		memcpy(scr.restore_seq + scr.restore_len, s, len);
		scr.restore_len += len;
	}
}

static int install(int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	return sigaction(sig, &sa, old);
}

static void install_signals(void)
{
	install(SIGINT, on_quit_signal, &scr.old_int);
	install(SIGTERM, on_quit_signal, &scr.old_term);
	install(SIGHUP, on_quit_signal, &scr.old_hup);
	/* initscr installed ncurses' SIGWINCH handler (it keeps the size);
	 * ours calls it, then wakes the loop. */
	install(SIGWINCH, on_winch, &scr.old_winch);
	if (!(scr.old_winch.sa_flags & SA_SIGINFO) && scr.old_winch.sa_handler != SIG_DFL &&
	    scr.old_winch.sa_handler != SIG_IGN)
		scr.curses_winch = scr.old_winch.sa_handler;
	for (int i = 0; i < 5; i++)
		install(fatal_signals[i], on_fatal_signal, &scr.old_fatal[i]);
}

static void restore_signals(void)
{
	sigaction(SIGINT, &scr.old_int, NULL);
	sigaction(SIGTERM, &scr.old_term, NULL);
	sigaction(SIGHUP, &scr.old_hup, NULL);
	sigaction(SIGWINCH, &scr.old_winch, NULL);
	for (int i = 0; i < 5; i++)
		sigaction(fatal_signals[i], &scr.old_fatal[i], NULL);
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void setup_curses_modes(void)
{
	raw();      /* Ctrl-C, Ctrl-Z, Ctrl-S belong to the guest's console */
	noecho();
	nonl();     /* Enter arrives as \r, as a serial terminal sends it */
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25); /* a lone Esc closes a window without a visible lag */
	curs_set(0);
	leaveok(stdscr, FALSE);
}

int screen_open(const struct theme *theme, bool use_color, char *err, size_t errlen)
{
	/* ncursesw draws UTF-8 only if the locale says so; LC_CTYPE alone so
	 * numbers keep printing with a '.' everywhere else. */
	setlocale(LC_CTYPE, "");
	scr.utf8 = locale_is_utf8();
	scr.have_tty = tcgetattr(STDIN_FILENO, &scr.saved_tty) == 0;
	if (pipe2(scr.pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "cannot create a pipe: %s", strerror(errno));
		return -1;
	}
	if (!newterm(NULL, stdout, stdin)) {
		snprintf(err, errlen, "cannot open the terminal (TERM=%s): try TERM=xterm or --headless",
			 getenv("TERM") ? getenv("TERM") : "unset");
		screen_close();
		return -1;
	}
	scr.open = true;
	scr.restore_len = 0;
	append_cap("sgr0");
	append_cap("rmcup");
	append_cap("cnorm");
	setup_curses_modes();
	scr.colors = theme_apply_curses(theme, use_color);
	bkgdset(theme_attr(THEME_NORMAL) | ' ');
	install_signals();
	static bool registered;
	if (!registered && atexit(at_exit_restore) == 0)
		registered = true;
	return 0;
}

void screen_close(void)
{
	if (scr.open) {
		restore_signals();
		curs_set(1);
		endwin();
		scr.open = false;
		if (scr.have_tty)
			tcsetattr(STDIN_FILENO, TCSANOW, &scr.saved_tty);
	}
	for (int i = 0; i < 2; i++) {
		if (scr.pipe[i] >= 0)
			close(scr.pipe[i]);
		scr.pipe[i] = -1;
	}
}

bool screen_utf8(void)
{
	return scr.utf8;
}

int screen_colors(void)
{
	return scr.colors;
}

int screen_signal_fd(void)
{
	return scr.pipe[0];
}

unsigned screen_take_signals(void)
{
	unsigned got = 0;
	char buf[64];
	ssize_t n;
	while ((n = read(scr.pipe[0], buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			got |= buf[i] == 'q' ? SCREEN_SIG_QUIT : SCREEN_SIG_RESIZE;
	return got;
}

int screen_quit_signal(void)
{
	return scr.quit_signal;
}

void screen_resize(void)
{
	/* Without ncurses' own handler in the chain, a refresh after endwin
	 * makes it query the new size. */
	if (!scr.curses_winch) {
		endwin();
		refresh();
	}
}
