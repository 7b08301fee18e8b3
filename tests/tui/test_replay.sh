#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The replay's own keys, in tmux, on the recordings in tests/recordings (no
# KVM needed, none used: kvm-tui runs with KVM_TUI_DEVICE=/nonexistent/kvm).
# At 120x40 and 80x24: the title REPLAY <file>, the pace in the key bar (1x),
# + up the ladder to max and - back down into slow motion, l (LOOP on and
# off), p then Left / S back one exit and Right / n / s on one, the ":" go-to
# prompt (an exit, a time, bad entries, Esc, a q typed into it), R starting
# over from #1, --loop starting over by itself, a cut recording ending in END
# (truncated) and a HLT one in HALTED, both still stepping back, the serial
# pane focused (keys stay commands, nothing is typed anywhere), and q giving
# the recorded final state's status with a sane terminal. At 40x10, that
# the smallest layout still replays, steps and goes to.
# tui-twin: none (it only ever replays: it is its own KVM-less test)
. "$(dirname "$0")/tui_lib.sh"
require_tui --replay-only
REC="$RECORDINGS/count40.rec"
require_file "$REC" "$RECORDINGS/hello.rec" "$RECORDINGS/triple.rec" "$RECORDINGS/flood.rec"

# headless NAME.rec ARGS...: kvm-tui headless on a recording, no KVM; its
# status in HSTATUS.
headless() {
	HSTATUS=0
	env KVM_TUI_DEVICE=/nonexistent/kvm "$KVM_TUI" --headless --replay "$@" \
		</dev/null >/dev/null 2>"$WORK/headless.err" || HSTATUS=$?
}

# The exits of count40.rec and their times, from its --trace.
headless "$REC" --trace "$WORK/count40.trace"
EXITS=$(wc -l <"$WORK/count40.trace")
assert_eq 40 "$EXITS" "count40.rec holds 40 exits (its --trace)"
# "go to 0.5s" lands on the last exit at or before 0.5 s.
AT_HALF=$(sed -n 's/^{"seq":\([0-9]*\),"time_ns":\([0-9]*\),.*/\1 \2/p' "$WORK/count40.trace" |
	awk '$2 <= 500000000 { n = $1 } END { print n + 0 }')
if [ "$AT_HALF" -ge 1 ] && [ "$AT_HALF" -lt 10 ]; then
	ok "0.5 s into count40.rec is exit #$AT_HALF"
else
	fail "0.5 s into count40.rec lands early on (got exit #$AT_HALF)"
fi

# newest_exit: the exit log's title count ("exits · N total").
newest_exit() {
	screen | sed -n 's/.*exits · \([0-9]*\) total.*/\1/p' | head -1
}

# log_newest: the number of the exit log's bottom line (the log follows).
log_newest() {
	screen | grep -oE '^│ *#[0-9]+ ' | tail -1 | tr -dc 0-9
}

# is_at N: the replay stands at exit #N: the log's title counts N, its
# newest line is #N, and where the statistics are on screen they count N.
is_at() {
	[ "$(newest_exit)" = "$1" ] || return 1
	if [ "$1" -eq 0 ]; then
		[ -z "$(log_newest)" ] || return 1
	else
		[ "$(log_newest)" = "$1" ] || return 1
	fi
	if screen | grep -q 'statistics'; then
		screen | grep -q "total $1 exits" || return 1
	fi
}

# wait_at N what: polls until is_at N.
wait_at() {
	wait_until "$2 (at exit #$1)" is_at "$1"
}

# still_at N what: is_at N now (after something that must not move).
still_at() {
	if is_at "$1"; then
		ok "$2 (still at exit #$1)"
	else
		fail "$2 (moved: the log says $(newest_exit) total, newest #$(log_newest), expected #$1)"
		screen | sed 's/^/    | /'
	fi
}

# at_state STATE what: the key bar ends with STATE (a message would hide it:
# wait it out).
at_state() {
	wait_for " $1 *\$" "$2"
}

