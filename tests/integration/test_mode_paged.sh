#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --mode paged: the ELF32 guest under 32-bit paging (identity-mapped by
# kvm-tui). kvm-pvm cannot run 32-bit paging: SKIPPED there, with the reason.
. "$(dirname "$0")/lib.sh"
require_kvm
require_32bit_paging
require_file "$TEST_GUESTS/elf32_hello"

run --headless --mode paged --trace "$WORK/trace" "$TEST_GUESTS/elf32_hello"
assert_status 0 "ELF32 --mode paged: status 0"
assert_stdout 'ELF32 hello\n' "ELF32 --mode paged prints exactly 'ELF32 hello\\n'"
assert_eq 12 "$(trace_count "$WORK/trace" IO)" "ELF32 --mode paged: 12 IO exits"
assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "ELF32 --mode paged: then the HLT"

finish
