#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# b adds a breakpoint from the key bar, R starts hello over and it pauses at
# its first OUT to COM1 (BREAK 1 in the key bar, a BREAK line in the exit
# log); r goes on to the next; B lists them with their hits, space turns
# one off and the guest runs to its end; d deletes it; a bad one is refused.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

start 120 40 "${GUEST[@]}"
wait_for 'HALTED *$' "hello halted"

keys b
wait_for 'break on: ' "b asks where to break"
keys o u t : 0 x 3 f 8 Enter
wait_for 'breakpoint 1: out:0x3f8' "the breakpoint is added and named"
keys R
wait_for 'BREAK 1' "after a reset the guest stops at the breakpoint (BREAK 1 in the status)"
assert_screen '#1 .*outb 0x3f8' "... after its first OUT"
assert_screen 'BREAK ■ breakpoint 1 \(out:0x3f8\) hit: paused' "the exit log says which breakpoint"
assert_not_screen '#2 ' "... and nothing ran past it"
keys r
wait_for '#2 .*outb 0x3f8' "r: on to the next OUT"
wait_for 'BREAK 1' "... where it stops again"

keys B
wait_for 'breakpoints - b add' "B lists the breakpoints"
assert_screen '1  on   out:0x3f8 +2 hits' "... with what each stops on and its hits"
keys Space
wait_for '1  off  out:0x3f8' "space turns it off"
keys Escape r
wait_for 'HALTED *$' "off: the guest runs to its end"
keys B d
wait_for 'none yet' "d deletes it"
keys Escape

keys b b o g u s Enter
wait_for 'no breakpoint: .*bogus' "a bad breakpoint is refused with a reason"
keys b 0 x 7 c 1 0 Enter
wait_for 'debug registers' "an address breakpoint says it is not available yet"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
