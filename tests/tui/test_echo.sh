#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Typing into the echo guest: with the serial pane focused every key goes to
# the guest (q and Ctrl-C included), Ctrl-A Ctrl-A sends one Ctrl-A, Ctrl-A
# Tab leaves the pane (then q is the console's quit again), Ctrl-A x quits.
# tui-twin: none (it types into a live guest's UART; a replay has no guest)
# In a replay the focused serial pane takes keys as commands: test_replay.sh.
. "$(dirname "$0")/tui_lib.sh"
require_tui
require_file "$GUESTS/echo.bin"

start 80 24 "$GUESTS/echo.bin"
wait_for "echo: type away" "the echo guest greets"
keys Tab Tab
wait_for 'typing to the guest' "Tab Tab: the serial pane has the focus"
assert_screen 'C-a x quit' "the key bar says how to get out"

type_text "hello, guest"
keys Enter
wait_for '^│hello, guest +│' "typed text is echoed by the guest"

keys C-c
wait_for '^│\^C' "Ctrl-C goes to the guest (echoed as ^C), it does not quit"
keys C-a C-a
wait_for '^│\^C\^A' "Ctrl-A Ctrl-A sends one Ctrl-A"

keys C-a Tab
wait_for '^ p pause' "Ctrl-A Tab leaves the serial pane"
keys Tab Tab Tab
wait_for 'typing to the guest' "Tab back into the serial pane"

keys Enter
type_text "q"
wait_for 'HALTED *$' "a typed q reaches the guest, which says goodbye and halts"
assert_not_screen '\[kvm-tui exited\]' "kvm-tui itself is still running"

keys C-a x
wait_exit "Ctrl-A x quits"
assert_eq 0 "$STATUS" "status 0 after the guest halted"
assert_sane_terminal
finish
