#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# valgrind: a normal headless run is clean under memcheck: no invalid reads or
# writes, no uninitialised values, no leaks. SKIPPED where valgrind is missing.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin" "$GUESTS/echo.bin"
command -v valgrind >/dev/null || skip tool "valgrind is not installed (apt-get install valgrind)"

VG=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --log-file="$WORK/vg.log")

check_clean() { # what
	# (valgrind's note about KVM's unknown ioctls is a warning, not an error)
	if [ "$STATUS" -ne 99 ] && ! grep -Eq "Invalid|uninitialised|definitely lost|indirectly lost|Mismatched" "$WORK/vg.log"; then
		ok "$1: valgrind reports nothing"
	else
		fail "$1: valgrind found problems"
		sed 's/^/    /' "$WORK/vg.log" | head -40
	fi
}

KVM_TUI_REAL=$KVM_TUI
run_vg() { STATUS=0; timeout -s KILL 120 "${VG[@]}" "$KVM_TUI_REAL" "$@" >"$WORK/out" 2>"$WORK/err" || STATUS=$?; }

run_vg --headless --stats --trace "$WORK/trace" "$GUESTS/hello.bin"
assert_eq 0 "$STATUS" "hello under valgrind: status 0"
assert_eq "Hello, KVM!" "$(cat "$WORK/out")" "hello under valgrind: the same output"
check_clean "hello, headless, --trace --stats"

run_vg --headless --record "$WORK/hello.rec" "$GUESTS/hello.bin"
assert_eq 0 "$STATUS" "hello --record under valgrind: status 0"
check_clean "hello, headless, --record (the writer thread, zstd)"

printf 'hi\rq' >"$WORK/in"
STATUS=0
timeout -s KILL 120 "${VG[@]}" "$KVM_TUI_REAL" --headless "$GUESTS/echo.bin" <"$WORK/in" >"$WORK/out" 2>"$WORK/err" || STATUS=$?
assert_eq 0 "$STATUS" "echo under valgrind: status 0"
check_clean "echo, headless, stdin to the UART"

# The TUI, the normal way to run kvm-tui: in tmux, pause, step, reset, zoom,
# quit. ncurses keeps its terminfo caches until exit ("possibly lost" and
# "still reachable" inside libtinfo): not counted, only definite and
# indirect leaks and real errors are.
if command -v tmux >/dev/null; then
	sock="kvmtui-vg-$$"
	tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
		"${VG[*]} $KVM_TUI_REAL $GUESTS/count.bin; echo \$? >$WORK/tui.status"
	# valgrind starts slowly: wait for the UI before typing
	for _ in $(seq 1 150); do
		tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q 'RUNNING *$' && break
		sleep 0.2
	done
	for key in p s R 2 2 q; do
		tmux -L "$sock" send-keys "$key"
		sleep 1
	done
	for _ in $(seq 1 300); do [ -s "$WORK/tui.status" ] && break; sleep 0.2; done
	tmux -L "$sock" kill-server 2>/dev/null
	STATUS=$(cat "$WORK/tui.status" 2>/dev/null || echo 137)
	assert_eq 0 "$STATUS" "the TUI under valgrind quits with status 0 after p s R 2 2 q"
	check_clean "the TUI on count: pause, step, reset, zoom, quit"
else
	echo "SKIPPED part: tmux missing, the TUI run under valgrind was not checked" >&2
fi

finish
