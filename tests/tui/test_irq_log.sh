#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The timer guest's interrupts in the exit log at 100x32: each injection is
# a line of its own between the exits ("IRQ0 timer → vector 08h injected"),
# with no exit number, under the HLT it woke; the handler's OUT 0x20 reads
# as the EOI that ends IRQ0, the PIT's programming as its rate; Enter on an
# interrupt line explains the injection; the statistics count IRQ0.
# Replay twin: timer.rec (100 exits, half a second) shows the same lines,
# decoded from the records alone (a replay has no devices).
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest timer

start 100 32 "${GUEST[@]}"
wait_for '│ +[0-9.]*s? *IRQ0 timer → vector 08h injected' "an interrupt line: IRQ0 timer → vector 08h injected"
wait_for 'IO +outb 0x20 20: PIC1 OCW2 EOI \(ends IRQ0\)' "the handler's OUT 0x20 decoded: the EOI that ends IRQ0"
assert_screen 'HLT +hlt: wait for an interrupt.*│$' "the HLTs the timer wakes"
assert_not_screen '#[0-9]+ +IRQ0' "an interrupt line has no exit number"
wait_for 'IRQ0 timer +[0-9.]+k? +[0-9.]+k?/s' "statistics: interrupts counted per IRQ, total and per second"
if live_only "pausing a running guest"; then
	keys p
	wait_for 'PAUSED' "p pauses the timer guest"
else
	wait_for 'EXIT_LIMIT *$' "the recording plays to its end (--max-exits)"
fi
# The log starts with the guest programming its devices: zoomed (3), Home
# shows them decoded in full.
keys 3
wait_for '^┌▶3 exits' "3 zooms the exit log"
keys Home
wait_for 'PIT control: ch0 lo/hi mode 2 binary' "Home: the PIT's control word in words"
assert_screen 'outb 0x40 2e: PIT ch0 mode 2 rate 11932 = 100.0 Hz' "the count's second byte: 100 Hz"
assert_screen 'outb 0x21 fe: PIC1 OCW1 mask fe: IRQ 0 unmasked' "the PIC mask in words"
# Walk down to the first interrupt line and open it.
for ((i = 0; i < 12; i++)); do
	keys Down
	sleep 0.1
done
keys Enter
wait_for 'decoded - Esc closes|interrupt after exit' "Enter opens a decode"
for ((i = 0; i < 6; i++)); do
	screen | grep -q 'interrupt after exit #' && break
	keys Up
	sleep 0.2
done
assert_screen 'interrupt after exit #[0-9]+ - Esc closes' "Up/Down reach an interrupt line: titled by the exit it followed"
assert_screen "Vector: +08h = PIC1's base 08h \(set by ICW2\) \+ its pin IR0" "the decode derives the vector from the PIC's base"
assert_screen 'IRQ_WINDOW_OPEN' "the decode explains the interrupt window"
keys Escape
wait_gone 'Esc closes' "Esc closes the decode"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
