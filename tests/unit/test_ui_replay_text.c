/* SPDX-License-Identifier: MIT */
/* test_ui_replay_text.c - the replay's pure parts: the "go to" parser and
 * prompt, the speed ladder both ways, the key map in a replay and live,
 * the screen title and the status text. */
#include "check.h"
#include "control.h"
#include "goto_parse.h"
#include "goto_prompt.h"
#include "keys.h"
#include "replay_speed.h"
#include "replay_status.h"
#include "title_fit.h"

#define SEC 1000000000ull
#define TIME(ns) ((ns) | CONTROL_SEEK_TIME)

static uint64_t parsed(const char *text)
{
	uint64_t target = 0xdeadbeef;
	char err[96] = "";
	if (!goto_parse(text, &target, err, sizeof(err))) {
		fprintf(stderr, "goto_parse(\"%s\") refused: %s\n", text, err);
		return 0xdeadbeef;
	}
	return target;
}

/* A refused entry: the reason names the prompt and says something. */
static const char *refused(const char *text)
{
	static char err[96];
	uint64_t target = 12345;
	err[0] = '\0';
	if (goto_parse(text, &target, err, sizeof(err)))
		return "(accepted)";
	CHECK_EQ(target, 12345); /* untouched */
	CHECK(strncmp(err, "go to: ", 7) == 0);
	CHECK(strlen(err) < 48); /* it goes to the status bar */
	return err;
}

static void test_goto_good(void)
{
	CHECK_EQ(parsed("4711"), 4711);
	CHECK_EQ(parsed("#4711"), 4711);
	CHECK_EQ(parsed("  # 12 "), 12);
	CHECK_EQ(parsed("0"), 0); /* the start, before exit #1 */
	CHECK_EQ(parsed("12.5s"), TIME(12500000000ull));
	CHECK_EQ(parsed("1500ms"), TIME(1500000000ull));
	CHECK_EQ(parsed("2m3s"), TIME(123 * SEC));
	CHECK_EQ(parsed("2m 3s"), TIME(123 * SEC));
	CHECK_EQ(parsed(" 12 s "), TIME(12 * SEC));
	CHECK_EQ(parsed("1h"), TIME(3600 * SEC));
	CHECK_EQ(parsed("1h02m"), TIME(3720 * SEC)); /* numfmt_duration's own shapes */
	CHECK_EQ(parsed("4m05s"), TIME(245 * SEC));
	CHECK_EQ(parsed("850us"), TIME(850000));
	CHECK_EQ(parsed("2.1ms"), TIME(2100000));
	CHECK_EQ(parsed("7ns"), TIME(7));
	CHECK_EQ(parsed("0s"), TIME(0));
	CHECK_EQ(parsed("1.5m"), TIME(90 * SEC));
	CHECK_EQ(parsed("0.000000001s"), TIME(1));
	CHECK_EQ(parsed("1.0000000009s"), TIME(SEC)); /* past ns: ignored */
	CHECK_EQ(parsed("12.5S"), TIME(12500000000ull));
	CHECK_EQ(parsed("1s500ms"), TIME(1500000000ull));
	CHECK_EQ(parsed("9223372036854775807"), 9223372036854775807ull);
}

static void test_goto_bad(void)
{
	CHECK_CONTAINS(refused(""), "type an exit");
	CHECK_CONTAINS(refused("   "), "type an exit");
	CHECK_CONTAINS(refused("abc"), "type an exit");
	CHECK_CONTAINS(refused("-5"), "type an exit");
	CHECK_CONTAINS(refused(".5s"), "type an exit");
	CHECK_CONTAINS(refused("#"), "needs an exit number");
	CHECK_CONTAINS(refused("#12s"), "digits only");
	CHECK_CONTAINS(refused("#1.5"), "digits only");
	CHECK_CONTAINS(refused("12.5"), "needs a unit");
	CHECK_CONTAINS(refused("2m3"), "needs a unit");
	CHECK_CONTAINS(refused("4711 5"), "needs a unit");
	CHECK_CONTAINS(refused("12x"), "unknown unit");
	CHECK_CONTAINS(refused("12 sec"), "unknown unit");
	CHECK_CONTAINS(refused("12.s"), "a digit must follow");
	CHECK_CONTAINS(refused("1.2.3s"), "one point");
	CHECK_CONTAINS(refused("3s,"), "type an exit");
	CHECK_CONTAINS(refused("9223372036854775808"), "too large"); /* bit 63 is the time flag */
	CHECK_CONTAINS(refused("99999999999999999999999"), "too large");
	CHECK_CONTAINS(refused("#9223372036854775808"), "too large");
	CHECK_CONTAINS(refused("3000000h"), "too large");
	CHECK_CONTAINS(refused("9223372036s 1s"), "too large");
}

