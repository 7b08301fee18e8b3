#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Single steps from the very first instruction (--paused), and the register
# pane marking what each step changed in reverse video: IP after every
# step, FLAGS after the xor that sets ZF; registers that did not change are
# drawn plainly. The mode reads REAL, the flags name every bit in upper
# (set) or lower (clear) case.
# Replay twin: count40.rec from --paused. A recording holds exits, not
# instructions, so there s moves one exit: IP jumps to the next exit's RIP,
# and the register pane marks what changed just the same.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest count --rec count40

# screen_sgr: the screen with its colours and attributes as escape codes.
screen_sgr() {
	tmx capture-pane -p -e
}

# reversed NAME VALUE: the register NAME shows VALUE in reverse video (SGR 7).
reversed() {
	local esc=$'\e'
	screen_sgr | grep -Eq "$1 ($esc\\[[0-9;]*m)*$esc\\[([0-9]+;)*7(;[0-9]+)*m($esc\\[[0-9;]*m)*$2"
}

start 80 24 --paused "${GUEST[@]}"
wait_for 'PAUSED *$' "--paused: the guest waits before its first instruction"
assert_screen 'IP 7c00' "IP is at the boot sector's first byte"
assert_screen 'no output from the guest yet' "the serial pane says nothing came yet"

keys s
if live_only "single steps from the first instruction (DEBUG exits)"; then
	ip=7c01
	wait_for 'IP 7c01' "s: one instruction (cli) later IP is 7c01"
	wait_for 'DEBUG +single step' "s: the step's DEBUG exit is in the log"
else
	ip=7c41 # the first OUT of count40.rec, in print_decimal
	wait_for 'exits · 1 total' "s: the replay moved one exit"
	wait_for '^│ *#1 +IO +outb 0x3f8 COM1 THR 30 .0.' "s: exit #1, the OUT of '0', is in the log"
	wait_for "IP $ip" "s: IP is exit #1's ($ip)"
fi
if reversed IP $ip; then ok "the changed IP is in reverse video"; else fail "the changed IP is in reverse video"; screen_sgr | grep 'IP ' | cat -v | sed 's/^/    | /'; fi
if reversed BX 0000; then fail "an unchanged BX is not reversed"; else ok "an unchanged BX is not reversed"; fi
assert_screen 'PAUSED *$' "s: PAUSED again after the step"

keys s
if live_only "the second instruction (xor ax,ax) and the flags it sets"; then
	wait_for 'IP 7c03' "s: xor ax,ax (two bytes) later IP is 7c03"
	assert_screen 'of df if tf sf ZF af PF cf' "the xor set ZF and PF: upper case, the rest lower"
	if reversed FLAGS 0046; then ok "the changed FLAGS is in reverse video"; else fail "the changed FLAGS is in reverse video"; fi
else
	wait_for 'exits · 2 total' "s again: exit #2"
	wait_for 'IP 7c1e' "s: IP is exit #2's (7c1e, the OUT of the newline)"
	if reversed IP 7c1e; then ok "the changed IP is in reverse video"; else fail "the changed IP is in reverse video"; fi
	assert_screen 'of df if tf sf ZF af PF cf' "flags named by case: ZF and PF set at exit #2"
	if reversed FLAGS 0046; then ok "the changed FLAGS is in reverse video"; else fail "the changed FLAGS is in reverse video"; fi
	if reversed BX 0000; then fail "an unchanged BX is still not reversed"; else ok "an unchanged BX is still not reversed"; fi
fi

keys r
wait_for '^│0 ' "r: the guest runs and prints"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
