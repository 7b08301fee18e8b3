#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Without a UTF-8 locale the console still reads: ASCII separators and
# bars, "Up/Dn" for the arrows, and frames from the terminal's own
# line-drawing set (which capture-pane shows as the letters l q k x).
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

START_ENV="LC_ALL=C LANG=C" start 80 24 "${GUEST[@]}"
wait_for 'HALTED *$' "hello halts in a C locale"
assert_screen '2 vCPU 0 - REAL MODE - HALTED' "titles use ASCII separators"
assert_screen 'IO +12 +92\.3% #+' "statistics bars are ASCII #"
assert_screen '3 exits - 13 total' "the exit log title reads in ASCII"
if replay_only "the REPLAY title"; then
	assert_screen '1 serial \(COM1\) q+ REPLAY hello\.rec q' "the REPLAY title, in ASCII between the line-drawing frame"
fi
keys Up
if live_only "Up/Dn in the key bar (a replay's 80 columns go to its own keys)"; then
	wait_for 'Up/Dn select' "the key bar spells the arrows out"
else
	wait_for '^ Left back ' "the key bar spells the replay's arrow out: Left back"
fi
assert_not_screen '[^ -~]' "nothing but ASCII on the screen"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
