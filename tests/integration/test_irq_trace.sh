#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# irq_trace: the timer guest live, headless: --trace writes each injected
# interrupt as its own JSON line between the exits and decodes the device
# port accesses (PIT programming, PIC masks, the handler's EOI); --stats
# counts the interrupts per IRQ line. test_replay_irq.sh checks the same
# on the recording, without KVM.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/timer.bin"

run --headless --timeout 1.5 --stats --trace "$WORK/trace" "$GUESTS/timer.bin"
assert_status 124 "timer runs until --timeout"
check_irq_trace "$WORK/trace" "live"
assert_stderr_contains '^interrupts: [0-9]+ total, [0-9]+/s$' "--stats: the interrupts' total and rate"
# The exit lines are what they always were, plus "decode" on device ports.
assert_eq "$(trace_count "$WORK/trace")" "$(stats_count total)" "--trace: one exit line per exit counted"

finish
