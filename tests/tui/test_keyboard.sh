#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Keys to the 8042: K sends what is typed in the serial pane to the keyboard
# controller instead of COM1 (the pane's title and the key bar say where
# keys go), and the keyboard guest's IRQ 1 handler prints each scan code:
# 'hI!' shows as "23 h make", "a3 h break", Shift around I and !; Up is one
# extended key (e0 48), not ESC [ A; Ctrl-A K switches back to COM1, which
# this guest never reads; Esc's break ends the guest (bye, HALTED);
# --keyboard kbc starts the console with keys going to the 8042.
# Replay twin: keyboard.rec, the same keys recorded headless by make.sh; the
# replay shows the same lines, and K there says there is no guest to type to.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest keyboard

start 120 40 "${GUEST[@]}"
wait_for 'keyboard: type, Esc quits' "the keyboard guest greets"
keys K
if live_only "K switches typed keys to the 8042"; then
	wait_for 'serial \(COM1\) · keys → 8042' "K: the serial pane's title says keys go to the 8042"
	assert_screen 'keys → 8042: scan codes on IRQ 1' "K: the status bar says so too"
	keys Tab Tab
	wait_for 'typing to the guest · keys → 8042' "Tab Tab: typing into the serial pane, to the 8042"
	assert_screen 'C-a K keys→COM1' "the key bar offers Ctrl-A K back to COM1"
	type_text 'hI!'
else
	wait_for 'a replay has no guest to type to' "K in a replay: no guest to type to"
	assert_not_screen 'keys → 8042' "a replay's title does not claim keys go anywhere"
fi
wait_for '^│23 h make' "h: its make code 23"
wait_for '^│a3 h break' "h: its break code a3"
wait_for '^│2a Shift make' "I: Shift pressed first"
wait_for '^│17 I make' "I: the i key, shown as I while Shift is down"
wait_for '^│02 ! make' "!: Shift and the 1 key"
wait_for '^│aa Shift break' "Shift released"

if live_only "keys typed live: an arrow, Ctrl-A K back to COM1, Esc"; then
	keys Up
	wait_for '^│e0 48 Up make' "Up reaches the 8042 as one extended key, e0 48"
	wait_for '^│e0 c8 Up break' "Up's break: e0 c8"
	keys C-a K
	wait_for 'typing to the guest · keys → COM1' "Ctrl-A K: keys go to COM1 again"
	type_text 'x'
	sleep 0.5
	assert_not_screen '2d x make' "x typed to COM1 does not reach the 8042"
	keys C-a K
	wait_for 'typing to the guest · keys → 8042' "Ctrl-A K again: back to the 8042"
	keys Escape
fi
wait_for '^│81 Esc break' "Esc: make and break"
wait_for '^│bye' "Esc's break ends the guest"
wait_for 'HALTED *$' "the guest halted"
# Live the serial pane has the focus (Ctrl-A x); a replay never moved it (q).
if is_replay; then keys q; else keys C-a x; fi
wait_exit "quit"
assert_eq 0 "$STATUS" "status 0 after the guest halted"
assert_sane_terminal

# --keyboard kbc starts the console with keys going to the 8042.
if live_only "--keyboard kbc: the console starts with keys to the 8042"; then
	start 120 40 --keyboard kbc "${GUEST[@]}"
	wait_for 'serial \(COM1\) · keys → 8042' "--keyboard kbc: keys go to the 8042 from the start"
	keys Tab Tab
	type_text 'z'
	wait_for '^│2c z make' "a key typed at once reaches the 8042"
	keys C-a x
	wait_exit "Ctrl-A x quits"
fi
finish
