#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Running out of file descriptors, at each of kvm-tui's opens in turn
# (ulimit -n N for growing N): every failure is status 4 with one line that
# names the cause (two where the cause needs a hint), never a crash, a hang or a guest that cannot be stopped.
# The signalfd that makes Ctrl-C work is among the first: failing to get it
# refuses to start. Runs with or without KVM: the walk ends at a clean run,
# or at the "no KVM" message where there is none.
. "$(dirname "$0")/lib.sh"
require_file "$GUESTS/hello.bin"

saw_signalfd=no
ended=no
err="$WORK/err"
for n in $(seq 3 40); do
	# The redirections are made before the limit, exec adds no descriptor.
	(ulimit -n "$n" && exec timeout -s KILL "$HANG_LIMIT" "$KVM_TUI" --headless "$GUESTS/hello.bin") \
		</dev/null >"$WORK/out" 2>"$err"
	status=$?
	# Too few descriptors for the dynamic loader: kvm-tui never ran.
	grep -q "^kvm-tui:" "$err" || [ "$status" -eq 0 ] || continue
	grep -qi "signalfd" "$err" && saw_signalfd=yes
	if [ "$status" -eq 0 ]; then
		ended=yes
		assert_eq "Hello, KVM!" "$(cat "$WORK/out")" "ulimit -n $n: enough, hello runs"
		break
	fi
	lines=$(wc -l <"$err")
	assert_eq "4 yes" "$status $([ "$lines" -le 2 ] && echo yes)" \
		"ulimit -n $n: status 4, $lines line(s): $(head -n 1 "$err")"
	if ! grep -qi "too many open files" "$err"; then
		ended=yes # the first failure not about descriptors: no KVM here
		break
	fi
done
assert_eq yes "$ended" "the walk ends at a run that is not short of descriptors"
assert_eq yes "$saw_signalfd" "one limit leaves no descriptor for the signalfd: refused, said so"

finish
