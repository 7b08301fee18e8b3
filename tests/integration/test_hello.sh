#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# hello: "Hello, KVM!\n" on COM1 - exactly 12 IO exits (one OUT per byte, in
# order, each carrying its byte) and 1 HLT; status 0.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin"

run --headless "$GUESTS/hello.bin"
assert_status 0 "hello halts: status 0"
assert_stdout 'Hello, KVM!\n' "hello prints exactly 'Hello, KVM!\\n'"

# A name that is not a path is looked up among the guests (installed, or
# in the source tree): from any directory.
cd "$WORK" || exit 1
run --headless hello
cd - >/dev/null || exit 1
assert_status 0 "'kvm-tui --headless hello' (a name, not a path): status 0"
assert_stdout 'Hello, KVM!\n' "'kvm-tui --headless hello' finds and runs hello"

# Options may follow the guest, as with GNU tools.
run hello --headless --stats
assert_status 0 "'kvm-tui hello --headless --stats' (options after the guest): status 0"
assert_stdout 'Hello, KVM!\n' "'kvm-tui hello --headless --stats' runs hello"
assert_stderr_contains "13" "'kvm-tui hello --headless --stats': --stats taken after the guest"

# The trace, exit by exit.
run --headless --trace "$WORK/trace" --stats "$GUESTS/hello.bin"
assert_status 0 "hello with --trace --stats: status 0"
assert_stdout 'Hello, KVM!\n' "--trace and --stats keep stdout the guest's alone"
{
	for c in 48 65 6c 6c 6f 2c 20 4b 56 4d 21 a; do
		echo "IO out 0x3f8 1 1 0x$c"
	done
	echo "HLT"
} >"$WORK/trace.expected"
trace_summary "$WORK/trace" >"$WORK/trace.summary"
if cmp -s "$WORK/trace.expected" "$WORK/trace.summary"; then
	ok "trace: 12 IO out 0x3f8 (H e l l o , ' ' K V M ! \\n) then 1 HLT"
else
	fail "trace: 12 IO out 0x3f8 then 1 HLT"
	diff -u "$WORK/trace.expected" "$WORK/trace.summary" | sed 's/^/    /'
fi
assert_eq "1 2 3 4 5 6 7 8 9 10 11 12 13" \
	"$(sed -n 's/^{"seq":\([0-9]*\),.*/\1/p' "$WORK/trace" | tr '\n' ' ' | sed 's/ $//')" \
	"trace: seq numbers 1..13"
assert_eq 13 "$(stats_count total)" "--stats: 13 exits in total"
assert_eq 12 "$(stats_count IO)" "--stats: 12 IO"
assert_eq 1 "$(stats_count HLT)" "--stats: 1 HLT"

# The image is a PC boot sector: 512 bytes ending 55 AA.
assert_eq 512 "$(wc -c <"$GUESTS/hello.bin")" "hello.bin is 512 bytes"
assert_eq "55aa" "$(tail -c 2 "$GUESTS/hello.bin" | od -An -tx1 | tr -d ' \n')" \
	"hello.bin ends with the 55 AA signature"

finish
