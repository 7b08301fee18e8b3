#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# speaker: the speaker guest plays a scale on PIT channel 2 through port
# 61h, a quarter of a second a note timed by IRQ 0 and HLT. kvm-tui makes
# no sound; --stats says how many notes the speaker sounded and the last
# one's frequency, worked out on the console's side from the port accesses
# (src/decode). With --irqchip kernel KVM runs the PIT and port 61h itself,
# no access reaches kvm-tui, and --stats says nothing about the speaker
# rather than something untrue.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/speaker.bin"
MODES=$(irqchip_modes_here user kernel)

printf '%s Hz\n' 'C4 261.6' 'D4 293.7' 'E4 329.6' 'F4 349.2' 'G4 392.0' 'A4 440.0' 'B4 493.9' \
	'C5 523.3' >"$WORK/expected"
echo done >>"$WORK/expected"

start=$(date +%s%N)
run --headless --stats --trace "$WORK/trace" "$GUESTS/speaker.bin"
ms=$((($(date +%s%N) - start) / 1000000))
assert_status 0 "speaker halts with interrupts off: status 0"
assert_stdout_file "$WORK/expected" "speaker prints each note, then done"
assert_stderr_contains '^speaker: sounded 8 times, last 523\.3 Hz$' \
	"--stats: eight notes, the last C5 at 523.3 Hz"
# Eight notes of 25 ticks at 100 Hz: two seconds of guest time, never less
# (the ticks are real time), and no busy loop: a HLT per tick.
assert_ge 1900 "$ms" "the scale takes about 2 s (${ms} ms): a quarter second a note"
hlt=$(stats_count HLT)
assert_ge 200 "${hlt:-0}" "a HLT per tick: 8 x 25 ticks (got ${hlt:-0})"
if [ "${hlt:-0}" -le 210 ]; then
	ok "no more HLT exits than ticks (${hlt:-0})"
else
	fail "more HLT exits than ticks: ${hlt:-0} for 200"
fi
# Channel 2's counts, each shown whole in the trace, in order.
grep -o '"decode":"PIT ch2 mode 3 rate [0-9]*' "$WORK/trace" | awk '{ print $NF }' | tr '\n' ' ' >"$WORK/counts"
assert_eq "4561 4063 3620 3417 3044 2712 2416 2280 " "$(cat "$WORK/counts")" \
	"the trace decodes channel 2's eight counts"
assert_file_contains "$WORK/trace" '"port":"0x61".*"decode":"port 61h: gate2 off, speaker off"' \
	"the trace shows the speaker switched off at the end"

# Without --stats or --trace the decoder does not run, and nothing changes.
run --headless "$GUESTS/speaker.bin"
assert_status 0 "speaker without --stats: status 0"
assert_stdout_file "$WORK/expected" "speaker without --stats: the same output"
if grep -q '^speaker:' "$ERR"; then
	fail "no --stats, yet a speaker line"
else
	ok "no --stats: no speaker line"
fi

if [[ " $MODES " == *" kernel "* ]]; then
	run --headless --stats --irqchip kernel "$GUESTS/speaker.bin"
	assert_status 0 "--irqchip kernel: status 0"
	assert_stdout_file "$WORK/expected" "--irqchip kernel: the same notes printed"
	if grep -q '^speaker:' "$ERR"; then
		fail "--irqchip kernel: a speaker line, though no port 61h access reached kvm-tui"
	else
		ok "--irqchip kernel: KVM's PIT and port 61h: the speaker is not known, and not reported"
	fi
fi

finish
