/* SPDX-License-Identifier: MIT */
/* test_ui_replay_keys.c - the replay's keys against a real seam: what each
 * one asks of the engine in a replay, that live they ask nothing and say
 * why, that they work at the end of a recording, that the "go to" prompt
 * sends a seek only for a good entry, and that with the serial console
 * focused a replay's keys are commands (there is no guest to type to). */
#include "check.h"
#include "commands.h"
#include "tui_state.h"

static struct tui t;

static uint32_t take_pending(struct seam *s)
{
	return atomic_exchange(&s->control.pending, 0);
}

static void keys(const char *text)
{
	for (; *text; text++)
		commands_key(&t, *text);
}

static void start(struct seam *s, const struct tui_config *cfg)
{
	tui_state_free(&t);
	CHECK_EQ(tui_state_init(&t, s, cfg), 0);
	layout_compute(&t.layout, 80, 24, PANE_COUNT, 12);
	t.state = VCPU_PAUSED;
	t.message[0] = '\0';
	take_pending(s);
}

static void test_step_back(struct seam *s)
{
	commands_key(&t, UK_LEFT);
	CHECK_EQ(take_pending(s), CTRL_STEP_BACK);
	commands_key(&t, 'S');
	CHECK_EQ(take_pending(s), CTRL_STEP_BACK);
	commands_key(&t, UK_RIGHT);
	CHECK_EQ(take_pending(s), CTRL_NEXT_EXIT);
	commands_key(&t, 's'); /* the engine takes a step as the next exit */
	CHECK_EQ(take_pending(s), CTRL_STEP);
	commands_key(&t, 'n');
	CHECK_EQ(take_pending(s), CTRL_NEXT_EXIT);
	/* the log follows, so its newest line is where the replay stands */
	t.exit_view.follow = false;
	commands_key(&t, 'S');
	CHECK(t.exit_view.follow);
	take_pending(s);
}

/* At the end of a recording (END, HALTED...) going back is the point. */
static void test_final_states(struct seam *s)
{
	static const enum vcpu_state finals[] = { VCPU_END, VCPU_HALTED, VCPU_DEBUG_EXIT, VCPU_SHUTDOWN };
	for (size_t i = 0; i < sizeof(finals) / sizeof(finals[0]); i++) {
		t.state = finals[i];
		commands_key(&t, UK_LEFT);
		CHECK_EQ(take_pending(s), CTRL_STEP_BACK);
		keys(":3\r");
		CHECK_EQ(take_pending(s), CTRL_SEEK);
		CHECK_EQ(atomic_load(&s->control.seek_target), 3);
		commands_key(&t, 'l');
		commands_key(&t, 'l');
		CHECK_EQ(atomic_load(&s->control.replay_loop), 0);
		CHECK_EQ(take_pending(s), CTRL_RATE); /* a loop change wakes a replay idle at its end */
		commands_key(&t, 'R');
		CHECK_EQ(take_pending(s), CTRL_RESET);
		/* resuming past the end means nothing: say what does */
		commands_key(&t, 'r');
		CHECK_EQ(take_pending(s), 0);
		CHECK_CONTAINS(t.message, "at the end: S steps back, R restarts");
	}
	t.state = VCPU_PAUSED;
}

static void test_goto(struct seam *s)
{
	keys(":12.5s");
	CHECK(t.prompt.open);
	CHECK_EQ(take_pending(s), 0); /* nothing until Enter */
	keys("q"); /* typed into the prompt: not a quit */
	CHECK(!t.quit);
	commands_key(&t, UK_BACKSPACE);
	commands_key(&t, '\r');
	CHECK(!t.prompt.open);
	CHECK_EQ(take_pending(s), CTRL_SEEK);
	CHECK_EQ(atomic_load(&s->control.seek_target), 12500000000ull | CONTROL_SEEK_TIME);
	CHECK_CONTAINS(t.message, "going to 12.5s");

	keys(":#4711\r");
	CHECK_EQ(take_pending(s), CTRL_SEEK);
	CHECK_EQ(atomic_load(&s->control.seek_target), 4711);
	CHECK_CONTAINS(t.message, "going to exit #4711");

	/* a bad entry: a message, nothing sent */
	atomic_store(&s->control.seek_target, 77);
	keys(":12x\r");
	CHECK(!t.prompt.open);
	CHECK_EQ(take_pending(s), 0);
	CHECK_EQ(atomic_load(&s->control.seek_target), 77);
	CHECK_CONTAINS(t.message, "unknown unit");
	keys(":4712\r"); /* past the recording's last exit */
	CHECK_EQ(take_pending(s), 0);
	CHECK_CONTAINS(t.message, "has 4711 exits");

	/* Esc cancels; the key after it is a command again */
	keys(":12");
	commands_key(&t, 0x1b);
	CHECK(!t.prompt.open);
	CHECK_EQ(take_pending(s), 0);
	commands_key(&t, 'p');
	CHECK_EQ(take_pending(s), CTRL_PAUSE);
}

