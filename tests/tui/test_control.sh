#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The keys that drive the vCPU, on the count guest (which runs forever):
# p pauses, r resumes, space toggles, s steps one instruction (a DEBUG exit,
# state PAUSED), n runs to the next exit, +/- set slow motion, R resets (a
# fresh VM: the counter starts again at 0 and the old output is gone).
# Replay twin: count40.rec (5 s of count) in a loop, so it too runs
# forever; there s and n both move one exit, + past 1x goes 2x.. max, and R
# starts the replay over.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest count --rec count40 --loop

# newest_exit: the exit log's count ("exits · N total"), the newest exit.
newest_exit() {
	screen | sed -n 's/.*exits · \([0-9]*\) total.*/\1/p' | head -1
}

# total_exits: the statistics' exact total ("total N exits").
total_exits() {
	screen | sed -n 's/.*total \([0-9]*\) exits.*/\1/p' | head -1
}

# exits_past N: more than N exits now.
exits_past() {
	local now
	now=$(total_exits)
	[ -n "$now" ] && [ "$now" -gt "$1" ]
}

start 80 24 "${GUEST[@]}"
wait_for '^│2 ' "count prints 2 in the serial pane"
wait_for 'RUNNING *$' "the key bar shows RUNNING"

keys p
wait_for 'PAUSED *$' "p: PAUSED"
assert_screen 'vCPU 0 .* PAUSED' "p: the register pane's title says PAUSED"
assert_screen 'state PAUSED' "p: the statistics say PAUSED"
total=$(total_exits)
sleep 0.5
assert_eq "$total" "$(total_exits)" "paused: no more exits"

keys r
wait_for 'RUNNING *$' "r: RUNNING again"
keys Space
wait_for 'PAUSED *$' "space: PAUSED"
keys Space
wait_for 'RUNNING *$' "space again: RUNNING"

keys p
wait_for 'PAUSED *$' "p: PAUSED before stepping"
if live_only "s executes one instruction (a DEBUG exit)"; then
	keys s
	wait_for 'DEBUG +single step' "s: a DEBUG exit for the single step in the log"
	wait_for 'PAUSED *$' "s: PAUSED after one instruction"
	keys s
	wait_for 'DEBUG +single step.*' "s again: another step"
else
	# The recording holds exits, not instructions: s moves one exit.
	before=$(newest_exit)
	keys s
	wait_for "exits · $((before + 1)) total" "s: one exit on (#$((before + 1)))"
	wait_for "^│ *#$((before + 1)) " "s: exit #$((before + 1)) is the newest in the log"
	wait_for 'PAUSED *$' "s: PAUSED after one exit"
	keys s
	wait_for "exits · $((before + 2)) total" "s again: another exit (#$((before + 2)))"
fi

# It was PAUSED before n as well: wait for the exit n runs to, or a key
# sent meanwhile (r below) would race the pause at that exit.
before=$(total_exits)
keys n
wait_until "n: runs to the next exit (past $before)" exits_past "$before"
wait_for 'PAUSED *$' "n: PAUSED at the next exit"

keys -
wait_for 'slow motion: 10000 exits/s' "-: slow motion caps the exit rate"
keys - - - - - - - - - - - -
wait_for 'slow motion: 1 exit/s' "- many times: down to 1 exit/s"
assert_screen 'slow 1/s' "the statistics show the cap"
keys + + + + + + + + + + + + +
if live_only "full speed (a replay has a recorded pace instead)"; then
	wait_for 'full speed' "+ many times: unlimited again"
else
	wait_for 'replay pace: 1x' "+ many times: out of slow motion, back to the recorded pace (1x)"
fi

keys r
wait_for 'RUNNING *$' "r: RUNNING"
wait_for '^│[1-9][0-9]+ ' "the counter passes 10"
keys R
if live_only "the reset's message"; then
	wait_for 'reset: a fresh VM' "R: the reset is announced"
fi
wait_gone '^│[1-9][0-9]+ ' "R: the old output is cleared"
wait_for '^│0 ' "R: the fresh guest counts from 0 again"
if replay_only "R starts the recording over"; then
	wait_for '^│ *#1 +IO' "R: the exit log starts again at #1"
fi
wait_for 'RUNNING *$' "R: RUNNING after the reset"

keys q
wait_exit "q quits"
assert_eq 0 "$STATUS" "quitting a running guest: status 0"
assert_sane_terminal
finish