static void test_goto_range(void)
{
	char err[96];
	CHECK(goto_in_range(4711, 4711, err, sizeof(err)));
	CHECK(goto_in_range(0, 4711, err, sizeof(err)));
	CHECK(!goto_in_range(4712, 4711, err, sizeof(err)));
	CHECK_STR(err, "go to: the recording has 4711 exits");
	CHECK(!goto_in_range(2, 1, err, sizeof(err)));
	CHECK_STR(err, "go to: the recording has 1 exit");
	CHECK(goto_in_range(99999, 0, err, sizeof(err)));             /* unknown: the engine decides */
	CHECK(goto_in_range(TIME(3600 * SEC), 10, err, sizeof(err))); /* a late time: the last exit */

	char hint[64];
	goto_hint(hint, sizeof(hint), 4711, 12500000000ull);
	CHECK_STR(hint, "#1-4711, 0-12.5s");
	goto_hint(hint, sizeof(hint), 13, 0);
	CHECK_STR(hint, "#1-13, 12.5s, 2m3s");
	goto_hint(hint, sizeof(hint), 0, 0);
	CHECK_STR(hint, "4711, 12.5s, 2m3s");
}

static enum goto_prompt_result type(struct goto_prompt *p, const char *keys)
{
	enum goto_prompt_result r = GOTO_PROMPT_EDITING;
	for (; *keys; keys++)
		r = goto_prompt_key(p, *keys);
	return r;
}

static void test_prompt(void)
{
	struct goto_prompt p;
	goto_prompt_open(&p);
	CHECK(p.open);
	CHECK_STR(p.text, "");
	CHECK_EQ(type(&p, "12.x"), GOTO_PROMPT_EDITING);
	CHECK_EQ(goto_prompt_key(&p, UK_BACKSPACE), GOTO_PROMPT_EDITING);
	CHECK_EQ(goto_prompt_key(&p, 0x7f), GOTO_PROMPT_EDITING); /* DEL: Backspace on most terminals */
	CHECK_STR(p.text, "12");
	CHECK_EQ(type(&p, ".5s"), GOTO_PROMPT_EDITING);
	CHECK_EQ(goto_prompt_key(&p, UK_LEFT), GOTO_PROMPT_EDITING); /* not part of an entry */
	CHECK_EQ(goto_prompt_key(&p, 0xe9), GOTO_PROMPT_EDITING);
	CHECK_EQ(goto_prompt_key(&p, UK_CTRL('a')), GOTO_PROMPT_EDITING);
	CHECK_STR(p.text, "12.5s");
	CHECK_EQ(goto_prompt_key(&p, '\r'), GOTO_PROMPT_SUBMIT);
	CHECK(!p.open);
	CHECK_STR(p.text, "12.5s"); /* still there for the caller */

	goto_prompt_open(&p);
	CHECK_STR(p.text, "");
	CHECK_EQ(goto_prompt_key(&p, UK_BACKSPACE), GOTO_PROMPT_EDITING); /* empty: stays open */
	CHECK(p.open);
	type(&p, "4711");
	CHECK_EQ(goto_prompt_key(&p, 0x1b), GOTO_PROMPT_CANCEL);
	CHECK(!p.open);

	goto_prompt_open(&p);
	CHECK_EQ(goto_prompt_key(&p, UK_ENTER), GOTO_PROMPT_CANCEL); /* Enter on nothing */
	goto_prompt_open(&p);
	type(&p, "12");
	CHECK_EQ(goto_prompt_key(&p, UK_CTRL('c')), GOTO_PROMPT_CANCEL);

	goto_prompt_open(&p); /* it holds GOTO_PROMPT_MAX characters, no more */
	for (int i = 0; i < GOTO_PROMPT_MAX + 10; i++)
		goto_prompt_key(&p, '9');
	CHECK_EQ(p.len, GOTO_PROMPT_MAX);
	CHECK_EQ(strlen(p.text), GOTO_PROMPT_MAX);
}

static struct replay_pace pace(uint32_t rate, uint32_t speed)
{
	return (struct replay_pace){ .rate_limit = rate, .speed = speed };
}

static const char *label(struct replay_pace p)
{
	static char buf[32];
	replay_pace_label(buf, sizeof(buf), p);
	return buf;
}

