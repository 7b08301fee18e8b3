#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ELF guests: ELF32 starts in flat protected mode, ELF64 in long mode (from the
# ELF class), at the header's entry point, with the PT_LOAD at 1 MiB; --mode
# protected / --mode long say the same explicitly.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$TEST_GUESTS/elf32_hello" "$TEST_GUESTS/elf64_hello" "$TEST_GUESTS/elf32_split"

check_hello() { # LABEL TEXT
	assert_status 0 "$1: status 0"
	assert_stdout "$2" "$1 prints exactly '${2%\\n}\\n'"
	assert_eq 12 "$(trace_count "$WORK/trace" IO)" "$1: 12 IO exits"
	assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "$1: then the HLT"
	local rip
	rip=$(trace_field "$(head -n 1 "$WORK/trace")" rip)
	if [ -n "$rip" ] && [ $((rip)) -ge $((0x100000)) ] && [ $((rip)) -lt $((0x101000)) ]; then
		ok "$1: runs at 1 MiB (first exit at rip $rip)"
	else
		fail "$1: runs at 1 MiB (first exit at rip '$rip')"
	fi
}

run --headless --trace "$WORK/trace" "$TEST_GUESTS/elf32_hello"
check_hello "ELF32" 'ELF32 hello\n'
run --headless --trace "$WORK/trace" --mode protected "$TEST_GUESTS/elf32_hello"
check_hello "ELF32 --mode protected" 'ELF32 hello\n'

run --headless --trace "$WORK/trace" "$TEST_GUESTS/elf64_hello"
check_hello "ELF64" 'ELF64 hello\n'
run --headless --trace "$WORK/trace" --mode long "$TEST_GUESTS/elf64_hello"
check_hello "ELF64 --mode long" 'ELF64 hello\n'

# Two segments on either side of the PC memory hole (data at 0x7c00, code at
# 1 MiB): no byte lands in the hole, so it runs, and prints the text that
# only the low segment holds.
run --headless --trace "$WORK/trace" "$TEST_GUESTS/elf32_split"
check_hello "ELF32 split around the hole" 'ELF32 split\n'

# A truncated ELF (the header promises a segment the file does not hold) is
# a clear error, not a crash.
head -c 100 "$TEST_GUESTS/elf64_hello" >"$WORK/truncated.elf"
run --headless "$WORK/truncated.elf"
assert_status 4 "a truncated ELF64: status 4"
assert_stderr_contains "truncated.elf" "a truncated ELF64: the message names the file"
assert_stdout_empty "a truncated ELF64: nothing on stdout"

finish
