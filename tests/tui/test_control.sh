#!/usr/bin/env bash
# The keys that drive the vCPU, on the count guest (which runs forever):
# p pauses, r resumes, space toggles, s steps one instruction (a DEBUG exit,
# state PAUSED), n runs to the next exit, +/- set slow motion, R resets (a
# fresh VM: the counter starts again at 0 and the old output is gone).
. "$(dirname "$0")/tui_lib.sh"
require_tui
require_file "$GUESTS/count.bin"

start 80 24 "$GUESTS/count.bin"
wait_for '^│2 ' "count prints 2 in the serial pane"
wait_for 'RUNNING *$' "the key bar shows RUNNING"

keys p
wait_for 'PAUSED *$' "p: PAUSED"
assert_screen 'vCPU 0 .* PAUSED' "p: the register pane's title says PAUSED"
assert_screen 'state PAUSED' "p: the statistics say PAUSED"
total=$(screen | sed -n 's/.*total \([0-9]*\) exits.*/\1/p')
sleep 0.5
assert_eq "$total" "$(screen | sed -n 's/.*total \([0-9]*\) exits.*/\1/p')" "paused: no more exits"

keys r
wait_for 'RUNNING *$' "r: RUNNING again"
keys Space
wait_for 'PAUSED *$' "space: PAUSED"
keys Space
wait_for 'RUNNING *$' "space again: RUNNING"

keys p
wait_for 'PAUSED *$' "p: PAUSED before stepping"
keys s
wait_for 'DEBUG +single step' "s: a DEBUG exit for the single step in the log"
wait_for 'PAUSED *$' "s: PAUSED after one instruction"
keys s
wait_for 'DEBUG +single step.*' "s again: another step"

keys n
wait_for 'PAUSED *$' "n: PAUSED at the next exit"

keys -
wait_for 'slow motion: 10000 exits/s' "-: slow motion caps the exit rate"
keys - - - - - - - - - - - -
wait_for 'slow motion: 1 exit/s' "- many times: down to 1 exit/s"
assert_screen 'slow 1/s' "the statistics show the cap"
keys + + + + + + + + + + + + +
wait_for 'full speed' "+ many times: unlimited again"

keys r
wait_for 'RUNNING *$' "r: RUNNING"
wait_for '^│[1-9][0-9]+ ' "the counter passes 10"
keys R
wait_for 'reset: a fresh VM' "R: the reset is announced"
wait_gone '^│[1-9][0-9]+ ' "R: the old output is cleared"
wait_for '^│0 ' "R: the fresh guest counts from 0 again"
wait_for 'RUNNING *$' "R: RUNNING after the reset"

keys q
wait_exit "q quits"
assert_eq 0 "$STATUS" "quitting a running guest: status 0"
assert_sane_terminal
finish