static void test_ladder_up(void)
{
	/* from the slowest slow motion to max, one + at a time */
	static const char *const want[] = {
		"1 exit/s", "2 exits/s", "5 exits/s", "10 exits/s", "20 exits/s", "50 exits/s",
		"100 exits/s", "200 exits/s", "500 exits/s", "1000 exits/s", "2000 exits/s",
		"5000 exits/s", "10000 exits/s", "1x", "2x", "4x", "8x", "16x", "64x", "max",
	};
	struct replay_pace p = pace(1, REPLAY_SPEED_REAL);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_STR(label(p), want[i]);
		if (p.rate_limit)
			CHECK_EQ(p.speed, REPLAY_SPEED_REAL); /* the cap does the slowing */
		p = replay_pace_faster(p);
	}
	CHECK_EQ(p.rate_limit, 0);
	CHECK_EQ(p.speed, REPLAY_SPEED_MAX); /* max stays max */
	CHECK_EQ(replay_pace_faster(pace(0, 4000)).speed, 8000);
	CHECK_EQ(replay_pace_faster(pace(0, 16000)).speed, 64000);
	CHECK_EQ(replay_pace_faster(pace(10000, REPLAY_SPEED_REAL)).rate_limit, 0);
	CHECK_EQ(replay_pace_faster(pace(10000, REPLAY_SPEED_REAL)).speed, REPLAY_SPEED_REAL);
	/* paces set elsewhere (a command line) join the ladder at the next step */
	CHECK_EQ(replay_pace_faster(pace(0, 3000)).speed, 4000);
	CHECK_EQ(replay_pace_faster(pace(0, 500)).speed, REPLAY_SPEED_REAL);
	CHECK_EQ(replay_pace_faster(pace(0, 100000)).speed, REPLAY_SPEED_MAX);
}

static void test_ladder_down(void)
{
	static const char *const want[] = {
		"max", "64x", "16x", "8x", "4x", "2x", "1x", "10000 exits/s", "5000 exits/s",
	};
	struct replay_pace p = pace(0, REPLAY_SPEED_MAX);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_STR(label(p), want[i]);
		p = replay_pace_slower(p);
	}
	p = pace(2, REPLAY_SPEED_REAL);
	p = replay_pace_slower(p);
	CHECK_EQ(p.rate_limit, 1);
	p = replay_pace_slower(p);
	CHECK_EQ(p.rate_limit, 1); /* the bottom stays the bottom */
	CHECK_EQ(replay_pace_slower(pace(0, 3000)).speed, 2000);
	CHECK_EQ(replay_pace_slower(pace(0, 100000)).speed, 64000);
	CHECK_EQ(replay_pace_slower(pace(0, 500)).rate_limit, 10000);
	CHECK_EQ(replay_pace_slower(pace(0, 500)).speed, REPLAY_SPEED_REAL);
	/* up then down comes back where it was */
	for (uint32_t s = 2000; s <= 16000; s *= 2)
		CHECK_EQ(replay_pace_slower(replay_pace_faster(pace(0, s))).speed, s);
	CHECK_EQ(replay_pace_faster(replay_pace_slower(pace(0, REPLAY_SPEED_REAL))).speed,
		 REPLAY_SPEED_REAL);
	CHECK_EQ(replay_pace_faster(replay_pace_slower(pace(0, REPLAY_SPEED_REAL))).rate_limit, 0);
}

static void test_pace_labels(void)
{
	CHECK_STR(label(pace(0, 1000)), "1x");
	CHECK_STR(label(pace(0, 64000)), "64x");
	CHECK_STR(label(pace(0, 0)), "max");
	CHECK_STR(label(pace(0, 1500)), "1.5x");
	CHECK_STR(label(pace(0, 250)), "0.25x");
	CHECK_STR(label(pace(0, 1001)), "1.001x");
	CHECK_STR(label(pace(20, 1000)), "20 exits/s");
}

