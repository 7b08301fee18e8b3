#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# replay_speaker: the speaker guest's recording (tests/recordings) replayed
# with no KVM at all: --stats still names the notes, because the speaker
# is worked out from the recorded port accesses, not asked of a device (a
# replay has none).
. "$(dirname "$0")/lib.sh"
RECS="$SOURCE_DIR/tests/recordings"
require_file "$RECS/speaker.rec"

run --env KVM_TUI_DEVICE=/nonexistent/kvm --replay "$RECS/speaker.rec" --stats
assert_status "$(cat "$RECS/speaker.status")" "replay: the recorded status"
assert_stdout_file "$RECS/speaker.out" "replay: the recorded notes"
assert_stderr_contains '^speaker: sounded 8 times, last 523\.3 Hz$' \
	"replay --stats: eight notes, the last at 523.3 Hz, without devices"

finish
