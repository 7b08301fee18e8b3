#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# triple: explains itself, then triple-faults: KVM_EXIT_SHUTDOWN, status 6,
# a one-line explanation on stderr, no HLT.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/triple.bin"

run --headless --stats --trace "$WORK/trace" "$GUESTS/triple.bin"
assert_status 6 "triple fault: status 6"
assert_stdout_file "$EXPECTED/triple.out" "triple prints its explanation first"
assert_stderr_contains "triple|shutdown" "stderr explains the triple fault"
assert_eq "SHUTDOWN" "$(trace_summary "$WORK/trace" | tail -n 1)" \
	"the last exit in the trace is SHUTDOWN"
assert_eq 1 "$(stats_count SHUTDOWN)" "--stats: 1 SHUTDOWN"
assert_eq 0 "$(trace_count "$WORK/trace" HLT)" "no HLT"
assert_eq "$(wc -c <"$EXPECTED/triple.out")" "$(trace_count "$WORK/trace" IO)" \
	"one IO exit per byte of the explanation"

finish
