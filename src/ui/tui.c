/* SPDX-License-Identifier: MIT */
/* tui.c - the terminal UI's main loop: drain, read keys, draw, sleep.
 *
 * One thread does everything in turn, so keys are read on every pass
 * however busy the guest is: a pass drains at most DRAIN_BUDGET events.
 * Frames are drawn at most every FRAME_NS and only when something changed.
 * Between frames the loop sleeps in poll() on stdin and the signal pipe;
 * when nothing is left to draw it also waits on the ring's eventfd (the
 * producer writes it only when told the consumer sleeps). A paused or
 * stopped guest leaves nothing to wake for: the UI then uses no CPU.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include <curses.h>

#include "commands.h"
#include "draw.h"
#include "exit_status.h"
#include "input.h"
#include "intake.h"
#include "panes.h"
#include "screen.h"
#include "screen_slot.h"
#include "screen_view.h"
#include "tui.h"
#include "tui_state.h"

#define FRAME_NS 16666667ull      /* ~60 frames per second at most */
#define TICK_NS 250000000ull      /* uptime, exits/s and KVM's counts move */
#define SETTLE_NS 1000000000ull   /* keep ticking this long after a stop: the
				   * in-kernel counts arrive a little later */
#define DRAIN_BUDGET 8192         /* events per pass: keys wait at most this long */
#define KEYS_PER_PASS 512         /* a huge paste cannot starve the drain either */
#define INPUT_RETRY_NS 10000000ull /* the guest's input queue was full: try again */

/* ---- drawing ---- */

/* A pane the layout hides cannot keep the focus (compact layout). */
static void fix_focus(struct tui *t)
{
	if (t->layout.kind == LAYOUT_FULL || t->layout.kind == LAYOUT_COMPACT)
		if (!t->layout.shown[t->focus])
			t->focus = PANE_EXITS;
}

static void tui_layout(struct tui *t)
{
	t->layout.cols = COLS;
	t->layout.lines = LINES;
	int regs_rows = pane_regs_rows(t, layout_right_width(COLS) - 2);
	layout_compute(&t->layout, COLS, LINES, t->zoom, regs_rows);
	if (screen_slot_shows_screen(t)) /* room for its 25 rows where the terminal has it */
		layout_grow_first(&t->layout, screen_view_rows(&t->screen.page));
	fix_focus(t);
}

static void draw_panes(struct tui *t)
{
	static void (*const draw[PANE_COUNT])(struct tui *, struct rect) = {
		[PANE_SERIAL] = pane_serial_draw,
		[PANE_REGS] = pane_regs_draw,
		[PANE_EXITS] = pane_exits_draw,
		[PANE_STATS] = pane_stats_draw,
	};
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!t->layout.shown[p])
			continue;
		if (p == PANE_SERIAL && screen_slot_shows_screen(t))
			pane_screen_draw(t, t->layout.pane[p]);
		else if (p == PANE_STATS && t->debug.lower == LOWER_CODE)
			pane_code_draw(t, t->layout.pane[p]);
		else if (p == PANE_STATS && t->debug.lower == LOWER_SOURCE)
			pane_source_draw(t, t->layout.pane[p]);
		else if (p == PANE_STATS && t->debug.lower == LOWER_MEMORY)
			pane_memory_draw(t, t->layout.pane[p]);
		else
			draw[p](t, t->layout.pane[p]);
	}
	status_bar_draw(t, t->layout.status);
	if (t->exit_view.detail_open)
		exit_detail_draw(t);
	if (t->breaks_open)
		breaks_list_draw(t);
	if (t->help_open)
		help_draw(t);
}

static void tui_draw(struct tui *t)
{
	tui_layout(t);
	if (t->redraw_all) {
		clearok(curscr, TRUE);
		t->redraw_all = false;
	}
	t->cursor_shown = false;
	erase();
	if (t->layout.kind == LAYOUT_TOO_SMALL)
		too_small_draw(t);
	else
		draw_panes(t);
	if (t->cursor_shown)
		move(t->cursor_y, t->cursor_x);
	curs_set(t->cursor_shown ? 1 : 0);
	refresh();
	intake_regs_drawn(t);
	t->dirty = false;
}

/* ---- input ---- */

static void handle_signals(struct tui *t)
{
	unsigned sig = screen_take_signals();
	if (sig & SCREEN_SIG_QUIT)
		t->quit = true;
	if (sig & SCREEN_SIG_RESIZE) {
		screen_resize();
		t->dirty = true;
	}
}

static void handle_keys(struct tui *t)
{
	for (int i = 0; i < KEYS_PER_PASS && !t->quit; i++) {
		int key = input_read_key();
		if (key == UK_NONE)
			break;
		commands_key(t, key);
	}
	if (guest_input_pending(&t->input))
		guest_input_flush(&t->input, t->seam);
	if (guest_input_pending(&t->keyboard))
		guest_input_flush(&t->keyboard, t->seam);
}

