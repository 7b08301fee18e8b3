#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# spin: a real-mode guest looping with no exits at all. KVM_RUN never returns
# by itself; --timeout must still stop it (status 124), promptly.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$TEST_GUESTS/spin.bin"

start=$(date +%s%N)
run --headless --stats --trace "$WORK/trace" --timeout 1 "$TEST_GUESTS/spin.bin"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
assert_status 124 "spin under --timeout 1: status 124"
assert_stdout_empty "spin prints nothing"
assert_eq 0 "$(trace_count "$WORK/trace" IO)" "spin: no IO exits"
assert_eq 0 "$(trace_count "$WORK/trace" HLT)" "spin: no HLT"
# Both ends: not before the timeout, and not long after it.
if [ "$ms" -ge 1000 ] && [ "$ms" -lt 5000 ]; then
	ok "spin: stopped after the 1 s timeout, within 5 s (${ms} ms)"
else
	fail "spin: stopped after the 1 s timeout, within 5 s (${ms} ms)"
fi

# --max-exits cannot end a guest that never exits: --timeout does.
run --headless --max-exits 5 --timeout 0.5 "$TEST_GUESTS/spin.bin"
assert_status 124 "spin with --max-exits 5 --timeout 0.5: the timeout ends it (124)"

finish
