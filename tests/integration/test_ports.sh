#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Port I/O beyond the transmit register: a write to a port nobody claims is
# ignored (but an exit), unclaimed reads are all ones, the UART's scratch
# register holds a value, debugcon (0xe9) is not stdout; string I/O (rep
# outsb, rep insb) and its count; a flat guest loaded elsewhere.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$TEST_GUESTS/ports.bin" "$TEST_GUESTS/rep_outsb.bin" \
	"$TEST_GUESTS/rep_insb.bin" "$TEST_GUESTS/pic_hello.bin"

run --headless --trace "$WORK/trace" "$TEST_GUESTS/ports.bin"
assert_status 0 "ports: status 0"
assert_stdout_file "$EXPECTED/ports.out" "ports: unclaimed reads ff/ffff, scratch 5a; debugcon not on stdout"
trace_summary "$WORK/trace" | head -n 5 >"$WORK/head.summary"
printf '%s\n' "IO out 0x1234 1 1 0xa5" "IO in 0x1234 1 1 0xff" "IO in 0x2345 2 1 0xffff" \
	"IO out 0x3ff 1 1 0x5a" "IO in 0x3ff 1 1 0x5a" >"$WORK/head.expected"
if cmp -s "$WORK/head.expected" "$WORK/head.summary"; then
	ok "ports: trace of the wild write, the unclaimed reads, the scratch register"
else
	fail "ports: trace of the wild write, the unclaimed reads, the scratch register"
	diff -u --label expected --label actual "$WORK/head.expected" "$WORK/head.summary" |
		sed 's/^/    /'
fi
assert_eq 9 "$(grep -c '"dir":"out","port":"0xe9"' "$WORK/trace")" \
	"ports: 9 IO out 0xe9 (\"debugcon\\n\")"

run --headless --stats --trace "$WORK/trace" "$TEST_GUESTS/rep_outsb.bin"
assert_status 0 "rep outsb: status 0"
assert_stdout 'rep outsb: one instruction, many exits\n' "rep outsb: all 39 bytes, in order"
total=$(grep '"port":"0x3f8"' "$WORK/trace" | sed 's/.*"count":\([0-9]*\).*/\1/' | awk '{ s += $1 } END { print s + 0 }')
assert_eq 39 "$total" "rep outsb: the IO exits' counts add up to 39"

run --headless --trace "$WORK/trace" "$TEST_GUESTS/rep_insb.bin"
assert_status 0 "rep insb: status 0"
assert_stdout 'rep insb: ffffffffffffffffffffffffffffffff\n' \
	"rep insb: 16 bytes of all ones from an unclaimed port"
total=$(grep '"dir":"in","port":"0x1234"' "$WORK/trace" | sed 's/.*"count":\([0-9]*\).*/\1/' | awk '{ s += $1 } END { print s + 0 }')
assert_eq 16 "$total" "rep insb: the IO in exits' counts add up to 16"
if grep -q '"dir":"in","port":"0x1234","size":1,"count":16' "$WORK/trace"; then
	ok "rep insb: one exit carries count 16 (KVM reads ahead)"
else
	fail "rep insb: one exit carries count 16: $(grep '"port":"0x1234"' "$WORK/trace" | head -n 3)"
fi

run --headless "$TEST_GUESTS/pic_hello.bin"
assert_status 0 "pic_hello at 0: status 0"
assert_stdout 'PIC hello\n' "pic_hello at 0 prints 'PIC hello\\n'"
run --headless --load-addr 0x1000 --entry 0x1000 "$TEST_GUESTS/pic_hello.bin"
assert_status 0 "pic_hello --load-addr 0x1000 --entry 0x1000: status 0"
assert_stdout 'PIC hello\n' "pic_hello loaded and entered at 0x1000"
run --headless --load-addr 20480 --entry 20480 "$TEST_GUESTS/pic_hello.bin"
assert_status 0 "pic_hello --load-addr/--entry 20480 (decimal): status 0"
assert_stdout 'PIC hello\n' "pic_hello loaded and entered at 20480 = 0x5000"

finish
