#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Resizing while the guest runs: every size redraws correctly. Full layout
# at 80x24, 120x40 and 200x60, the compact layout below 80x24, and under the
# minimum a "terminal too small: need WxH, have WxH" screen; growing back
# brings everything back, and keys work at every size.
# Replay twin: count40.rec in a loop at half its pace (10 s a pass): the
# p at the end must land while it plays, not in the second a loop holds
# its final state before starting over.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest count --rec count40 --loop --speed 0.5

start 80 24 "${GUEST[@]}"
wait_for '^│3 ' "count runs at 80x24"

# rows_are W H: the frame rows (all but the key bar) are exactly W wide, and
# the bottom frame sits just above the key bar: the screen was redrawn for
# W x H.
rows_are() {
	local bad
	bad=$(screen | head -n $(($2 - 1)) | row_widths | grep -cvx "$1")
	[ "$bad" -eq 0 ] && screen | sed -n "$(($2 - 1))p" | grep -q '┘$'
}

for size in 120x40 200x60 80x24; do
	resize "${size%x*}" "${size#*x}"
	wait_until "$size: every frame row is redrawn ${size%x*} columns wide" rows_are "${size%x*}" "${size#*x}"
	assert_screen "statistics" "$size: the statistics pane is there"
	assert_screen 'REAL MODE' "$size: the register pane is there"
	assert_screen 'exits .* total' "$size: the exit log is there"
	wait_for '^│[0-9]+ +│' "$size: the serial pane shows the counter"
	assert_eq "$(tmx display -p '#{window_width}x#{window_height}')" "$size" "$size: the terminal is $size"
done

resize 60 16
wait_for '^┌.*1 serial \(COM1\)' "60x16: compact layout keeps the serial pane"
assert_screen 'exits .* total' "60x16: compact layout keeps the exit log"
assert_not_screen 'statistics' "60x16: compact layout leaves out the statistics"

resize 30 8
wait_for 'terminal too small' "30x8: the too-small screen"
joined=$(screen | sed 's/^ *//; s/ *$//' | tr -s '\n' ' ')
case "$joined" in
*"terminal too small: need 40x10, have 30x8"*) ok "30x8: says what it needs and has, wrapped to fit" ;;
*) fail "30x8: says what it needs and has (got '$joined')" ;;
esac

resize 70 9
wait_for 'terminal too small: need 40x10, have 70x9' "70x9: one line says it all"

keys p
resize 80 24
wait_for 'PAUSED *$' "a key typed on the too-small screen still worked (p: PAUSED)"
assert_screen 'statistics' "80x24 again: the full layout is back"

keys q
wait_exit "q quits"
assert_sane_terminal
finish
