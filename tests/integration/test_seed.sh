#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The seed project's own programs, assembled verbatim and linked flat at 0:
# hello prints "Hello, KVM!\n" in 13 exits (12 IO + 1 HLT), minimal is 1 HLT.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$TEST_GUESTS/seed_hello.bin" "$TEST_GUESTS/seed_minimal.bin"

# Flat images are what the seed's VMM loaded: no boot sector signature.
assert_eq 28 "$(wc -c <"$TEST_GUESTS/seed_hello.bin")" \
	"seed hello.bin is 28 bytes (15 code + 13 data), as the seed says"
assert_eq 1 "$(wc -c <"$TEST_GUESTS/seed_minimal.bin")" "seed minimal.bin is 1 byte"
assert_eq f4 "$(od -An -tx1 "$TEST_GUESTS/seed_minimal.bin" | tr -d ' \n')" \
	"seed minimal.bin is the byte f4 (HLT)"

run --headless --stats --trace "$WORK/hello.trace" "$TEST_GUESTS/seed_hello.bin"
assert_status 0 "seed hello halts: status 0"
assert_stdout 'Hello, KVM!\n' "seed hello prints exactly 'Hello, KVM!\\n'"
assert_eq 13 "$(trace_count "$WORK/hello.trace")" "seed hello: 13 exits in the trace"
assert_eq 12 "$(trace_count "$WORK/hello.trace" IO)" "seed hello: 12 of them IO"
assert_eq "HLT" "$(tail -n 1 "$WORK/hello.trace" | sed 's/.*"reason":"\([A-Z_]*\)".*/\1/')" \
	"seed hello: the last exit is the HLT"
assert_eq 13 "$(stats_count total)" "seed hello: --stats says 13 exits"
rip=$(trace_field "$(head -n 1 "$WORK/hello.trace")" rip)
if [ -n "$rip" ] && [ $((rip)) -lt 28 ]; then
	ok "seed hello runs from address 0 (flat): first exit at rip $rip"
else
	fail "seed hello runs from address 0 (flat): first exit at rip '$rip'"
fi

run --headless --trace "$WORK/minimal.trace" "$TEST_GUESTS/seed_minimal.bin"
assert_status 0 "seed minimal halts: status 0"
assert_stdout_empty "seed minimal prints nothing"
assert_eq "HLT" "$(trace_summary "$WORK/minimal.trace")" "seed minimal: exactly 1 exit, HLT"

finish
