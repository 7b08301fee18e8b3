#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# .ci/test_summary: counts what ran and what skipped from ctest's output and
# LastTest.log, and fails a no-kvm skip only where the KVM device is usable.
# The device is faked: /dev/null opens read-write ("usable"), a missing path
# does not. No KVM needed.
. "$(dirname "$0")/lib.sh"
SUMMARY="$SOURCE_DIR/.ci/test_summary"
require_file "$SUMMARY"

# ctest_run OUT LOGDIR NAME:HOW:SKIPLINE...: a fake ctest run of these tests
# (HOW is Passed, Skipped or "Not Run"; SKIPLINE what the test printed).
ctest_run() {
	local out=$1 dir=$2 i=0 spec name how line total=$(( $# - 2 ))
	shift 2
	mkdir -p "$dir/Testing/Temporary"
	: >"$dir/Testing/Temporary/LastTest.log"
	{
		for spec in "$@"; do
			i=$((i + 1))
			IFS=: read -r name how line <<<"$spec"
			printf '%s/%s Testing: %s\n%s/%s Test: %s\nOutput:\n%s\n' \
				"$i" "$total" "$name" "$i" "$total" "$name" "---" 
			[ -n "$line" ] && echo "$line"
			printf 'ok - something\n<end of output>\nTest Passed.\n\n'
		done
	} >"$dir/Testing/Temporary/LastTest.log"
	{
		echo "100% tests passed, 0 tests failed out of $total"
		echo
		echo "Total Test time (real) =   1.00 sec"
		echo
		echo "The following tests did not run:"
		i=0
		for spec in "$@"; do
			i=$((i + 1))
			IFS=: read -r name how line <<<"$spec"
			[ "$how" = Passed ] || printf '\t %2d - %s (%s)\n' "$i" "$name" "$how"
		done
	} >"$out"
}

# summarize DEVICE: runs test_summary on the fake run; sets STATUS, OUT, ERR.
summarize() {
	RUNS=$(( ${RUNS:-0} + 1 ))
	OUT="$WORK/sum$RUNS.out" ERR="$WORK/sum$RUNS.err" CMD="test_summary (device $1)"
	KVM_TUI_DEVICE=$1 bash "$SUMMARY" "$WORK/ctest.out" "$WORK/b" >"$OUT" 2>"$ERR"
	STATUS=$?
}

usable=/dev/null
absent="$WORK/no-kvm-here"

ctest_run "$WORK/ctest.out" "$WORK/b" "unit.a:Passed:" "integration.b:Passed:" \
	"integration.mode_paged:Skipped:SKIPPED: host: 32-bit paging is not supported" \
	"integration.valgrind:Skipped:SKIPPED: tool: valgrind is not installed"
summarize "$usable"
assert_status 0 "host and tool skips on a KVM host: accepted"
assert_file_contains "$OUT" "^tests: 4 in total, 2 ran, 2 skipped \\(no-kvm 0, host 1, tool 1, unknown 0\\)" \
	"the counts: 4 in total, 2 ran, 2 skipped, by category"
assert_file_contains "$OUT" "integration.mode_paged: host: 32-bit paging" "each skip is listed with its reason"

ctest_run "$WORK/ctest.out" "$WORK/b" "unit.a:Passed:" \
	"integration.hello:Skipped:SKIPPED: no-kvm: /dev/kvm not available"
summarize "$usable"
assert_status 1 "a no-kvm skip where the device is usable: failed"
assert_file_contains "$ERR" "opens read-write, yet 1 test\\(s\\) skipped for want of KVM" "and says why"
assert_file_contains "$OUT" "no-kvm 1" "counted as no-kvm"
summarize "$absent"
assert_status 0 "the same skip where there is no device: accepted"
assert_file_contains "$OUT" "usable: no" "the summary says the device is not usable"
assert_eq no "$([ -e "$absent" ] && echo yes || echo no)" "checking the device never creates it"

ctest_run "$WORK/ctest.out" "$WORK/b" "unit.a:Passed:" "unit.b:Skipped:SKIPPED: no terminfo"
summarize "$absent"
assert_status 1 "a skip without a category: failed, KVM or not"
assert_file_contains "$OUT" "unknown 1" "counted as unknown"

ctest_run "$WORK/ctest.out" "$WORK/b" "unit.a:Passed:" "unit.b:Not Run:"
summarize "$absent"
assert_status 1 "a test that did not run (Not Run): failed"

# ctest lists failures right after the skips: they are not skips.
ctest_run "$WORK/ctest.out" "$WORK/b" "unit.a:Passed:" "unit.b:Skipped:SKIPPED: host: x"
printf 'The following tests FAILED:\n\t  1 - unit.a (Failed)\n' >>"$WORK/ctest.out"
summarize "$usable"
assert_status 0 "a FAILED list after the skips is not read as skips (ctest fails the run itself)"
assert_file_contains "$OUT" "1 skipped \\(no-kvm 0, host 1" "one skip, a host one"

echo "no summary here" >"$WORK/ctest.out"
summarize "$absent"
assert_status 1 "no ctest summary line: failed"

# CI runs the README's test command exactly.
readme_cmd=$(grep -m 1 -A 3 '^Build and run all the tests:' "$SOURCE_DIR/README.md" | grep '^scripts/deps.sh')
assert_ge 1 "${#readme_cmd}" "the README has its test command"
if grep -qF -- "$readme_cmd" "$SOURCE_DIR/.ci/run"; then
	ok ".ci/run runs the README's test command as written"
else
	fail ".ci/run runs the README's test command as written ($readme_cmd)"
fi

finish
