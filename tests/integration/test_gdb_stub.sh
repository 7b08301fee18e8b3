#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Debian's real gdb against the GDB stub (src/gdb) serving the pretend
# machine of tests/tools/gdb_fake.h (gdb_fake_target): no KVM needed.
# Connect, real mode (the stub serves the i8086 description), registers,
# memory with x/, a breakpoint, continue, step, write a register and
# memory and read them back, detach; a second gdb is turned away while the
# first is connected; a port in use is refused at startup. The 32- and
# 64-bit descriptions are loaded by gdb too. SKIPPED (tool) without gdb.
. "$(dirname "$0")/../lib/common.sh"

command -v gdb >/dev/null || skip_tool "gdb is not installed (scripts/deps.sh installs it)"
: "${GDB_FAKE_TARGET:=$BINARY_DIR/tests/gdb_fake_target}"
[ -x "$GDB_FAKE_TARGET" ] || { fail "no $GDB_FAKE_TARGET (build it)"; finish; }

FAKE_PID=
stop_fake() {
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null
	FAKE_PID=
}
trap 'stop_fake; rm -rf "$WORK"' EXIT

# start_fake MODE: the fake on a free port; PORT says which.
start_fake() {
	"$GDB_FAKE_TARGET" 0 "$1" >"$WORK/fake.out" 2>"$WORK/fake.log" &
	FAKE_PID=$!
	PORT=
	for _ in $(seq 100); do
		PORT=$(awk '/^port /{print $2}' "$WORK/fake.out")
		[ -n "$PORT" ] && return 0
		sleep 0.05
	done
	fail "gdb_fake_target did not say its port"
	finish
}

# gdb_run OUT ARGS...: gdb in batch mode against PORT, output to OUT.
gdb_run() {
	local out=$1
	shift
	timeout 60 gdb -batch -nx -ex "set confirm off" -ex "target remote 127.0.0.1:$PORT" "$@" >"$out" 2>&1
}

expect() { # expect FILE REGEX WHAT
	if grep -qE "$2" "$1"; then ok "$3"; else fail "$3 (no /$2/ in $1:)"; sed 's/^/    /' "$1"; fi
}

start_fake real
gdb_run "$WORK/real.txt" \
	-ex "set debug remote 0" \
	-ex "show architecture" \
	-ex "info registers eip esp edx cs cr0" \
	-ex "x/8xb 0x7c00" \
	-ex 'x/2i $cs*16+$eip' \
	-ex "break *0x7c05" \
	-ex "continue" \
	-ex 'printf "at %x\n", $pc' \
	-ex "stepi" \
	-ex 'printf "stepped to %x\n", $pc' \
	-ex 'set $eax = 0x1234' \
	-ex 'printf "eax %x\n", $eax' \
	-ex "set {unsigned char}0x600 = 0x5a" \
	-ex "x/1xb 0x600" \
	-ex 'p $st0' \
	-ex "detach"
expect "$WORK/real.txt" 'currently "i8086"' "real mode: gdb takes the i8086 description"
expect "$WORK/real.txt" '^eip +0x7c00' "registers: eip is IP (0x7c00)"
expect "$WORK/real.txt" '^esp +0x7000' "registers: esp"
expect "$WORK/real.txt" '^edx +0x80' "registers: edx (the boot drive)"
expect "$WORK/real.txt" '^cr0 +0x10' "registers: cr0 from kvm-tui's own feature"
expect "$WORK/real.txt" '0x7c00:.0x90.0x40.0x40.0xaa.0x90.0x40.0xeb.0xfe' "memory: x/8xb 0x7c00"
expect "$WORK/real.txt" 'inc +%ax' "x/i decodes 16-bit code"
expect "$WORK/real.txt" 'Breakpoint 1, 0x0*7c05' "continue stops at the breakpoint"
expect "$WORK/real.txt" '^at 7c05' "\$pc at the breakpoint"
expect "$WORK/real.txt" '^stepped to 7c06' "stepi moves one instruction"
expect "$WORK/real.txt" '^eax 1234' "a register written reads back"
expect "$WORK/real.txt" '^0x600:.0x5a' "memory written reads back"
expect "$WORK/real.txt" 'unavailable' "x87 registers are shown unavailable"
expect "$WORK/real.txt" 'Inferior 1 .* detached' "detach"
expect "$WORK/fake.log" 'client detached; the guest runs on' "the stub logs the detach"

# One at a time: a second gdb while the first holds the connection.
gdb_run "$WORK/first.txt" -ex "shell sleep 4" -ex 'printf "still %x\n", $pc' -ex "detach" &
first=$!
# Wait for it to be connected (gdb starts slowly on a loaded machine).
for _ in $(seq 600); do
	[ "$(grep -c 'connected;' "$WORK/fake.log")" -ge 2 ] && break
	sleep 0.05
done
[ "$(grep -c 'connected;' "$WORK/fake.log")" -ge 2 ] || fail "the first gdb did not connect in 30 s"
gdb_run "$WORK/second.txt" -ex 'p $pc'
wait "$first"
expect "$WORK/second.txt" 'another gdb is already connected' "a second gdb is told why it is turned away"
expect "$WORK/first.txt" '^still 7c06' "the first gdb is not disturbed"
expect "$WORK/fake.log" 'refused a second client' "the stub logs the refusal"

# A port in use is an error at startup, in words.
if "$GDB_FAKE_TARGET" "$PORT" >/dev/null 2>"$WORK/inuse.log"; then
	fail "a second stub on port $PORT started"
else
	expect "$WORK/inuse.log" "port $PORT on 127.0.0.1 is in use" "a port in use is refused with a message"
fi
ss_out=$(ss -ltnH "sport = :$PORT" 2>/dev/null || true)
if [ -n "$ss_out" ]; then
	if grep -q '127.0.0.1' <<<"$ss_out"; then ok "listens on 127.0.0.1 only"; else fail "listens on: $ss_out"; fi
fi
stop_fake

# The 32- and 64-bit descriptions: gdb loads them, registers and stepping work.
start_fake prot32
gdb_run "$WORK/prot32.txt" -ex "show architecture" -ex 'info registers eip' -ex "stepi" -ex 'printf "pc %x\n", $pc' -ex "detach"
expect "$WORK/prot32.txt" 'currently "i386"' "protected mode: the i386 description"
expect "$WORK/prot32.txt" '^pc 7c01' "protected mode: stepi"
stop_fake
start_fake long64
gdb_run "$WORK/long64.txt" -ex "show architecture" -ex 'info registers rip r15 fs_base efer' -ex "stepi" -ex 'printf "pc %x\n", $pc' -ex "detach"
expect "$WORK/long64.txt" 'currently "i386:x86-64"' "long mode: the x86-64 description"
expect "$WORK/long64.txt" '^efer +0x500' "long mode: efer"
expect "$WORK/long64.txt" '^pc 7c01' "long mode: stepi"
stop_fake
finish
