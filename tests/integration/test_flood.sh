#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# flood: N bytes (the 32-bit little-endian value at offset 4 of flood.bin,
# 1048576 as built), one OUT each, then debug-exit 0x10: status 33.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/flood.bin"

assert_eq "00001000" "$(od -An -tx1 -j 4 -N 4 "$GUESTS/flood.bin" | tr -d ' \n')" \
	"flood.bin holds N = 1048576 (00 00 10 00) at offset 4"

# A small N, exactly: the bytes, the exits, the status.
flood_patched 1000 "$WORK/flood1000.bin"
flood_expected 1000 "$WORK/flood1000.out"
run --headless --stats --trace "$WORK/trace" "$WORK/flood1000.bin"
assert_status 33 "flood N=1000: status 33 (debug-exit 0x10)"
assert_stdout_file "$WORK/flood1000.out" "flood N=1000: exactly its 1000 bytes"
assert_eq 1001 "$(stats_count total)" "flood N=1000: 1001 exits (1000 bytes + the debug-exit)"
assert_eq 1000 "$(grep -c '"dir":"out","port":"0x3f8","size":1,"count":1' "$WORK/trace")" \
	"flood N=1000: 1000 IO out 0x3f8, one byte each"
assert_eq "IO out 0xf4 1 1 0x10" "$(trace_summary "$WORK/trace" | tail -n 1)" \
	"flood N=1000: the last exit writes 0x10 to port 0xf4"

# N = 0: nothing printed, straight to the exit.
flood_patched 0 "$WORK/flood0.bin"
run --headless --stats "$WORK/flood0.bin"
assert_status 33 "flood N=0: status 33"
assert_stdout_empty "flood N=0: no output"
assert_eq 1 "$(stats_count total)" "flood N=0: 1 exit (the debug-exit)"

# A run cut short by --max-exits reports 14, not the guest's status.
run --headless --max-exits 100 "$WORK/flood1000.bin"
assert_status 14 "flood cut by --max-exits 100: status 14"
assert_eq 100 "$(wc -c <"$OUT")" "flood cut by --max-exits 100: 100 bytes"

# The default, 1 MiB: every byte arrives, in order (no byte is ever dropped).
HANG_LIMIT=240
flood_expected 1048576 "$WORK/flood1m.out"
start=$(date +%s%N)
run --headless --stats "$GUESTS/flood.bin"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
assert_status 33 "flood 1 MiB: status 33"
assert_stdout_file "$WORK/flood1m.out" "flood 1 MiB: all 1048576 bytes, in order"
assert_eq 1048577 "$(stats_count total)" "flood 1 MiB: 1048577 exits"
echo "# flood 1 MiB took ${ms} ms; $(grep '^exits:' "$ERR")"

finish
