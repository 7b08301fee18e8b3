#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timer: the PIT at 100 Hz, the guest's IRQ 0 handler and HLT as a wait.
# kvm-tui's own PIC and PIT (the user-space interrupt controller) wake the
# halted vCPU at each tick and inject the interrupt: the guest counts 100
# ticks a second and prints a line each second. A HLT with interrupts on is
# not the end of the run any more; with them off it still is (hello).
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/timer.bin"

run --headless --timeout 3.5 --stats --trace "$WORK/trace" "$GUESTS/timer.bin"
assert_status 124 "timer runs until --timeout (status 124): HLT with IF=1 is a wait"
lines=$(wc -l <"$OUT")
# Guest time runs from the vCPU's start; a busy host may deliver a few
# ticks late (coalesced), never early: 2 or 3 whole seconds in 3.5 s.
if [ "$lines" -ge 2 ] && [ "$lines" -le 3 ]; then
	ok "timer printed $lines lines in 3.5 s (one a second)"
else
	fail "timer printed $lines lines in 3.5 s (expected 2 or 3)"
fi
printf 'second 1\nsecond 2\nsecond 3\n' >"$WORK/expected"
assert_stdout_prefix_of "$WORK/expected" "timer counts its seconds in order"
hlt=$(stats_count HLT)
assert_ge $((lines * 100)) "${hlt:-0}" "at least 100 HLT exits per printed second (got ${hlt:-0})"
if [ "${hlt:-0}" -le 400 ]; then
	ok "no more HLT exits than ticks in 3.5 s at 100 Hz (${hlt:-0} <= 400)"
else
	fail "more HLT exits than ticks: ${hlt:-0} in 3.5 s at 100 Hz"
fi
# The handler's EOI is a write of 0x20 to the PIC's port 0x20, once a tick.
eoi=$(grep -c '"dir":"out","port":"0x20".*"data":"0x20"' "$WORK/trace")
assert_ge $((hlt - 1)) "$eoi" "one EOI (out 0x20 <- 0x20) per tick handled ($eoi)"

finish
