#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# valgrind_replay: replaying is clean under memcheck (no invalid reads or
# writes, no uninitialised values, no leaks), whole recordings, a cut one and
# a damaged one, with the trace conversion. Needs no KVM.
. "$(dirname "$0")/lib.sh"
RECS="$SOURCE_DIR/tests/recordings"
require_file "$RECS/hello.rec" "$RECS/flood.rec"
command -v valgrind >/dev/null || skip tool "valgrind is not installed (apt-get install valgrind)"

VG=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --log-file="$WORK/vg.log")

# vg WHAT EXPECTED_STATUS ARGS...: kvm-tui ARGS under memcheck, with no KVM.
vg() {
	local what=$1 expected=$2
	shift 2
	STATUS=0
	KVM_TUI_DEVICE=/nonexistent/kvm timeout -s KILL 120 "${VG[@]}" "$KVM_TUI" "$@" \
		>"$WORK/out" 2>"$WORK/err" || STATUS=$?
	assert_eq "$expected" "$STATUS" "$what under valgrind: status $expected"
	if [ "$STATUS" -ne 99 ] && ! grep -Eq "Invalid|uninitialised|definitely lost|indirectly lost|Mismatched" "$WORK/vg.log"; then
		ok "$what: valgrind reports nothing"
	else
		fail "$what: valgrind found problems"
		sed 's/^/    /' "$WORK/vg.log" | head -40
	fi
}

vg "replay hello, --trace --stats" 0 --replay "$RECS/hello.rec" --trace "$WORK/trace" --stats
assert_eq "Hello, KVM!" "$(cat "$WORK/out")" "replay hello under valgrind: the same output"
vg "replay flood" "$(cat "$RECS/flood.status")" --replay "$RECS/flood.rec"
assert_eq "$(wc -c <"$RECS/flood.out")" "$(wc -c <"$WORK/out")" "replay flood under valgrind: every byte"

size=$(wc -c <"$RECS/flood.rec")
head -c $((size - 30)) "$RECS/flood.rec" >"$WORK/cut.rec"
vg "a cut recording" 130 --replay "$WORK/cut.rec"
cp "$RECS/flood.rec" "$WORK/bad.rec"
printf '\xff\xff\xff\xff' | dd of="$WORK/bad.rec" bs=1 seek=$((size / 2)) conv=notrunc status=none
vg "a damaged recording" 4 --replay "$WORK/bad.rec"

finish
