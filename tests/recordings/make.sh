#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make.sh - records each lesson guest once, for the replay tests (needs /dev/kvm).
#
# The replay tests run on every machine, KVM or not, from what this writes:
#   NAME.rec     the recording (kvm-tui --record)
#   NAME.out     what the guest printed on COM1 (stdout), byte for byte
#   NAME.status  kvm-tui's exit status
#   NAME.counts  the exit counts by reason (--stats), one "REASON N" a line
# Run it again whenever the recording format changes (REC_VERSION), then
# commit the results:   tests/recordings/make.sh [path/to/kvm-tui] [NAME...]
# With NAMEs, only those are recorded again (the others keep their bytes):
#   tests/recordings/make.sh build/kvm-tui count40 escape
# Keep each recording small (under 50 KB): they live in git.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
kvm_tui=$src/build/kvm-tui
case "${1:-}" in
*/*) kvm_tui=$1; shift ;;
esac
only=" $* "
guests=$src/guests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$kvm_tui" ] || { echo "make.sh: no kvm-tui at $kvm_tui (build first)" >&2; exit 1; }
[ -r /dev/kvm ] || { echo "make.sh: recording needs /dev/kvm" >&2; exit 1; }

# wanted NAME: recorded in this run (all of them without NAMEs).
wanted() {
	[ "$only" = "  " ] || [[ $only == *" $1 "* ]]
}

# record NAME [kvm-tui options...]: stdin from $work/stdin.
record() {
	local name=$1
	shift
	wanted "$name" || return 0
	local status=0
	"$kvm_tui" --headless --stats --record "$here/$name.rec" "$@" \
		<"$work/stdin" >"$here/$name.out" 2>"$work/stats" || status=$?
	echo "$status" >"$here/$name.status"
	awk '$1 ~ /^[A-Z_0-9]+$/ && $2 ~ /^[0-9]+$/ { print $1, $2 }' "$work/stats" >"$here/$name.counts"
	printf '%-10s status %-3s %6s bytes  %s\n' "$name" "$status" \
		"$(wc -c <"$here/$name.rec")" "$(tr '\n' ' ' <"$here/$name.counts")"
}

: >"$work/stdin"
for g in hello minimal mmio protected long triple; do
	record "$g" "$guests/$g.bin"
done
record count --max-exits 6 "$guests/count.bin"
# count for the TUI's replay twins: ~17 lines over ~5 s at the recorded
# pace, long enough to pause, step and resize while it plays.
record count40 --max-exits 40 "$guests/count.bin"
# flood, cut to 3000 bytes (the byte count is the 32-bit value at offset 4).
cp "$guests/flood.bin" "$work/flood.bin"
printf '\xb8\x0b\x00\x00' | dd of="$work/flood.bin" bs=1 seek=4 conv=notrunc status=none
record flood "$work/flood.bin"
# the escape guest of tests/tui/test_escape.sh, for its replay twin
. "$src/tests/lib/escape_guest.sh"
make_escape_guest "$work/escape.bin"
record escape "$work/escape.bin"
printf 'hello\nq' >"$work/stdin"
record echo "$guests/echo.bin"
# the interrupt lessons: keys through the 8042 (the recording holds the
# scan codes the guest read, so a replay needs no input), the UART's
# receive interrupt, the CMOS clock (its replay shows the recorded time)
printf 'hI!\033' >"$work/stdin"
record keyboard --keyboard kbc "$guests/keyboard.bin"
printf 'hello\nq' >"$work/stdin"
record uartirq "$guests/uartirq.bin"
: >"$work/stdin"
record rtc "$guests/rtc.bin"
: >"$work/stdin"
# timer: five seconds of IRQ 0 ticks at 100 Hz (HLT, injection, EOI), for
# the replay twins of the timer tests; ends at the exit limit (a --timeout
# would be a status the replay cannot know: the run was stopped from outside).
record timer --max-exits 1100 "$guests/timer.bin"
# speaker: the whole scale (about 2 s), for its replay test and TUI twin
record speaker "$guests/speaker.bin"
