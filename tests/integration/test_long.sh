#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# long: the guest builds its page tables, sets PAE, EFER.LME and CR0.PG, and
# prints from 64-bit code (EFER = 0x500: LME + LMA); then HLT, status 0.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/long.bin"

run --headless --stats --trace "$WORK/trace" "$GUESTS/long.bin"
assert_status 0 "long halts: status 0"
assert_stdout_file "$EXPECTED/long.out" "long prints from real mode and from 64-bit code"
assert_eq "$(wc -c <"$EXPECTED/long.out")" "$(stats_count IO)" \
	"--stats: one IO exit per byte printed"
assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "the last exit is the HLT"
assert_eq "$(( $(wc -c <"$EXPECTED/long.out") + 1 ))" "$(stats_count total)" \
	"no exit but the IO and the HLT: paging, EFER and CR0 stay in the guest"

finish
