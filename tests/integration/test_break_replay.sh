#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# break_replay: --break with --headless ends the run where the breakpoint
# hits, with the registers on stderr and status 16 (no KVM: from the
# recordings). hello's first OUT to COM1 is exit #1 (one byte out, 'H');
# long.bin enters long mode before exit #68; hello's final HLT ends the run
# as without a breakpoint (HALTED wins); bad ones are usage errors.
. "$(dirname "$0")/lib.sh"
REC=$SOURCE_DIR/tests/recordings
require_file "$REC/hello.rec"
export KVM_TUI_DEVICE=/nonexistent/kvm

run --replay "$REC/hello.rec" --break out:0x3f8
assert_status 16 "a breakpoint ends a headless run with status 16"
assert_stdout 'H' "the guest ran up to the breakpoint: one byte out"
assert_stderr_contains '^kvm-tui: breakpoint 1 \(out:0x3f8\) hit at exit #1$' "stderr names it and the exit"
assert_stderr_contains 'mode REAL  CS:IP 0000:7c1e' "... where the guest is"
assert_stderr_contains 'AX 0048 .* DX 03f8' "... and its registers (AL 'H', DX the port)"

run --replay "$REC/hello.rec" --break in:0x3f8 --break io:0x3f9
assert_status 0 "breakpoints that never match: the guest runs to its end"
assert_stdout_file "$REC/hello.out"

run --replay "$REC/hello.rec" --break hlt
assert_status 0 "a HLT that ends the guest ends it as HALTED"

run --replay "$REC/long.rec" --break mode:lma
assert_status 16 "mode:lma stops once long mode is on"
assert_stderr_contains 'breakpoint 1 \(mode:lma\) hit at exit #68' "... at the first exit after the switch"
assert_stderr_contains 'mode LONG 64' "... in 64-bit code"
assert_stderr_contains 'EFER 00000500' "... with EFER.LME and LMA set"

run --replay "$REC/mmio.rec" --break mmio:write:0xb8000:0x8000
assert_status 16 "an MMIO range with a direction"
assert_stderr_contains 'mmio:write:0xb8000:0x8000' "... named as given"

for bad in "bogus" "io:0x10000" "0x7c10" "watch:0x7e00:2" "mode:x"; do
	run --replay "$REC/hello.rec" --break "$bad"
	assert_status 2 "--break '$bad' is a usage error"
	assert_stderr_contains "--break '$bad'" "... naming it"
done
finish
