#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Registers sized to the CPU mode and the mode in words: REAL (AX..),
# PROTECTED 32 (EAX..), LONG 64 (RAX..R15); CR0/CR4/EFER bits named. A guest
# that triple-faults shows SHUTDOWN, keys that cannot run it say why, and
# quitting then gives status 6.
. "$(dirname "$0")/tui_lib.sh"
require_tui

guest protected
start 120 40 "${GUEST[@]}"
wait_for 'HALTED *$' "protected halted"
assert_screen 'PROTECTED 32 MODE' "the mode: PROTECTED 32"
assert_screen 'EAX [0-9a-f]{8} +EBX [0-9a-f]{8}' "32-bit registers EAX, EBX"
assert_screen 'EIP [0-9a-f]{8} +EFLAGS' "EIP and EFLAGS"
assert_screen 'CR0 +[0-9a-f]{8} .*PE' "CR0.PE is named and set"
assert_screen 'CS +0008 .*code' "CS holds a 32-bit code selector"
keys q
wait_exit "q quits (protected)"

guest long
start 200 60 "${GUEST[@]}"
wait_for 'HALTED *$' "long halted"
assert_screen 'LONG 64 MODE' "the mode: LONG 64"
assert_screen 'RAX [0-9a-f]{16}' "64-bit RAX"
assert_screen 'R15 [0-9a-f]{16}' "R8..R15 appear in 64-bit mode"
assert_screen 'RIP [0-9a-f]{16} +RFLAGS' "RIP and RFLAGS"
assert_screen 'EFER +00000500 .*LMA LME' "EFER: LMA and LME named and set"
assert_screen 'CR4 +00000020 PAE' "CR4: PAE named"
assert_screen 'CR0 +[0-9a-f]{8} PG .*PE' "CR0: PG and PE set (upper case)"
assert_screen 'CS +0008 .*64-bit' "CS is a 64-bit code segment"
keys q
wait_exit "q quits (long)"

guest triple
start 120 40 "${GUEST[@]}"
wait_for 'SHUTDOWN *$' "triple: the state is SHUTDOWN"
assert_screen 'SHUTDOWN +triple fault' "the SHUTDOWN exit is in the log"
assert_screen 'IDTR [0-9a-f]{8}/0000' "the registers show the zero-limit IDT"
keys s
if live_only "the live message for s on a stopped vCPU"; then
	wait_for 'the guest has stopped \(SHUTDOWN\): R resets it' "s on a stopped guest says why nothing happens"
else
	wait_for 'at the end: S steps back, R restarts' "s at the recording's end says why nothing happens"
fi
keys q
wait_exit "q quits (triple)"
assert_eq 6 "$STATUS" "a triple-faulted guest: status 6"
assert_sane_terminal
finish
