/* SPDX-License-Identifier: MIT */
/* commands.c - keys to actions, actions to requests (see commands.h). */
#include "commands.h"

#include "breaks_view.h"
#include "exit_view.h"
#include "replay_commands.h"
#include "screen_slot.h"
#include "slow_motion.h"

/* ---- the vCPU ---- */

/* Pause, resume and step mean nothing to a guest that has stopped; say so
 * rather than silently ignore the key. A replay at its end can still go
 * back: its own keys (replay_commands.c) never ask this. */
static bool vcpu_can_run(struct tui *t)
{
	if (!vcpu_state_is_final(t->state))
		return true;
	uint64_t now = seam_now_ns();
	if (tui_is_replay(t)) /* short: an 80-column bar keeps 38 for it */
		tui_state_message(t, now, "at the end: S steps back, R restarts");
	else
		tui_state_message(t, now, "the guest has stopped (%s): R resets it",
				  vcpu_state_name(t->state));
	return false;
}

static void vcpu_request(struct tui *t, uint32_t request)
{
	if (vcpu_can_run(t))
		control_request(&t->seam->control, request);
}

static void vcpu_speed(struct tui *t, bool faster)
{
	uint32_t rate = faster ? slow_motion_faster(t->rate_limit) : slow_motion_slower(t->rate_limit);
	t->rate_limit = rate;
	control_set_rate_limit(&t->seam->control, rate);
	char label[32];
	slow_motion_label(label, sizeof(label), rate);
	tui_state_message(t, seam_now_ns(), rate ? "slow motion: %s" : "full speed (%s)", label);
}

/* ---- focus and zoom ---- */

static void focus_move(struct tui *t, int step)
{
	enum pane_id p = t->focus;
	for (int i = 0; i < PANE_COUNT; i++) {
		p = (enum pane_id)((p + PANE_COUNT + step) % PANE_COUNT);
		/* Zoomed or too small, every pane can take the focus; otherwise
		 * only the ones on screen. */
		bool usable = t->zoom < PANE_COUNT || t->layout.kind == LAYOUT_TOO_SMALL ||
			      t->layout.shown[p];
		if (usable)
			break;
	}
	/* Zoomed, Tab shows the next pane: a projector steps through them. */
	if (t->zoom < PANE_COUNT && t->zoom == t->focus)
		t->zoom = p;
	else if (t->zoom < PANE_COUNT)
		p = t->zoom; /* the focus was elsewhere (serial zoomed): take the zoomed pane */
	t->focus = p;
}

/* Zooming takes the focus along, except into the serial console: there
 * every key goes to the guest, and a lecturer who pressed 1 to show the
 * console big must be able to press 1 again to come back. Tab (or Ctrl-A
 * Tab) still moves the focus into it for typing. */
static void zoom_toggle(struct tui *t, enum pane_id p)
{
	if (t->zoom == p) {
		t->zoom = PANE_COUNT;
		return;
	}
	t->zoom = p;
	if (p != PANE_SERIAL)
		t->focus = p;
}

/* ---- the serial console's scrollback ---- */

static void serial_scroll(struct tui *t, int pages)
{
	if (screen_slot_shows_screen(t))
		return; /* COM1's history is hidden; the screen keeps none */
	struct rect r = t->layout.pane[PANE_SERIAL];
	int w = r.w > 2 ? r.w - 2 : 1, h = r.h > 3 ? r.h - 3 : 1;
	size_t rows = scrollback_total_rows(&t->serial, (unsigned)w);
	size_t max = rows > (size_t)h ? rows - (size_t)h : 0;
	int64_t s = (int64_t)t->serial_scroll + (int64_t)pages * h;
	t->serial_scroll = s < 0 ? 0 : (size_t)s > max ? max : (size_t)s;
}

/* ---- where typed keys go ---- */

/* K: COM1 (bytes, as a terminal sends them) or the 8042 (scan codes on
 * IRQ 1). Keys already typed stay on their way to where they were typed. */
static void keys_target(struct tui *t)
{
	uint64_t now = seam_now_ns();
	if (tui_is_replay(t)) {
		tui_state_message(t, now, "a replay has no guest to type to");
		return;
	}
	bool kbc = t->console.target != INPUT_TO_KBC;
	t->console.target = kbc ? INPUT_TO_KBC : INPUT_TO_UART;
	tui_state_message(t, now, kbc ? "keys %s 8042: scan codes on IRQ 1" : "keys %s COM1: bytes to the UART",
			  t->utf8 ? "\u2192" : "->");
}

/* ---- dispatch ---- */