for size in 120x40 80x24; do
	w=${size%x*} h=${size#*x}
	echo "# $size: count40.rec"
	start "$w" "$h" --replay "$REC"
	wait_for '^┌ 1 serial \(COM1\) ─+ REPLAY count40\.rec ─+┐' "$size: the serial pane's title says REPLAY count40.rec"
	wait_for ' 1x +RUNNING *$' "$size: the key bar shows the recorded pace, 1x"
	wait_for '^│1 ' "$size: the recording plays (count printed 1)"

	keys p
	at_state PAUSED "$size: p pauses the replay"

	# The pace, paused so the replay does not run off to its end meanwhile.
	for pace in 2x 4x 8x 16x 64x max; do
		keys +
		wait_for "replay pace: $pace *\$" "$size: + goes $pace"
	done
	keys l
	wait_for 'loop on: starts over at the end' "$size: l turns the loop on"
	at_state 'max LOOP +PAUSED' "$size: the key bar shows max and LOOP"
	for pace in 64x 16x 8x 4x 2x 1x; do
		keys -
		wait_for "replay pace: $pace *\$" "$size: - comes back to $pace"
	done
	keys -
	wait_for 'slow motion: 10000 exits/s' "$size: - under 1x goes into slow motion"
	keys -
	wait_for 'slow motion: 5000 exits/s' "$size: - again: slower"
	keys l
	wait_for 'loop off: stops at the end' "$size: l again turns the loop off"
	at_state '5000 exits/s +PAUSED' "$size: the key bar shows the slow-motion pace"
	assert_not_screen 'LOOP' "$size: LOOP is gone from the key bar"
	keys + +
	wait_for 'replay pace: 1x *$' "$size: + + back up to 1x"
	at_state '1x +PAUSED' "$size: the key bar shows 1x again"

	# One exit back and forth: Left and S back, Right, n and s on.
	n=$(newest_exit)
	if [ -n "$n" ] && [ "$n" -ge 3 ]; then
		ok "$size: paused at exit #$n"
	else
		fail "$size: paused at exit #3 or later (got '$n')"
		n=3
	fi
	keys Left
	wait_at $((n - 1)) "$size: Left steps back one exit"
	assert_screen 'PAUSED *$' "$size: Left leaves the replay PAUSED"
	keys S
	wait_at $((n - 2)) "$size: S steps back one more"
	keys Right
	wait_at $((n - 1)) "$size: Right steps forward one exit"
	keys n
	wait_at "$n" "$size: n steps forward one exit"
	keys s
	wait_at $((n + 1)) "$size: s also moves one exit in a replay"
	at_state PAUSED "$size: still PAUSED after stepping"

	# Go to.
	keys :
	wait_for 'go to exit # or time:' "$size: : opens the go-to prompt"
	if [ "$w" -ge 120 ]; then
		assert_screen "#1-$EXITS, 0-5\\.00s +Enter go +Esc cancel" "$size: the prompt says what it takes"
	fi
	type_text '#5'
	keys Enter
	wait_at 5 "$size: :#5 Enter goes to exit #5"
	wait_gone 'go to exit # or time' "$size: Enter closes the prompt"
	at_state PAUSED "$size: PAUSED at exit #5"
	keys :
	type_text '0.5s'
	keys Enter
	wait_at "$AT_HALF" "$size: :0.5s goes to the last exit by 0.5 s"
	keys :
	type_text 'xyz'
	keys Enter
	wait_for 'go to: type an exit \(4711\) or a time' "$size: a bad entry says what to type"
	still_at "$AT_HALF" "$size: a bad entry moves nothing"
	keys :
	type_text '#99'
	keys Enter
	wait_for "go to: the recording has $EXITS exits" "$size: an exit past the end says how many there are"
	still_at "$AT_HALF" "$size: an exit past the end moves nothing"
	keys :
	type_text 'q'
	wait_for 'go to exit # or time: q' "$size: a q typed into the prompt is text"
	assert_not_screen '\[kvm-tui exited\]' "$size: ... and does not quit"
	keys Escape
	wait_gone 'go to exit # or time' "$size: Esc closes the prompt"
	still_at "$AT_HALF" "$size: Esc moves nothing"

	# Start over.
	keys R
	wait_for 'the replay starts over' "$size: R starts the replay over"
	wait_at 0 "$size: R: back before exit #1"
	at_state PAUSED "$size: R: a paused replay stays paused"
	wait_for '^│\(no output from the guest yet\)' "$size: R: the serial pane starts empty"
	keys n
	wait_at 1 "$size: R then n: exit #1"
	keys q
	wait_exit "$size: q quits"
	assert_eq 0 "$STATUS" "$size: quitting a paused replay: status 0"
	assert_sane_terminal

	echo "# $size: a recording cut short"
	bytes=$(wc -c <"$REC")
	head -c $((bytes - 100)) "$REC" >"$WORK/cut.rec"
	headless "$WORK/cut.rec"
	cut_status=$HSTATUS
	start "$w" "$h" --replay "$WORK/cut.rec" --speed max
	wait_for 'END: recording ends here \(truncated\) *$' "$size: a cut recording plays to END, noted as truncated"
	assert_screen '^┌ 1 serial \(COM1\) ─+ REPLAY cut\.rec ─' "$size: titled REPLAY cut.rec"
	assert_screen 'vCPU 0 · REAL MODE · END' "$size: the register pane's title says END"
	m=$(newest_exit)
	if [ -n "$m" ] && [ "$m" -gt 1 ] && [ "$m" -lt "$EXITS" ]; then
		ok "$size: END after exit #$m of $EXITS (the last whole block)"
	else
		fail "$size: END before the recording's last exit (got '$m')"
		m=2
	fi
	keys Left
	wait_at $((m - 1)) "$size: Left at END steps back one exit"
	at_state PAUSED "$size: ... PAUSED"
	keys Right
	wait_at "$m" "$size: Right goes forward to the last exit again"
	at_state PAUSED "$size: ... PAUSED there (the end shows when it reads on)"
	keys n
	wait_for 'END: recording ends here \(truncated\) *$' "$size: n past the last exit: END again"
	still_at "$m" "$size: ... with no exit added"
	keys q
	wait_exit "$size: q quits at END"
	assert_eq "$cut_status" "$STATUS" "$size: q at END gives the headless replay's status (the recorded run was killed)"
	assert_sane_terminal

	echo "# $size: a recording ending in HLT"
	start "$w" "$h" --replay "$RECORDINGS/hello.rec"
	at_state HALTED "$size: hello.rec plays to HALTED"
	wait_at 13 "$size: HALTED after exit #13"
	keys Left
	wait_at 12 "$size: Left at HALTED steps back one exit"
	at_state PAUSED "$size: ... PAUSED"
	keys Right
	wait_at 13 "$size: Right: the HLT again"
	at_state HALTED "$size: ... HALTED again"
	keys q
	wait_exit "$size: q quits"
	assert_eq "$(cat "$RECORDINGS/hello.status")" "$STATUS" "$size: q at HALTED: hello's recorded status"
	assert_sane_terminal
done

echo "# --loop: starts over by itself"
start 120 40 --replay "$REC" --loop --speed 4
wait_for ' 4x LOOP +RUNNING *$' "--loop --speed 4: the key bar shows 4x LOOP"
wait_for "exits · $EXITS total" "--loop: the replay reaches its last exit"
wait_for 'the replay starts over' "--loop: it starts over by itself"
wait_for 'exits · [1-9] total' "--loop: the log starts again from #1"
wait_gone '^│16 ' "--loop: the serial pane starts over"
keys q
wait_exit "--loop: q quits"
assert_sane_terminal

echo "# the serial pane focused: keys are commands, there is no guest to type to"
start 120 40 --paused --replay "$REC"
at_state PAUSED "--paused: the replay waits before exit #1"
keys Tab Tab
wait_for '^┌▶1 serial \(COM1\)' "Tab Tab: the serial pane has the focus"
assert_not_screen 'typing to the guest' "the key bar does not offer typing to a guest"
assert_screen '^│\(no output from the guest yet\)' "the serial pane holds no output yet"
# Letters that are no command, then n: keys are taken in order, so once n
# has moved the replay, the letters before it were taken too.
type_text 'xyz'
keys n
wait_at 1 "n with the serial pane focused: one exit on"
assert_not_screen 'xyz' "the typed letters appear nowhere"
assert_eq "0||" "$(pane_region 1 2 1 30 | sed 's/ *$//' | tr '\n' '|')" "the serial pane holds the recording's '0' and nothing typed"
assert_screen '^┌▶1 serial' "the serial pane keeps the focus"
keys r
at_state RUNNING "r: RUNNING"
keys p
at_state PAUSED "p: PAUSED"
keys q
wait_exit "q quits from the serial pane (a command, not a keystroke for a guest)"
assert_eq 0 "$STATUS" "status 0 (quit mid-replay)"
assert_sane_terminal

echo "# q at the end: the recorded final state's status"
for name in count40 triple flood; do
	start 120 40 --replay "$RECORDINGS/$name.rec" --speed max
	at_state '(EXIT_LIMIT|SHUTDOWN|EXITED [0-9]+|HALTED)' "$name: played to its final state"
	keys q
	wait_exit "$name: q quits"
	assert_eq "$(cat "$RECORDINGS/$name.status")" "$STATUS" "$name: the recorded status ($name.status)"
done
assert_sane_terminal

echo "# 40x10: the smallest layout"
start 40 10 --replay "$REC"
wait_for 'REPLAY count' "40x10: the title still says REPLAY"
wait_for '^│1 ' "40x10: the recording plays"
keys p
at_state PAUSED "40x10: p: PAUSED"
n=$(newest_exit)
keys Left
wait_at $((n - 1)) "40x10: Left steps back"
keys :
wait_for 'go to exit # or time:' "40x10: : opens the prompt"
type_text '#3'
keys Enter
wait_at 3 "40x10: :#3 goes to exit #3"
# the frame rows (all but the key bar) are exactly 40 wide
narrow() { test "$(screen | head -n 9 | row_widths | sort -u)" = 40; }
wait_until "40x10: every frame row is 40 columns" narrow
resize 30 8
wait_for 'terminal too small' "30x8: too small"
resize 40 10
wait_for 'REPLAY count' "40x10 again: the replay is back"
still_at 3 "40x10 again: at exit #3 still"
keys q
wait_exit "40x10: q quits"
assert_sane_terminal
finish
