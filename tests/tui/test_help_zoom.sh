#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ? and F1 open the help (every key, what each colour means), Esc closes it;
# 1..4 zoom one pane to the full screen for a projector and back; Tab moves
# the focus (the focused pane's title is marked).
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

start 120 40 "${GUEST[@]}"
wait_for 'HALTED *$' "hello halted"
assert_screen '^┌▶3 exits' "the exit log has the focus at start (its title marked ▶)"

keys '?'
wait_for 'kvm-tui: a KVM virtual machine' "? opens the help"
assert_screen 'p +pause the vCPU' "help: p"
assert_screen 's +execute one instruction' "help: s"
assert_screen 'R +reset' "help: R"
assert_screen 'Ctrl-A x +quit' "help: the serial console's escape"
keys End
wait_for 'IO +port I/O exit' "help scrolls to the colour legend: IO"
assert_screen 'HLT +the guest halted' "help: the HLT colour"
assert_screen 'ZF +a flag or control bit that is set' "help: set flags"
assert_screen 'reverse' "help: changed registers are in reverse video"
keys Escape
wait_gone 'kvm-tui: a KVM virtual|IO +port I/O exit' "Esc closes the help"
keys F1
wait_for 'kvm-tui: a KVM virtual machine' "F1 opens the help"
keys q
wait_gone 'kvm-tui: a KVM virtual machine' "q closes the help (and does not quit)"
assert_not_screen '\[kvm-tui exited\]' "kvm-tui still runs"

# Evaluated at each poll (an argument like "$(screen ...)" would be fixed at
# the call): frames starting a line, and top-left corners anywhere.
frames_are() { test "$(screen | grep -c '^┌')" -eq "$1"; }
corners_are() { test "$(screen | grep -o '┌' | wc -l)" -eq "$1"; }

for pane in 1:'1 serial' 2:'2 vCPU 0' 3:'3 exits' 4:'4 statistics'; do
	n=${pane%%:*} title=${pane#*:}
	keys "$n"
	wait_for "^┌.$title" "$n zooms '$title' to the full screen"
	# the title alone is no proof: pane 1 is also top-left when not zoomed
	wait_until "$n: only that pane is on screen" frames_are 1
	keys "$n"
	wait_for 'statistics' "$n again: back to all panes"
	wait_until "$n again: four panes" corners_are 4
done
keys 2
wait_for '^┌.2 vCPU' "zoomed registers"
assert_screen 'captured at exit #13' "zoomed registers show more (the snapshot's exit)"
assert_screen 'CR4 +00000000 pks cet' "zoomed registers name every CR4 bit"
keys Escape
wait_for 'statistics' "Esc leaves the zoom"

assert_screen '┌▶2 vCPU' "zooming moved the focus: the register pane's title is marked ▶"
keys Tab
wait_for '▶3 exits' "Tab: the exit log has the focus"
keys Tab
wait_for '▶4 statistics' "Tab: the statistics pane has the focus"
keys BTab
wait_for '▶3 exits' "Shift-Tab: back to the exit log"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
