#!/usr/bin/env bash
# Without a UTF-8 locale the console still reads: ASCII separators and
# bars, "Up/Dn" for the arrows, and frames from the terminal's own
# line-drawing set (which capture-pane shows as the letters l q k x).
. "$(dirname "$0")/tui_lib.sh"
require_tui
require_file "$GUESTS/hello.bin"

START_ENV="LC_ALL=C LANG=C" start 80 24 "$GUESTS/hello.bin"
wait_for 'HALTED *$' "hello halts in a C locale"
assert_screen '2 vCPU 0 - REAL MODE - HALTED' "titles use ASCII separators"
assert_screen 'IO +12 +92\.3% #+' "statistics bars are ASCII #"
assert_screen '3 exits - 13 total' "the exit log title reads in ASCII"
keys Up
wait_for 'Up/Dn select' "the key bar spells the arrows out"
assert_not_screen '[^ -~]' "nothing but ASCII on the screen"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