static void do_vcpu(struct tui *t, enum ui_action a)
{
	switch (a) {
	case ACT_PAUSE: vcpu_request(t, CTRL_PAUSE); break;
	case ACT_RESUME: vcpu_request(t, CTRL_RESUME); break;
	case ACT_TOGGLE:
		vcpu_request(t, t->state == VCPU_PAUSED ? CTRL_RESUME : CTRL_PAUSE);
		break;
	case ACT_STEP: vcpu_request(t, CTRL_STEP); break;
	case ACT_NEXT_EXIT: vcpu_request(t, CTRL_NEXT_EXIT); break;
	case ACT_RESET:
		control_request(&t->seam->control, CTRL_RESET);
		tui_state_message(t, seam_now_ns(), tui_is_replay(t) ? "starting the replay over"
								     : "resetting: a fresh VM from the same image");
		break;
	case ACT_FASTER: case ACT_SLOWER:
		if (tui_is_replay(t))
			replay_commands_pace(t, a == ACT_FASTER);
		else
			vcpu_speed(t, a == ACT_FASTER);
		break;
	default: break;
	}
}

static void do_view(struct tui *t, enum ui_action a)
{
	switch (a) {
	case ACT_FOCUS_NEXT: focus_move(t, 1); break;
	case ACT_FOCUS_PREV: focus_move(t, -1); break;
	case ACT_ZOOM_1: case ACT_ZOOM_2: case ACT_ZOOM_3: case ACT_ZOOM_4:
		zoom_toggle(t, (enum pane_id)(a - ACT_ZOOM_1));
		break;
	case ACT_HELP:
		t->help_open = !t->help_open;
		t->help_scroll = 0;
		break;
	case ACT_UP: exit_view_move(t, -1); break;
	case ACT_DOWN: exit_view_move(t, 1); break;
	case ACT_PGUP: exit_view_move(t, -exit_view_page(t)); break;
	case ACT_PGDN: exit_view_move(t, exit_view_page(t)); break;
	case ACT_HOME: exit_view_home(t); break;
	case ACT_END: exit_view_end(t); break;
	case ACT_ENTER: exit_view_open(t); break;
	case ACT_CLOSE:
		if (t->zoom < PANE_COUNT)
			t->zoom = PANE_COUNT;
		else
			exit_view_end(t);
		break;
	case ACT_SERIAL_PGUP: serial_scroll(t, 1); break;
	case ACT_SERIAL_PGDN: serial_scroll(t, -1); break;
	case ACT_REDRAW: t->redraw_all = true; break;
	case ACT_KEYS_TARGET: keys_target(t); break;
	case ACT_SCREEN: screen_slot_toggle(t); break;
	case ACT_CODE: debug_views_toggle(t, LOWER_CODE); break;
	case ACT_MEMORY: debug_views_toggle(t, LOWER_MEMORY); break;
	case ACT_SYNTAX: debug_views_toggle_syntax(t); break;
	case ACT_STACK: debug_views_toggle_stack(t); break;
	case ACT_ADDRESS:
		goto_prompt_open(&t->prompt);
		t->prompt_for = PROMPT_ADDRESS;
		break;
	case ACT_BREAK_ADD:
		goto_prompt_open(&t->prompt);
		t->prompt_for = PROMPT_BREAK;
		break;
	case ACT_BREAK_LIST:
		t->breaks_open = !t->breaks_open;
		t->breaks_sel = 0;
		break;
	default: break;
	}
}

void commands_do(struct tui *t, enum ui_action a)
{
	t->dirty = true;
	if (a == ACT_QUIT)
		t->quit = true;
	else if (keys_replay_only(a))
		replay_commands_do(t, a);
	else if (a >= ACT_PAUSE && a <= ACT_SLOWER)
		do_vcpu(t, a);
	else
		do_view(t, a);
}

/* Keys while the help is open: it scrolls and closes; other console keys
 * still work (p pauses under the help), so a lecturer never has to close
 * it first. */
static bool help_key(struct tui *t, int key)
{
	enum ui_action a = keys_command(key);
	switch (a) {
	case ACT_CLOSE: case ACT_HELP: case ACT_QUIT: case ACT_ENTER:
		t->help_open = false;
		return true;
	case ACT_UP: t->help_scroll--; return true;
	case ACT_DOWN: t->help_scroll++; return true;
	case ACT_PGUP: t->help_scroll -= 10; return true;
	case ACT_PGDN: t->help_scroll += 10; return true;
	case ACT_HOME: t->help_scroll = 0; return true;
	case ACT_END: t->help_scroll = 1 << 20; return true; /* clamped when drawn */
	default: return false;
	}
}

static bool detail_key(struct tui *t, int key)
{
	enum ui_action a = keys_command(key);
	switch (a) {
	case ACT_CLOSE: case ACT_QUIT: case ACT_ENTER:
		t->exit_view.detail_open = false;
		return true;
	case ACT_UP: case ACT_DOWN: case ACT_PGUP: case ACT_PGDN: case ACT_HOME:
		do_view(t, a);
		return true;
	default:
		return false;
	}
}

