#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# record: a live run recorded with --record replays to the same thing: the
# same COM1 bytes, status, exit counts and the very same --trace, line for
# line (times and RIPs included). A run killed with SIGKILL leaves a
# recording that replays up to its last flushed block; a recording that
# cannot be written is reported.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin" "$GUESTS/count.bin" "$GUESTS/echo.bin"

# same_as_live NAME [--stdin FILE] ARGS...: record, replay, compare.
same_as_live() {
	local name=$1
	shift
	local -a input=()
	if [ "$1" = --stdin ]; then
		input=(--stdin "$2")
		shift 2
	fi
	run "${input[@]}" --headless --stats --record "$WORK/$name.rec" --trace "$WORK/$name.live" "$@"
	local status=$STATUS
	cp "$OUT" "$WORK/$name.out"
	grep -E '^  [A-Z_0-9]+ +[0-9]+' "$ERR" >"$WORK/$name.counts" || true
	run --replay "$WORK/$name.rec" --stats --trace "$WORK/$name.replayed"
	assert_eq "$status" "$STATUS" "$name: the replay's status is the live run's ($status)"
	assert_stdout_file "$WORK/$name.out" "$name: the replay prints the live run's COM1 bytes"
	grep -E '^  [A-Z_0-9]+ +[0-9]+' "$ERR" >"$WORK/$name.counts2" || true
	if [ -s "$WORK/$name.counts" ] && cmp -s "$WORK/$name.counts" "$WORK/$name.counts2"; then
		ok "$name: the same exit counts"
	else
		fail "$name: exit counts differ"
		diff -u "$WORK/$name.counts" "$WORK/$name.counts2" | sed 's/^/    /'
	fi
	if [ -s "$WORK/$name.live" ] && cmp -s "$WORK/$name.live" "$WORK/$name.replayed"; then
		ok "$name: the replay's --trace is the live one, byte for byte ($(trace_count "$WORK/$name.live") exits)"
	else
		fail "$name: the traces differ"
		diff "$WORK/$name.live" "$WORK/$name.replayed" | head -n 6 | sed 's/^/    /'
	fi
}

for g in hello minimal mmio protected long triple; do
	same_as_live "$g" "$GUESTS/$g.bin"
done
same_as_live count --max-exits 5 "$GUESTS/count.bin"
printf 'hi\nq' >"$WORK/keys"
same_as_live echo --stdin "$WORK/keys" "$GUESTS/echo.bin"
flood_patched 20000 "$WORK/flood.bin"
same_as_live flood "$WORK/flood.bin"
exits=$(trace_count "$WORK/flood.live")
bytes=$(wc -c <"$WORK/flood.rec")
echo "note: flood recording: $bytes bytes for $exits exits ($((bytes * 100 / exits / 100)).$((bytes * 100 / exits % 100)) bytes/exit)"
assert_ge $((bytes + 1)) $((exits * 16)) "flood: the recording is compact (< 16 bytes per exit)"

# Interrupts: the timer guest's recording replays its output and its exits
# (the injections are records of their own, between the exits). Live it
# ended by --timeout (124); the replay ends where the recording does, with
# the run's QUIT (130).
run --headless --timeout 2.5 --stats --record "$WORK/timer.rec" --trace "$WORK/timer.live" "$GUESTS/timer.bin"
cp "$OUT" "$WORK/timer.out"
run --replay "$WORK/timer.rec" --trace "$WORK/timer.replayed"
assert_status 130 "timer: the replay ends with the recorded run's quit"
assert_stdout_file "$WORK/timer.out" "timer: the replay prints the live run's lines"
if [ -s "$WORK/timer.live" ] && cmp -s "$WORK/timer.live" "$WORK/timer.replayed"; then
	ok "timer: the replay's --trace is the live one ($(trace_count "$WORK/timer.live") exits)"
else
	fail "timer: the traces differ"
	diff "$WORK/timer.live" "$WORK/timer.replayed" | head -n 6 | sed 's/^/    /'
fi

# SIGKILL mid-run: count prints a line every ~0.3 s and runs forever.
# The output file exists before the loop reads it: the background shell may
# not have opened it yet, and a failed read would end the wait at once.
: >"$WORK/killed.out"
"$KVM_TUI" --headless --record "$WORK/killed.rec" "$GUESTS/count.bin" </dev/null >"$WORK/killed.out" 2>/dev/null &
pid=$!
deadline=$((SECONDS + 30))
while [ "$(wc -l <"$WORK/killed.out")" -lt 3 ] && [ $SECONDS -lt $deadline ]; do
	sleep 0.1
done
sleep 0.5 # a block is flushed at most 0.2 s after its first record
kill -KILL "$pid"
wait "$pid" 2>/dev/null
run --replay "$WORK/killed.rec"
assert_status 130 "a recording cut by SIGKILL replays and exits 130"
assert_ge 3 "$(wc -l <"$OUT")" "a recording cut by SIGKILL keeps the lines printed before the last flush"
assert_stdout_prefix_of "$WORK/killed.out" "a recording cut by SIGKILL replays what the run printed, in order"

# A recording that cannot be written is an error, not a silent short file.
run --headless --record /dev/full "$GUESTS/hello.bin"
assert_status 4 "--record /dev/full: status 4 (its header cannot be written)"
assert_stderr_contains "/dev/full" "--record /dev/full: names the file"
# A disk that fills up mid-run (a 4 KiB file size limit here): the guest runs
# to its end, and kvm-tui says the recording is incomplete (status 12).
flood_patched 200000 "$WORK/big.bin"
# (stdout goes through a pipe: the limit is on files.)
(trap '' XFSZ; ulimit -f 4; exec "$KVM_TUI" --headless --record "$WORK/full.rec" "$WORK/big.bin") \
	</dev/null 2>"$WORK/full.err" | wc -c >"$WORK/full.count"
STATUS=${PIPESTATUS[0]} ERR="$WORK/full.err" CMD="kvm-tui --record (4 KiB limit)"
assert_status 12 "a recording that fills the disk: status 12"
assert_stderr_contains "recording is incomplete" "a recording that fills the disk: says it is incomplete"
assert_eq 200000 "$(cat "$WORK/full.count")" "a recording that fills the disk: the guest still ran to its end"
run --headless --record "$WORK/no/such/dir/x.rec" "$GUESTS/hello.bin"
assert_status 4 "--record into a missing folder: status 4 before the guest runs"
assert_stdout_empty "--record into a missing folder: the guest did not run"

finish
