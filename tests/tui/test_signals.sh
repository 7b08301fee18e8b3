#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The terminal is restored however kvm-tui ends: SIGTERM and SIGINT (sent
# from outside, the guest running or paused) end it with status 130 and a
# sane terminal, just like q.
# Replay twin: count40.rec in a loop, a replay ends the same way.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest count --rec count40 --loop

# pid_of_tui: kvm-tui runs under the pane's shell (run.sh).
pid_of_tui() {
	pgrep -P "$(tmx display -p '#{pane_pid}')" -f "$KVM_TUI" | head -1
}

for sig in TERM INT HUP; do
	start 80 24 "${GUEST[@]}"
	wait_for '^│2 ' "SIG$sig: count is running"
	pid=$(pid_of_tui)
	if [ -z "$pid" ]; then
		fail "SIG$sig: found kvm-tui's pid"
		continue
	fi
	kill -"$sig" "$pid"
	wait_exit "SIG$sig ends kvm-tui"
	assert_eq 130 "$STATUS" "SIG$sig: status 130 (interrupted)"
	assert_sane_terminal
done

start 80 24 "${GUEST[@]}"
wait_for '^│1 ' "paused: count is running"
keys p
wait_for 'PAUSED *$' "paused before the signal"
kill -TERM "$(pid_of_tui)"
wait_exit "SIGTERM ends a paused kvm-tui"
assert_eq 130 "$STATUS" "paused, SIGTERM: status 130"
assert_sane_terminal
finish
