#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# mmio: accesses to the unbacked legacy hole are MMIO exits: a 2-byte write of
# 0x0748 to 0xa0000, a 2-byte read there, a 4-byte read at 0xc0000 - in that
# order; reads of memory no device claims return all ones. Then HLT, status 0.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/mmio.bin"

run --headless --stats --trace "$WORK/trace" "$GUESTS/mmio.bin"
assert_status 0 "mmio halts: status 0"
assert_stdout_file "$EXPECTED/mmio.out" "mmio prints what it did and read (all ones)"

grep '"reason":"MMIO"' "$WORK/trace" >"$WORK/mmio.trace"
trace_summary "$WORK/mmio.trace" >"$WORK/mmio.summary"
printf '%s\n' "MMIO write 0xa0000 2 0x748" "MMIO read 0xa0000 2 0xffff" \
	"MMIO read 0xc0000 4 0xffffffff" >"$WORK/mmio.expected"
if cmp -s "$WORK/mmio.expected" "$WORK/mmio.summary"; then
	ok "trace: MMIO write 0xa0000 (2 bytes, 0x748), read 0xa0000 (2), read 0xc0000 (4)"
else
	fail "trace: the three MMIO exits"
	diff -u --label expected --label actual "$WORK/mmio.expected" "$WORK/mmio.summary" |
		sed 's/^/    /'
fi
assert_eq 3 "$(stats_count MMIO)" "--stats: 3 MMIO"
assert_eq 1 "$(stats_count HLT)" "--stats: 1 HLT"
io=$(wc -c <"$EXPECTED/mmio.out")
assert_eq "$io" "$(stats_count IO)" "--stats: one IO exit per byte printed ($io)"
assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "the last exit is the HLT"

finish
