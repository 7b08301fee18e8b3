#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The exit log scrolls and decodes: arrows select an exit (the log stops
# following), Enter opens its full decode (reason, port, data, why KVM
# exited), Up/Down walk the decode to the neighbouring exits, Esc closes it,
# Home goes to the oldest, End follows again.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

start 80 24 "${GUEST[@]}"
wait_for 'HALTED *$' "hello halted"
assert_not_screen '#1 .*48' "following: the oldest exits are scrolled away"
keys Up Up Up
wait_for 'Enter decodes' "arrows select: the log title says Enter decodes"
keys Enter
wait_for 'exit #11 decoded' "Enter opens the decode of the selected exit (#11)"
assert_screen 'Reason: +IO \(KVM_EXIT_IO = 2\)' "the decode names the KVM exit reason"
assert_screen "Port: +0x03f8 +transmit holding register" "the decode names the port"
assert_screen "Data: +0x21 +'!'" "the decode shows the byte and its character"
assert_screen 'IN or OUT' "the decode says why the exit happened"
keys Down
wait_for 'exit #12 decoded' "Down walks the decode to the next exit"
assert_screen "Data: +0x0a +'\\\\n'" "exit #12 carried the newline"
keys Escape
wait_gone 'decoded' "Esc closes the decode"
keys Home
wait_for '│ *#1 .*IO +outb 0x3f8 COM1 THR 48 .H.' "Home: the oldest exit (#1, 'H') is on screen"
keys End
wait_gone 'Enter decodes' "End: the log follows the newest again"
assert_screen '#13 .*HLT' "End: the newest exit at the bottom"
keys q
wait_exit "q quits"

guest mmio
# The guest moved off 0xb8000 when the BIOS made that text memory (RAM): its
# recording is older and still shows the old address.
hole=0xa0000
is_replay && hole=0xb8000
start 120 40 "${GUEST[@]}"
wait_for 'HALTED *$' "mmio halted"
assert_screen 'MMIO +3 ' "statistics: 3 MMIO exits"
keys 3
wait_for '3 exits' "3 zooms the exit log"
keys Home
wait_for '#1 ' "Home in the zoomed log"
for ((i = 0; i < 40; i++)); do
	screen | grep -Eq "MMIO +write $hole 2B 0748" && break
	keys PageDown
	sleep 0.1
done
assert_screen "MMIO +write $hole 2B 0748" "the MMIO write of 0x0748 to $hole is in the log"
keys PageDown
wait_for "MMIO +read $hole 2B -> " "a page on: the read back from $hole"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
