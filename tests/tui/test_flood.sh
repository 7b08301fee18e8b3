#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Keys act at once while the guest floods the console with output: p pauses
# within moments, r resumes, the serial pane shows the flood's lines intact,
# and at the end the guest's debug-exit status is shown and returned.
# Replay twin: flood.rec (3000 bytes, 41 ms as recorded) played at 0.01x, so
# that it floods the console for 4 s, a few hundred lines a second: time to
# press p while it pours in.
. "$(dirname "$0")/tui_lib.sh"
require_tui

if is_replay; then
	guest flood --speed 0.01
	total_re='3001'     # 3000 outs and the debug exit, as recorded
else
	require_file "$GUESTS/flood.bin"
	# 300000 bytes instead of 1 MiB: N is the little-endian dword at offset 4.
	cp "$GUESTS/flood.bin" "$WORK/flood.bin"
	printf '\xe0\x93\x04\x00' | dd of="$WORK/flood.bin" bs=1 seek=4 conv=notrunc status=none
	guest flood --bin "$WORK/flood.bin"
	# 300000 IO outs, the debug-exit OUT, and an INTR for each kick that
	# caught the vCPU inside KVM_RUN (the pause's, and under load maybe one
	# more): every exit counted.
	total_re='30000[1-4]'
fi

start 120 40 "${GUEST[@]}"
wait_for '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-' "the flood's lines fill the serial pane"
t0=$(date +%s%N)
keys p
WAIT_LIMIT=3 wait_for 'PAUSED *$' "p pauses a flooding guest"
t1=$(date +%s%N)
echo "# p took $(( (t1 - t0) / 1000000 )) ms to show PAUSED"
total=$(screen | sed -n 's/.*total \([0-9]*\) exits.*/\1/p')
sleep 0.3
assert_eq "$total" "$(screen | sed -n 's/.*total \([0-9]*\) exits.*/\1/p')" "paused: the exit count stands still"
# every complete line in the pane is the flood's line, unbroken
broken=$(pane_region 1 17 1 64 | grep -cvE '^(0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-|[0-9a-zA-Z-]* *)$')
assert_eq 0 "$broken" "no garbled line in the serial pane"

keys r
WAIT_LIMIT=60 wait_for 'EXITED 16 *$' "r: the flood runs to its end: the guest exits with 16"
assert_screen "exits . $total_re total" "every exit is counted: the outs, the debug exit (and live, the kicks)"
assert_screen "#$total_re .*IO +outb 0xf4 debug-exit 10" "the last exit is the debug-exit OUT of 0x10"
keys q
wait_exit "q quits"
assert_eq 33 "$STATUS" "the guest's debug-exit status (16<<1)|1 = 33 is kvm-tui's"
assert_sane_terminal
finish
