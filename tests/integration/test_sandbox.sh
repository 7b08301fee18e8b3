#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sandbox: replays run sandboxed by default (src/sandbox) and still give every
# recording's output byte for byte with its status, with --trace, --stats and
# --dump too; a forbidden call made on purpose (KVMTUI_SANDBOX_TEST_FORBIDDEN,
# the test hook) by the vCPU thread or the console stops the run with status
# 18 and a line naming the call and the thread; --no-sandbox lets it through.
# Needs no KVM.
. "$(dirname "$0")/lib.sh"
RECS="$SOURCE_DIR/tests/recordings"
require_file "$RECS/hello.rec"
NOKVM=(--env KVM_TUI_DEVICE=/nonexistent/kvm)

# A sanitizer build runs without the sandbox (src/sandbox/sandbox.h).
if grep -q '^KVMTUI_SANITIZE:[A-Z]*=.' "$BINARY_DIR/CMakeCache.txt" 2>/dev/null; then
	skip host "a sanitizer build: no sandbox (LeakSanitizer's exit check cannot run under it)"
fi
# Whether this system takes seccomp filters at all (the unsandboxed note).
run "${NOKVM[@]}" --replay "$RECS/hello.rec"
if grep -q "seccomp filters are not available" "$ERR"; then
	skip host "no seccomp filters here: $(cat "$ERR")"
fi

for rec in "$RECS"/*.rec; do
	name=$(basename "$rec" .rec)
	run "${NOKVM[@]}" --replay "$rec" --trace "$WORK/$name.trace" --stats
	assert_eq "$(cat "$RECS/$name.status")" "$STATUS" "$name: the recorded status, sandboxed"
	if cmp -s "$RECS/$name.out" "$OUT"; then
		ok "$name: the recorded output byte for byte, sandboxed"
	else
		fail "$name: the output differs from $name.out"
		show_diff "$RECS/$name.out" "$OUT" 2>/dev/null || true
	fi
	if grep -q sandbox "$ERR"; then
		fail "$name: the sandbox spoke: $(cat "$ERR")"
	else
		ok "$name: nothing from the sandbox"
	fi
	# The same trace as without the sandbox.
	run "${NOKVM[@]}" --replay "$rec" --trace "$WORK/$name.free.trace" --no-sandbox
	cmp -s "$WORK/$name.trace" "$WORK/$name.free.trace" && ok "$name: the same trace with --no-sandbox" ||
		fail "$name: the trace differs with --no-sandbox"
done

# --dump prints through stdio after the console is confined.
run "${NOKVM[@]}" --replay "$RECS/hello.rec" --dump 0x7c00:16
assert_eq 0 "$STATUS" "--dump, sandboxed: status 0"
grep -q '^00007c00 ' "$OUT" && ok "--dump, sandboxed: the hexdump" || fail "--dump, sandboxed: no hexdump"

# forbidden ROLE THREAD: the test hook's openat from ROLE is stopped.
forbidden() {
	local role=$1 thread=$2
	run "${NOKVM[@]}" --env KVMTUI_SANDBOX_TEST_FORBIDDEN="$role" --replay "$RECS/hello.rec"
	assert_eq 18 "$STATUS" "a forbidden call from the $thread thread: status 18"
	local want="kvm-tui: sandbox: the $thread thread made a forbidden system call: openat (257); run with --no-sandbox to go on, and please report it"
	assert_eq "$want" "$(cat "$ERR")" "the $thread thread's forbidden call: the message names it"
	run "${NOKVM[@]}" --env KVMTUI_SANDBOX_TEST_FORBIDDEN="$role" --replay "$RECS/hello.rec" --no-sandbox
	assert_eq 0 "$STATUS" "--no-sandbox: the $thread thread's openat goes through"
	assert_eq "Hello, KVM!" "$(cat "$OUT")" "--no-sandbox: the replay as usual"
}
forbidden vcpu vCPU
forbidden console console

# --sandbox on a replay is the default said aloud; both options parse.
run "${NOKVM[@]}" --replay "$RECS/hello.rec" --sandbox
assert_eq 0 "$STATUS" "--sandbox on a replay: status 0"
# A live VM sandboxed on request: on a machine without KVM it gets as far as
# /dev/kvm (status 4), the options accepted.
run "${NOKVM[@]}" --sandbox "$GUESTS/hello.bin"
assert_eq 4 "$STATUS" "--sandbox with a guest and no KVM: status 4, as without it"
finish