/* ---- sleeping ---- */

static uint64_t earliest(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* When the loop must look again even if no fd wakes it; UINT64_MAX: never. */
static uint64_t wake_deadline(const struct tui *t, uint64_t next_tick)
{
	uint64_t at = UINT64_MAX;
	if (t->state == VCPU_RUNNING || t->state == VCPU_STARTING ||
	    seam_now_ns() < t->state_since_ns + SETTLE_NS)
		at = next_tick;
	if (t->message[0] && t->message_until_ns)
		at = earliest(at, t->message_until_ns);
	if (guest_input_pending(&t->input) || guest_input_pending(&t->keyboard))
		at = earliest(at, seam_now_ns() + INPUT_RETRY_NS);
	return at;
}

static int timeout_ms(uint64_t deadline, uint64_t now)
{
	if (deadline == UINT64_MAX)
		return -1;
	if (deadline <= now)
		return 0;
	uint64_t ms = (deadline - now + 999999) / 1000000;
	return ms > 60000 ? 60000 : (int)ms;
}

static void sleep_poll(struct tui *t, bool with_ring, uint64_t deadline)
{
	struct pollfd fds[3] = {
		{ .fd = STDIN_FILENO, .events = POLLIN },
		{ .fd = screen_signal_fd(), .events = POLLIN },
		{ .fd = ring_wakeup_fd(&t->seam->ring), .events = POLLIN },
	};
	int ms = timeout_ms(deadline, seam_now_ns());
	if (ms == 0)
		return;
	if (poll(fds, with_ring ? 3 : 2, ms) < 0 && errno != EINTR)
		t->quit = true; /* cannot wait for anything: leave rather than spin */
}

static void tui_wait(struct tui *t, bool backlog, uint64_t next_frame, uint64_t next_tick)
{
	if (t->dirty) {
		/* Something to show, but not yet: let events pile up until the
		 * frame is due (the ring holds far more than a frame's worth). */
		sleep_poll(t, false, next_frame);
		return;
	}
	if (backlog)
		return; /* more events waiting right now */
	if (ring_consumer_sleep_begin(&t->seam->ring) && !debug_views_pending(t))
		sleep_poll(t, true, wake_deadline(t, next_tick));
	ring_consumer_sleep_end(&t->seam->ring);
}

/* ---- the loop ---- */

static void tui_loop(struct tui *t)
{
	uint64_t next_frame = 0, next_tick = 0;
	while (!t->quit) {
		intake_control(t);
		size_t drained = intake_drain(t, DRAIN_BUDGET);
		handle_signals(t);
		handle_keys(t);
		uint64_t now = seam_now_ns();
		intake_poll(t, now);
		if (now >= next_tick) {
			next_tick = now + TICK_NS;
			if (t->state == VCPU_RUNNING)
				t->dirty = true; /* the uptime moved */
		}
		if (t->message[0] && now >= t->message_until_ns) {
			t->message[0] = '\0';
			t->dirty = true;
		}
		if (t->quit)
			break;
		if (t->dirty && now >= next_frame) {
			tui_draw(t);
			next_frame = now + FRAME_NS;
		}
		tui_wait(t, drained == DRAIN_BUDGET, next_frame, next_tick);
	}
}

int tui_run(struct seam *seam, const struct tui_config *cfg)
{
	static struct tui t; /* large (scrollbacks, history): not on the stack */
	struct theme fallback;
	const struct theme *theme = cfg->theme;
	if (!theme) {
		theme_builtin_default(&fallback);
		theme = &fallback;
	}
	if (tui_state_init(&t, seam, cfg) < 0) {
		fprintf(stderr, "kvm-tui: out of memory for the console's buffers\n");
		return STATUS_SETUP;
	}
	char err[256];
	if (screen_open(theme, cfg->use_color, err, sizeof(err)) < 0) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		tui_state_free(&t);
		return STATUS_SETUP;
	}
	t.utf8 = screen_utf8();
	draw_set_utf8(t.utf8);
	draw_set_screen_title(cfg->replay_file ? "REPLAY" : NULL, cfg->replay_file);
	input_init();
	if (cfg->on_ready)
		cfg->on_ready();
	tui_loop(&t);
	screen_close();
	/* Stop the guest and release a producer blocked on a full ring before
	 * the program joins the vCPU thread. */
	control_request(&seam->control, CTRL_QUIT);
	ring_close(&seam->ring);
	int status = screen_quit_signal() ? STATUS_INTERRUPTED : tui_state_exit_code(&t);
	tui_state_free(&t);
	return status;
}

void tui_restore_terminal_now(void)
{
	screen_restore_now();
}
