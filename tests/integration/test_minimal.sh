#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# minimal: one HLT and nothing else - status 0, no output, exactly 1 exit.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/minimal.bin"

run --headless --stats --trace "$WORK/trace" "$GUESTS/minimal.bin"
assert_status 0 "minimal halts: status 0"
assert_stdout_empty "minimal prints nothing"
assert_eq "HLT" "$(trace_summary "$WORK/trace")" "the trace is exactly one HLT"
assert_eq 1 "$(stats_count total)" "--stats: 1 exit in total"
assert_eq 1 "$(stats_count HLT)" "--stats: 1 HLT"

finish
