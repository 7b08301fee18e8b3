#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The speaker lesson in the console: while the guest plays its scale the
# status bar shows the note ("♪ 440.0 Hz", "spk 440.0 Hz" without UTF-8)
# beside the state, at 80 columns without pushing out "? help" and
# "q quit"; after "done" the speaker is off and the note is gone. Live
# with --irqchip kernel KVM runs the PIT and port 61h: no note at all.
# Replay twin: speaker.rec, the same notes from the recorded accesses.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest speaker

NOTE='(261\.6|293\.7|329\.6|349\.2|392\.0|440\.0|493\.9|523\.3) Hz'

status_line() {
	screen | tail -1
}

# status_has REGEX: the bottom line matches (the serial pane's "Hz" lines
# do not count).
status_has() {
	status_line | grep -Eq -- "$1"
}

check_plays() {
	local w=$1 h=$2 glyph=$3
	start "$w" "$h" "${GUEST[@]}"
	wait_until "${w}x$h: the status bar shows the note while it plays ($glyph)" \
		status_has "$glyph $NOTE  "
	if status_has '\? help +q quit '; then
		ok "${w}x$h: '? help' and 'q quit' stay beside the note"
	else
		fail "${w}x$h: the note pushed out '? help' or 'q quit': $(status_line)"
	fi
	wait_for '^(│|x)done' "${w}x$h: the guest prints done"
	wait_for 'HALTED *$' "${w}x$h: and halts"
	if status_has 'Hz'; then
		fail "${w}x$h: after done the status bar still shows a note: $(status_line)"
	else
		ok "${w}x$h: after done no note in the status bar: $(status_line)"
	fi
	keys q
	wait_exit "q quits"
}

check_plays 80 24 '♪'
check_plays 120 36 '♪'
START_ENV="LC_ALL=C LANG=C" check_plays 80 24 'spk'

# With KVM's in-kernel PIT the speaker is not known: never a note.
if live_only "--irqchip kernel shows no note"; then
	start 80 24 --irqchip kernel "${GUEST[@]}"
	seen=""
	for ((i = 0; i < WAIT_LIMIT * 10; i++)); do
		status_has 'Hz' && seen=$(status_line)
		screen | grep -Eq '^(│|x)done' && break
		sleep 0.1
	done
	assert_screen '^(│|x)done' "--irqchip kernel: the scale plays to the end"
	assert_eq "" "$seen" "--irqchip kernel: no note in the status bar, ever"
	keys q
	wait_exit "q quits"
fi
finish