/* Keys typed into pane 1. From the serial console they go where K says
 * (COM1 or the 8042); from the text screen always to the 8042, as a PC's
 * keyboard goes with its screen (a guest that draws there reads int 16h).
 * Both share one Ctrl-A escape. */
static void serial_key(struct tui *t, int key)
{
	bool screen = screen_slot_shows_screen(t);
	struct console_result r;
	if (screen)
		console_key_to(&t->console, INPUT_TO_KBC, key, &r);
	else
		console_key(&t->console, key, &r);
	if (r.action != ACT_SEND) {
		if (r.action != ACT_NONE)
			commands_do(t, r.action);
		return;
	}
	if (!screen)
		t->serial_scroll = 0; /* typing shows where the answer will appear */
	struct guest_input *to = r.target == INPUT_TO_KBC ? &t->keyboard : &t->input;
	if (guest_input_add(to, r.bytes, r.len) < 0)
		tui_state_message(t, seam_now_ns(), "out of memory: key not sent");
	guest_input_flush(to, t->seam);
	t->dirty = true;
}

/* A replay has no guest to type to: with the console focused, keys are
 * commands as anywhere else. Ctrl-A still works as the escape, so live
 * habits (Ctrl-A x, Ctrl-A p) do what they always did. */
static void replay_serial_key(struct tui *t, int key)
{
	if (!t->console.armed && key != CONSOLE_ESCAPE) {
		commands_do(t, keys_action(key, true));
		return;
	}
	struct console_result r;
	console_key(&t->console, key, &r);
	if (r.action != ACT_SEND && r.action != ACT_NONE)
		commands_do(t, r.action);
}

/* The memory view, focused: arrows and pages move through memory, g asks
 * for an address (elsewhere g is Home in the exit log). */
static bool memory_key(struct tui *t, int key)
{
	bool shown = t->zoom == PANE_STATS || (t->zoom == PANE_COUNT && t->layout.shown[PANE_STATS]);
	if (t->focus != PANE_STATS || !shown || t->debug.lower != LOWER_MEMORY)
		return false;
	struct rect r = t->layout.pane[PANE_STATS]; /* the frame takes a row and a column each side */
	int per = debug_views_bytes_per_line(t, r.w - 2);
	int page = per * (r.h > 3 ? r.h - 3 : 1);
	switch (key == 'g' ? ACT_ADDRESS : keys_command(key)) {
	case ACT_ADDRESS: commands_do(t, ACT_ADDRESS); return true;
	case ACT_UP: debug_views_scroll(t, -per); return true;
	case ACT_DOWN: debug_views_scroll(t, per); return true;
	case ACT_PGUP: debug_views_scroll(t, -page); return true;
	case ACT_PGDN: debug_views_scroll(t, page); return true;
	case ACT_HOME: debug_views_scroll(t, -t->debug.scroll); return true;
	default: return false;
	}
}

/* The memory view's address, or a new breakpoint. */
static void text_prompt_key(struct tui *t, int key)
{
	enum prompt_for purpose = t->prompt_for;
	enum goto_prompt_result r = goto_prompt_key(&t->prompt, key);
	if (r != GOTO_PROMPT_EDITING)
		t->prompt_for = PROMPT_GOTO;
	if (r != GOTO_PROMPT_SUBMIT)
		return;
	char err[192];
	if (purpose == PROMPT_BREAK)
		breaks_add(t, t->prompt.text);
	else if (!debug_views_set_address(t, t->prompt.text, err, sizeof(err)))
		tui_state_message(t, seam_now_ns(), "not an address: %s", err);
}

void commands_key(struct tui *t, int key)
{
	t->dirty = true;
	if (key == UK_RESIZE)
		return;
	if (t->prompt.open && t->prompt_for != PROMPT_GOTO) {
		text_prompt_key(t, key);
		return;
	}
	if (t->prompt.open) {
		replay_commands_prompt_key(t, key);
		return;
	}
	if (t->help_open && help_key(t, key))
		return;
	if (t->breaks_open && breaks_key(t, key))
		return;
	if (t->exit_view.detail_open && detail_key(t, key))
		return;
	bool overlay = t->help_open || t->exit_view.detail_open;
	if (!overlay && memory_key(t, key))
		return;
	bool serial_visible = t->layout.kind == LAYOUT_TOO_SMALL || t->layout.shown[PANE_SERIAL];
	bool replay = tui_is_replay(t);
	if (t->focus == PANE_SERIAL && serial_visible && !overlay && replay)
		replay_serial_key(t, key);
	else if (t->focus == PANE_SERIAL && serial_visible && !overlay)
		serial_key(t, key);
	else
		commands_do(t, keys_action(key, replay));
}