static void test_keys(void)
{
	/* replay keys: the same actions live and in a replay (live, commands.c
	 * only says they need a replay) */
	for (int replay = 0; replay < 2; replay++) {
		CHECK_EQ(keys_action(UK_LEFT, replay), ACT_STEP_BACK);
		CHECK_EQ(keys_action('S', replay), ACT_STEP_BACK);
		CHECK_EQ(keys_action(':', replay), ACT_GOTO);
		CHECK_EQ(keys_action('l', replay), ACT_LOOP);
		CHECK_EQ(keys_action('s', replay), ACT_STEP);
		CHECK_EQ(keys_action('n', replay), ACT_NEXT_EXIT);
		CHECK_EQ(keys_action('+', replay), ACT_FASTER);
		CHECK_EQ(keys_action('-', replay), ACT_SLOWER);
		CHECK_EQ(keys_action('R', replay), ACT_RESET);
		CHECK_EQ(keys_action('g', replay), ACT_HOME); /* g stays Home: no clash */
		CHECK_EQ(keys_action('G', replay), ACT_END);
		CHECK_EQ(keys_action('h', replay), ACT_HELP);
	}
	CHECK_EQ(keys_action(UK_RIGHT, true), ACT_NEXT_EXIT);
	CHECK_EQ(keys_action(UK_RIGHT, false), ACT_NONE); /* live: never moves the guest */
	CHECK(keys_replay_only(ACT_STEP_BACK));
	CHECK(keys_replay_only(ACT_GOTO));
	CHECK(keys_replay_only(ACT_LOOP));
	CHECK(!keys_replay_only(ACT_STEP));
	CHECK(!keys_replay_only(ACT_FASTER));
	CHECK(!keys_replay_only(ACT_RESET));
}

static const char *fit(const char *path, int room)
{
	static char buf[128];
	title_fit(buf, sizeof(buf), "REPLAY", path, room);
	CHECK((int)strlen(buf) <= (room > 0 ? room : 0));
	return buf;
}

static void test_title(void)
{
	CHECK_STR(fit("runs/hello.krec", 40), "REPLAY hello.krec");
	CHECK_STR(fit("hello.krec", 17), "REPLAY hello.krec");
	/* the middle goes; the start and the extension stay */
	CHECK_STR(fit("/tmp/a-very-long-recording-name.krec", 20), "REPLAY a-very~e.krec");
	CHECK_STR(fit("abcdefghij", 12), "REPLAY ab~ij");
	CHECK_STR(fit("abcdefghij", 11), "REPLAY");
	CHECK_STR(fit("abcdefghij", 6), "REPLAY");
	CHECK_STR(fit("abcdefghij", 5), "");
	CHECK_STR(fit("abcdefghij", -3), "");
	CHECK_STR(fit("dir/", 40), "REPLAY");
	/* control bytes never reach the terminal; one '?' per UTF-8 character */
	CHECK_STR(fit("evil\033[2Jname", 40), "REPLAY evil?[2Jname");
	CHECK_STR(fit("caf\xc3\xa9.krec", 40), "REPLAY caf?.krec");
	char buf[32];
	title_fit(buf, sizeof(buf), NULL, "x.krec", 40); /* live: no title */
	CHECK_STR(buf, "");
}

static const char *status(const char *state, bool end, bool truncated, const char *pace_text,
			  bool loop, int max)
{
	static char buf[128];
	struct replay_status s = {
		.state = state, .end = end, .truncated = truncated, .pace = pace_text, .loop = loop,
	};
	replay_status_text(buf, sizeof(buf), &s, max);
	return buf;
}

static void test_status(void)
{
	CHECK_STR(status("PAUSED", false, false, "1x", false, 40), "1x  PAUSED");
	CHECK_STR(status("RUNNING", false, false, "4x", true, 40), "4x LOOP  RUNNING");
	CHECK_STR(status("RUNNING", false, false, "max", false, 40), "max  RUNNING");
	CHECK_STR(status("PAUSED", false, false, "10 exits/s", true, 40), "10 exits/s LOOP  PAUSED");
	CHECK_STR(status("END", true, true, "1x", false, 60), "1x  END: recording ends here (truncated)");
	/* 80 columns leave 38: the pace goes, why it stops stays */
	CHECK_STR(status("END", true, true, "1x", false, 38), "END: recording ends here (truncated)");
	CHECK_STR(status("END", true, false, "1x", false, 60), "1x  END: recording ends here");
	CHECK_STR(status("END", true, true, "16x", true, 13), "16x LOOP  END");
	CHECK_STR(status("END", true, true, "16x", true, 5), "END");
	CHECK_STR(status("EXITED 3", false, true, "2x", false, 40), "2x  EXITED 3"); /* not END: no note */
	CHECK_STR(status("RUNNING", false, false, "10 exits/s", true, 10), "RUNNING");
}

int main(void)
{
	test_goto_good();
	test_goto_bad();
	test_goto_range();
	test_prompt();
	test_ladder_up();
	test_ladder_down();
	test_pace_labels();
	test_keys();
	test_title();
	test_status();
	return check_done();
}
