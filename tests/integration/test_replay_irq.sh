#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# replay_irq: the timer guest's recording (tests/recordings/timer.rec)
# replayed with no KVM at all: the interrupts come back as IRQ lines in the
# trace and the port decodes, which need the order of the accesses (the
# PIT's flip-flop, the PIC's in-service IRQ), are rebuilt from the records
# alone: a replay has no devices.
. "$(dirname "$0")/lib.sh"
REC="$SOURCE_DIR/tests/recordings/timer.rec"
require_file "$REC"

run --env KVM_TUI_DEVICE=/nonexistent/kvm --replay "$REC" --stats --trace "$WORK/trace"
assert_status "$(cat "$SOURCE_DIR/tests/recordings/timer.status")" "replay: the recorded status"
check_irq_trace "$WORK/trace" "replay"
cp "$WORK/trace" "$WORK/first"
run --env KVM_TUI_DEVICE=/nonexistent/kvm --replay "$REC" --trace "$WORK/trace"
if cmp -s "$WORK/first" "$WORK/trace"; then
	ok "two replays write the same trace, byte for byte"
else
	fail "two replays' traces differ"
	diff "$WORK/first" "$WORK/trace" | head -5 | sed 's/^/    /'
fi

finish
