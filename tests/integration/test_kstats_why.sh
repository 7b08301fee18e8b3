#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# KVM's own counters (the vCPU's binary statistics) that cannot be read are
# said once, with the reason, never silently left out: with one descriptor
# too few for the statistics fd (ulimit -n, walked up from 3), the guest
# runs and --stats ends with "KVM's own counters: not available: WHY".
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin"

first_run=
for n in $(seq 3 40); do
	(ulimit -n "$n" && exec timeout -s KILL "$HANG_LIMIT" "$KVM_TUI" --headless --stats "$GUESTS/hello.bin") \
		</dev/null >"$WORK/out" 2>"$WORK/err"
	if [ $? -eq 0 ]; then
		first_run=$n
		break
	fi
done
if [ -z "$first_run" ]; then
	fail "no descriptor limit up to 40 lets hello run"
	finish
fi
assert_eq "Hello, KVM!" "$(cat "$WORK/out")" "ulimit -n $first_run: the fewest that run hello"
assert_file_contains "$WORK/err" "^KVM's own counters: not available: [^ ]" \
	"ulimit -n $first_run: --stats says KVM's counters are missing, and why"
assert_eq 1 "$(grep -c "KVM's own counters" "$WORK/err")" "ulimit -n $first_run: said once"

# With descriptors to spare the line is there only if the kernel has no
# binary statistics at all (before Linux 5.14), and then it says so.
run --headless --stats "$GUESTS/hello.bin"
assert_status 0 "no limit: hello runs"
if grep -q "KVM's own counters" "$ERR"; then
	assert_stderr_contains "not available: this kernel has no binary statistics" \
		"no limit: only an old kernel lacks the counters"
else
	ok "no limit: KVM's counters are read (no line)"
fi

finish
