#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# count: prints 0, 1, 2, ... one per line, forever, with an exit-free delay
# between lines. A run ends only by --timeout (status 124) or --max-exits
# (status 14); what was printed is the exact beginning of the sequence.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/count.bin"

counter_expected 100000 "$WORK/sequence"

run --headless --timeout 2 --stats "$GUESTS/count.bin"
assert_status 124 "count under --timeout 2: status 124"
assert_stdout_prefix_of "$WORK/sequence" "count prints 0\\n1\\n2\\n... (a prefix of the sequence)"
lines=$(wc -l <"$OUT")
assert_ge 2 "$lines" "count printed at least 2 lines in 2 s ($lines)"
# "A few lines per second": the delay is ~1/3 s, so far fewer than 100 in 2 s.
if [ "$lines" -le 40 ]; then
	ok "count is slow enough to watch: $lines lines in 2 s"
else
	fail "count is slow enough to watch: $lines lines in 2 s (expected a few per second)"
fi
# Every exit is a byte on COM1: the delay loop has none.
assert_eq "$(wc -c <"$OUT")" "$(stats_count IO)" "every exit is an IO out of a printed byte"
# The only other exit is the INTR of the kick that stopped the run.
intr=$(stats_count INTR)
assert_eq "$(stats_count total)" "$(( $(stats_count IO) + ${intr:-0} ))" \
	"no exits but IO and the final kick (INTR ${intr:-0}): the delay loop exits nowhere"
if [ "${intr:-0}" -le 1 ]; then
	ok "at most 1 INTR (the kick at the timeout): ${intr:-0}"
else
	fail "at most 1 INTR (the kick at the timeout): ${intr:-0}"
fi

# --max-exits 12: "0\n" .. "5\n" are 12 bytes, one OUT each.
run --headless --max-exits 12 --trace "$WORK/trace" "$GUESTS/count.bin"
assert_status 14 "count under --max-exits 12: status 14"
assert_stdout '0\n1\n2\n3\n4\n5\n' "--max-exits 12: exactly the 12 bytes of the first 12 exits"
assert_eq 12 "$(trace_count "$WORK/trace")" "--max-exits 12: 12 exits in the trace"
assert_eq 12 "$(grep -c '"dir":"out","port":"0x3f8"' "$WORK/trace")" \
	"--max-exits 12: all 12 are IO out 0x3f8"

# --max-exits 1: the first byte only.
run --headless --max-exits 1 "$GUESTS/count.bin"
assert_status 14 "count under --max-exits 1: status 14"
assert_stdout '0' "--max-exits 1: the first byte only"

finish
