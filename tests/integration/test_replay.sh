#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# replay: the recordings kept in tests/recordings replay on any machine, with
# or without KVM, exactly as they were recorded: the same COM1 bytes, exit
# counts and exit status. Damaged, foreign and newer files are refused with
# one line and status 4; a cut file replays up to its last whole block.
. "$(dirname "$0")/lib.sh"
RECS="$SOURCE_DIR/tests/recordings"
require_file "$RECS/hello.rec" "$RECS/flood.rec"

# counts_of_run: "REASON N" lines from the last run's --stats.
counts_of_run() {
	awk '$1 ~ /^[A-Z_0-9]+$/ && $2 ~ /^[0-9]+$/ { print $1, $2 }' "$ERR"
}

for rec in "$RECS"/*.rec; do
	name=$(basename "$rec" .rec)
	# No KVM at all: a replay must not even look for it.
	run --env KVM_TUI_DEVICE=/nonexistent/kvm --replay "$rec" --stats --trace "$WORK/$name.trace"
	assert_status "$(cat "$RECS/$name.status")" "$name: replay exits with the recorded status"
	assert_stdout_file "$RECS/$name.out" "$name: replay prints the recorded COM1 bytes exactly"
	counts_of_run >"$WORK/$name.counts"
	if cmp -s "$RECS/$name.counts" "$WORK/$name.counts"; then
		ok "$name: replay counts the recorded exits ($(tr '\n' ' ' <"$RECS/$name.counts"))"
	else
		fail "$name: exit counts differ"
		diff -u "$RECS/$name.counts" "$WORK/$name.counts" | sed 's/^/    /'
	fi
	total=$(awk '{ n += $2 } END { print n + 0 }' "$RECS/$name.counts")
	assert_eq "$total" "$(trace_count "$WORK/$name.trace")" "$name: --trace converts every exit to JSON"
done

# The recorded pace: hello took well under a second, so --speed 1 still ends.
run --replay "$RECS/hello.rec" --speed 1
assert_status 0 "--speed 1: the replay ends with the recorded status"
assert_stdout 'Hello, KVM!\n' "--speed 1: the same output"

# Killed mid-run: the file ends inside a block. The replay stops at the last
# whole block, says so, and exits 130 (the run was interrupted).
size=$(wc -c <"$RECS/flood.rec")
head -c $((size - 20)) "$RECS/flood.rec" >"$WORK/cut.rec"
run --replay "$WORK/cut.rec"
assert_status 130 "a cut recording: status 130 (the recorded run was killed)"
assert_stderr_contains "truncated" "a cut recording: says it is truncated"
assert_stdout_prefix_of "$RECS/flood.out" "a cut recording: prints what it holds, in order"

# Damaged in the middle: refused before anything plays.
cp "$RECS/flood.rec" "$WORK/bad.rec"
printf '\xff\xff\xff\xff\xff\xff\xff\xff' | dd of="$WORK/bad.rec" bs=1 seek=$((size / 2)) conv=notrunc status=none
run --replay "$WORK/bad.rec"
assert_status 4 "a corrupt recording: status 4"
assert_stderr_contains "bad.rec" "a corrupt recording: the message names the file"
assert_stdout_empty "a corrupt recording: nothing is played"

printf 'not a recording at all\n' >"$WORK/foreign.rec"
run --replay "$WORK/foreign.rec"
assert_status 4 "a foreign file: status 4"
assert_stderr_contains "not a kvm-tui recording" "a foreign file: says what it is not"

cp "$RECS/hello.rec" "$WORK/newer.rec"
printf '\x63\x00\x00\x00' | dd of="$WORK/newer.rec" bs=1 seek=8 conv=notrunc status=none
run --replay "$WORK/newer.rec"
assert_status 4 "a newer version: status 4"
assert_stderr_contains "version 99" "a newer version: names the version"

: >"$WORK/empty.rec"
run --replay "$WORK/empty.rec"
assert_status 4 "an empty file: status 4"
run --replay "$WORK/missing.rec"
assert_status 4 "a missing file: status 4"
assert_stderr_contains "missing.rec" "a missing file: the message names it"

# Options that make no sense together are usage errors (status 2).
run --replay "$RECS/hello.rec" "$GUESTS/hello.bin"
assert_status 2 "--replay with a guest: status 2"
run --replay "$RECS/hello.rec" --mem 32M
assert_status 2 "--replay with --mem: status 2"
assert_stderr_contains "--mem" "--replay with --mem: names the option"
run --speed 2 "$GUESTS/hello.bin"
assert_status 2 "--speed without --replay: status 2"
run --replay "$RECS/hello.rec" --speed fast
assert_status 2 "--speed fast: status 2"

finish