static void test_pace(struct seam *s)
{
	CHECK_EQ(atomic_load(&s->control.replay_speed), REPLAY_SPEED_REAL);
	commands_key(&t, '+');
	CHECK_EQ(atomic_load(&s->control.replay_speed), 2000);
	CHECK_CONTAINS(t.message, "replay pace: 2x");
	for (int i = 0; i < 10; i++)
		commands_key(&t, '+');
	CHECK_EQ(atomic_load(&s->control.replay_speed), REPLAY_SPEED_MAX);
	CHECK_CONTAINS(t.message, "max");
	for (int i = 0; i < 6; i++)
		commands_key(&t, '-');
	CHECK_EQ(atomic_load(&s->control.replay_speed), REPLAY_SPEED_REAL);
	CHECK_EQ(atomic_load(&s->control.rate_limit), 0);
	commands_key(&t, '-'); /* under 1x: slow motion, as live */
	CHECK_EQ(atomic_load(&s->control.rate_limit), 10000);
	CHECK_EQ(atomic_load(&s->control.replay_speed), REPLAY_SPEED_REAL);
	CHECK_CONTAINS(t.message, "slow motion: 10000 exits/s");
	commands_key(&t, '+');
	CHECK_EQ(atomic_load(&s->control.rate_limit), 0);
	CHECK_EQ(t.rate_limit, 0);
	CHECK_EQ(t.replay_speed, REPLAY_SPEED_REAL);
	take_pending(s);
}

static void test_loop(struct seam *s, bool start_value)
{
	CHECK_EQ(t.replay_loop, start_value);
	CHECK_EQ(atomic_load(&s->control.replay_loop), start_value); /* the engine knows it */
	commands_key(&t, 'l');
	CHECK_EQ(t.replay_loop, !start_value);
	CHECK_EQ(atomic_load(&s->control.replay_loop), !start_value);
	CHECK_CONTAINS(t.message, start_value ? "loop off" : "loop on");
	commands_key(&t, 'l');
	CHECK_EQ(atomic_load(&s->control.replay_loop), start_value);
	take_pending(s); /* the CTRL_RATE each change posts */
}

/* No guest to type to: the console's keys are commands, Ctrl-A habits too. */
static void test_serial_focus(struct seam *s)
{
	t.focus = PANE_SERIAL;
	commands_key(&t, 'p');
	CHECK_EQ(take_pending(s), CTRL_PAUSE);
	commands_key(&t, UK_LEFT);
	CHECK_EQ(take_pending(s), CTRL_STEP_BACK);
	uint8_t b;
	CHECK(!input_queue_take(&s->input, &b));
	CHECK_EQ(guest_input_pending(&t.input), 0);
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'n');
	CHECK_EQ(take_pending(s), CTRL_NEXT_EXIT);
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, UK_CTRL('a')); /* "send one Ctrl-A": there is no one to send it to */
	CHECK(!input_queue_take(&s->input, &b));
	commands_key(&t, 'K'); /* keys to the 8042: there is no 8042 either */
	CHECK_EQ(t.console.target, INPUT_TO_UART);
	CHECK_CONTAINS(t.message, "no guest to type to");
	commands_key(&t, 'a');
	CHECK(!input_queue_take(&s->keyboard, &b));
	keys(":7\r");
	CHECK_EQ(take_pending(s), CTRL_SEEK);
	commands_key(&t, '\t'); /* Tab still leaves */
	CHECK(t.focus != PANE_SERIAL);
	t.focus = PANE_SERIAL;
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'x');
	CHECK(t.quit);
	t.quit = false;
	t.focus = PANE_EXITS;
}

