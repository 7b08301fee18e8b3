#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# hello at 80x24, 120x40 and 200x60: the greeting in the serial pane, the IO
# and HLT exits in the log, the counts in the statistics, the mode and the
# registers, the HALTED state; q quits with status 0 and a sane terminal.
# Replay twin: hello.rec shows the same, titled REPLAY hello.rec.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

for size in 80x24 120x40 200x60; do
	w=${size%x*} h=${size#*x}
	echo "# $size"
	start "$w" "$h" "${GUEST[@]}"
	wait_for 'HALTED' "$size: the vCPU state reads HALTED"
	if replay_only "the title names the recording"; then
		assert_screen '^┌ 1 serial \(COM1\) ─+ REPLAY hello\.rec ─┐' "$size: the serial pane's title says REPLAY hello.rec"
	fi
	# The serial pane is the top-left one: its first text row.
	assert_eq "Hello, KVM!" "$(pane_region 1 1 1 11)" "$size: 'Hello, KVM!' in the serial pane"
	assert_screen 'serial \(COM1\)' "$size: the serial pane is titled"
	assert_screen "#12 .*IO +outb 0x3f8 COM1 THR 0a '\\\\n'" "$size: exit #12 is the OUT of '\\n'"
	assert_screen "IO +outb 0x3f8 COM1 THR 21 '!'" "$size: the log shows the character of each UART OUT"
	assert_screen '#13 .*HLT' "$size: exit #13 is the HLT"
	assert_screen 'exits .* 13 total' "$size: the exit pane counts 13 exits"
	assert_screen 'IO +12 +92\.3%' "$size: statistics: 12 IO exits, 92.3%"
	assert_screen 'HLT +1 +7\.7%' "$size: statistics: 1 HLT exit"
	assert_screen 'total 13 exits' "$size: statistics: 13 in total"
	assert_screen 'REAL MODE' "$size: the mode in words"
	assert_screen 'AX [0-9a-f]{4} +BX [0-9a-f]{4}' "$size: 16-bit registers named AX, BX"
	assert_screen 'IP 7c21' "$size: IP after the HLT"
	assert_screen 'CS +0000 ' "$size: the code segment"
	# KVM's counts come from the statistics thread, a moment after the state.
	wait_for 'KVM handled [0-9]+' "$size: KVM's in-kernel count beside ours"
	keys q
	wait_exit "$size: q quits"
	assert_eq 0 "$STATUS" "$size: a halted guest quits with status 0"
	assert_sane_terminal
done
finish
