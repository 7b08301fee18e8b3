#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sandbox in the TUI (a replay: sandboxed by default): a forbidden call
# made on purpose (the test hook KVMTUI_SANDBOX_TEST_FORBIDDEN) by the
# console, once the screen is up, or by the vCPU thread, ends kvm-tui with
# status 18, the line naming the call and the thread, and the terminal given
# back (cooked mode, echo, the shell usable); with --no-sandbox the same run
# goes on and quits normally. A sandboxed replay keeps answering keys and a
# resize.
# tui-twin: none (it only ever replays: it is its own KVM-less test)
. "$(dirname "$0")/tui_lib.sh"
require_tui --replay-only
REC="$RECORDINGS/count40.rec"
require_file "$REC"
if grep -q '^KVMTUI_SANITIZE:[A-Z]*=.' "$BINARY_DIR/CMakeCache.txt" 2>/dev/null; then
	skip host "a sanitizer build runs without the sandbox (src/sandbox/sandbox.h)"
fi

for role in console vcpu; do
	thread=$([ "$role" = vcpu ] && echo vCPU || echo console)
	START_ENV="KVMTUI_SANDBOX_TEST_FORBIDDEN=$role" start 80 24 --replay "$REC"
	wait_exit "a forbidden call from the $thread thread ends kvm-tui"
	assert_eq 18 "$STATUS" "$thread: status 18"
	if grep -qx "kvm-tui: sandbox: the $thread thread made a forbidden system call: openat (257); run with --no-sandbox to go on, and please report it" "$WORK/stderr"; then
		ok "$thread: the message names openat and the thread"
	else
		fail "$thread: no such message: $(cat "$WORK/stderr")"
	fi
	assert_sane_terminal
	wait_for '^\[kvm-tui exited\]' "$thread: the shell's next line shows on the normal screen"
done

# --no-sandbox: the hook's call goes through, the replay runs and quits.
START_ENV="KVMTUI_SANDBOX_TEST_FORBIDDEN=console" start 80 24 --replay "$REC" --no-sandbox
wait_for 'REPLAY' "--no-sandbox: the replay is on screen"
keys q
wait_exit "--no-sandbox: q quits"
assert_eq "" "$(cat "$WORK/stderr")" "--no-sandbox: nothing on stderr"
assert_sane_terminal

# Sandboxed, as by default: pause, resume, the help, a resize, then q.
start 80 24 --replay "$REC"
wait_for '^│1 ' "sandboxed: count40 is counting"
keys p
wait_for 'PAUSED' "sandboxed: p pauses"
keys '?'
sleep 0.3
keys Escape
resize 100 30
sleep 0.3
keys r q
wait_exit "sandboxed: q quits"
assert_eq "" "$(cat "$WORK/stderr")" "sandboxed: nothing on stderr"
assert_sane_terminal
finish