/* Live: the replay's keys send nothing and say they need a replay; + and -
 * are slow motion only; the serial console still types to the guest. */
/* Starting over (R, or --loop at the end) is the same recording again, not
 * a fresh VM; quitting at a final state gives that state's status, as the
 * headless replay does: END (the recorded run was killed) is 130. */
static void test_restart_and_status(struct seam *s, bool replay)
{
	uint32_t gen = atomic_load(&s->control.generation) + 1;
	atomic_store(&s->control.seek_generation, gen - 1);
	tui_state_new_generation(&t, gen);
	CHECK_CONTAINS(t.message, replay ? "the replay starts over (pass 2)" : "reset: a fresh VM (run 2)");
	t.state = VCPU_END;
	CHECK_EQ(tui_state_exit_code(&t), 130);
	t.state = VCPU_EXIT_LIMIT;
	CHECK_EQ(tui_state_exit_code(&t), 14);
	t.state = VCPU_HALTED;
	CHECK_EQ(tui_state_exit_code(&t), 0);
	t.state = VCPU_PAUSED; /* quit mid-run: the user's choice, not a failure */
	CHECK_EQ(tui_state_exit_code(&t), 0);
}

static void test_live(struct seam *s)
{
	static const int replay_keys[] = { UK_LEFT, 'S', ':', 'l' };
	for (size_t i = 0; i < sizeof(replay_keys) / sizeof(replay_keys[0]); i++) {
		t.message[0] = '\0';
		commands_key(&t, replay_keys[i]);
		CHECK_EQ(take_pending(s), 0);
		CHECK(!t.prompt.open);
		CHECK_CONTAINS(t.message, "only in a replay");
	}
	CHECK_EQ(atomic_load(&s->control.replay_loop), 0);
	t.message[0] = '\0';
	commands_key(&t, UK_RIGHT); /* live, Right means nothing */
	CHECK_EQ(take_pending(s), 0);
	CHECK_STR(t.message, "");
	commands_key(&t, '+'); /* full speed stays full speed: no 2x live */
	CHECK_EQ(atomic_load(&s->control.replay_speed), REPLAY_SPEED_REAL);
	CHECK_EQ(atomic_load(&s->control.rate_limit), 0);
	CHECK_CONTAINS(t.message, "full speed");
	t.state = VCPU_HALTED;
	commands_key(&t, 'S'); /* a stopped live guest: still only the replay note */
	CHECK_CONTAINS(t.message, "only in a replay");
	commands_key(&t, 'p');
	CHECK_CONTAINS(t.message, "R resets it");
	t.state = VCPU_PAUSED;
	take_pending(s);

	t.focus = PANE_SERIAL;
	commands_key(&t, UK_LEFT); /* to the guest, as an arrow key */
	commands_key(&t, 'S');
	uint8_t b[4];
	for (int i = 0; i < 4; i++)
		CHECK(input_queue_take(&s->input, &b[i]));
	CHECK(memcmp(b, "\033[DS", 4) == 0);
	CHECK_EQ(take_pending(s), CTRL_INPUT); /* typed input wakes a guest in HLT, nothing else */
	t.focus = PANE_EXITS;
}

int main(void)
{
	struct seam *s = seam_create(1024);
	CHECK(s != NULL);
	static const struct tui_config replay = {
		.guest_name = "hello.bin",
		.replay_file = "runs/hello.krec",
		.replay_exits = 4711,
		.replay_duration_ns = 12500000000ull,
		.replay_truncated = true,
	};
	static const struct tui_config replay_looping = {
		.replay_file = "runs/hello.krec", .replay_loop = true,
	};
	static const struct tui_config live = { .guest_name = "hello.bin" };

	CHECK_EQ(tui_state_init(&t, s, &replay), 0);
	start(s, &replay);
	CHECK(tui_is_replay(&t));
	test_step_back(s);
	test_final_states(s);
	test_goto(s);
	test_pace(s);
	test_loop(s, false);
	test_serial_focus(s);
	start(s, &replay);
	test_restart_and_status(s, true);
	start(s, &replay_looping);
	test_loop(s, true);

	control_set_replay_loop(&s->control, false);
	start(s, &live);
	CHECK(!tui_is_replay(&t));
	test_live(s);
	start(s, &live);
	test_restart_and_status(s, false);
	tui_state_free(&t);
	seam_destroy(s);
	return check_done();
}
