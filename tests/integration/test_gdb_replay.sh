#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# gdb_replay: --gdb PORT serves the VM to Debian's gdb; here a replay of
# hello (no KVM needed: the stub, the seam link and the vCPU loop are the
# same live). Connect (the guest is stopped for gdb), read registers and
# memory, step (in a replay: to the next exit), continue to kvm-tui's own
# breakpoint (SIGTRAP), continue to the end ("exited normally"); QEMU's
# -gdb tcp::PORT spelling; a port in use and bad ports are refused.
. "$(dirname "$0")/lib.sh"
REC=$SOURCE_DIR/tests/recordings/hello.rec
require_file "$REC"
command -v gdb >/dev/null || skip_tool "gdb is not installed (scripts/deps.sh installs it)"
export KVM_TUI_DEVICE=/nonexistent/kvm

# A free port: bind 0, read it, let it go.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# serve PORT [options]: kvm-tui in the background, headless, on the replay.
serve() {
	local port=$1
	shift
	"$KVM_TUI" --replay "$REC" --headless "$@" >"$WORK/serve.out" 2>"$WORK/serve.err" &
	SERVER=$!
	for _ in $(seq 50); do
		grep -q . "$WORK/serve.err" 2>/dev/null && break
		# Listening yet? A bind fails then; a connect would be a client (and
		# its going away would let the guest run on).
		python3 -c "import socket; socket.socket().bind(('127.0.0.1', $port))" 2>/dev/null || break
		sleep 0.1
	done
}

# served_status: waits (10 s at most) for the server; its status in SERVED.
served_status() {
	local i
	for i in $(seq 100); do
		kill -0 "$SERVER" 2>/dev/null || break
		sleep 0.1
	done
	kill "$SERVER" 2>/dev/null
	wait "$SERVER"
	SERVED=$?
}

gdb_run() { # gdb_run PORT COMMANDS...: gdb in batch mode, its output in $WORK/gdb.out
	local port=$1
	shift
	local -a ex=(-ex "set confirm off" -ex "target remote :$port")
	local c
	for c in "$@"; do ex+=(-ex "$c"); done
	timeout 60 gdb -batch -nx "${ex[@]}" >"$WORK/gdb.out" 2>&1
}

PORT=$(free_port)
serve "$PORT" --paused --gdb "$PORT"
gdb_run "$PORT" "info registers eip" "x/4xb 0x7c00" "x/2i 0x7c1d" "stepi" "info registers eip eax" "continue"
assert_file_contains "$WORK/gdb.out" 'eip +0x7c00' "gdb reads the registers: EIP 0x7c00 at the start"
assert_file_contains "$WORK/gdb.out" '0x7c00:.0xfa.0x31.0xc0.0x8e' "... and memory: the boot sector"
assert_file_contains "$WORK/gdb.out" '0x7c1d:.out +%al,\(%dx\)' "... and disassembles it as 16-bit code"
assert_file_contains "$WORK/gdb.out" 'eip +0x7c1e' "stepi: in a replay, to the next exit (past the first OUT)"
assert_file_contains "$WORK/gdb.out" 'eax +0x48' "... with AL = 'H'"
assert_file_contains "$WORK/gdb.out" 'exited normally' "continue: the guest runs to its end"
served_status
assert_eq 0 "$SERVED" "kvm-tui ends as the guest did"
assert_eq "Hello, KVM!" "$(cat "$WORK/serve.out")" "the guest's output, whole"
assert_file_contains "$WORK/serve.err" 'gdb: client .* connected' "stderr says a client connected"

PORT=$(free_port)
serve "$PORT" --paused -gdb "tcp::$PORT" --break out:0x3f8
gdb_run "$PORT" "continue" "info registers eip eax" "continue" "info registers eax"
assert_file_contains "$WORK/gdb.out" 'SIGTRAP' "QEMU's -gdb tcp::PORT; kvm-tui's --break stops gdb's continue with SIGTRAP"
assert_file_contains "$WORK/gdb.out" 'eip +0x7c1e' "... after the first OUT"
assert_file_contains "$WORK/gdb.out" 'eax +0x65' "continue again: the next OUT ('e'), not the end of the run"
kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null

# A port in use is refused before anything runs.
python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)' >"$WORK/busy" &
BUSY=$!
for _ in $(seq 50); do [ -s "$WORK/busy" ] && break; sleep 0.1; done
run --replay "$REC" --gdb "$(cat "$WORK/busy")"
assert_status 4 "a port in use: status 4"
assert_stderr_contains 'in use' "... saying so"
kill "$BUSY" 2>/dev/null

for bad in 0 65536 abc tcp:example.com:1234 "tcp::"; do
	run --replay "$REC" --gdb "$bad"
	assert_status 2 "--gdb '$bad' is a usage error"
done
finish
