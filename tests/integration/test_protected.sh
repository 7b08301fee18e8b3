#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# protected: the guest switches itself from real to 32-bit protected mode and
# prints from 32-bit code (CS = 0x0008, read at run time); then HLT, status 0.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/protected.bin"

run --headless --stats --trace "$WORK/trace" "$GUESTS/protected.bin"
assert_status 0 "protected halts: status 0"
assert_stdout_file "$EXPECTED/protected.out" "protected prints from real and from 32-bit code"
assert_eq "$(wc -c <"$EXPECTED/protected.out")" "$(stats_count IO)" \
	"--stats: one IO exit per byte printed"
assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "the last exit is the HLT"
assert_eq "$(( $(wc -c <"$EXPECTED/protected.out") + 1 ))" "$(stats_count total)" \
	"no exit but the IO and the HLT: the mode switch itself exits nowhere"

finish
