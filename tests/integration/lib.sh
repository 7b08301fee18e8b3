# SPDX-License-Identifier: MIT
# lib.sh - shared helpers for the integration tests (sourced, not run).
#
# Every tests/integration/test_<name>.sh is one ctest test. ctest provides:
#   KVM_TUI      the kvm-tui binary
#   SOURCE_DIR   the source tree;  GUESTS      = $SOURCE_DIR/guests
#   BINARY_DIR   the build tree;   TEST_GUESTS = $BINARY_DIR/tests/guests
# Exit status: 0 pass, 1 fail, 77 SKIPPED (the reason on stderr).
#
# A test runs kvm-tui through `run`, which captures stdout, stderr and the
# status and kills a hung run (status 137) rather than blocking, then checks
# with the assert_* helpers: each prints "ok - ..." or "FAIL - ..." with a
# readable diff, the test goes on, and `finish` turns the tally into the exit
# status.

. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
EXPECTED="$SOURCE_DIR/tests/integration/expected"

trap 'rm -rf "$WORK"' EXIT

# Seconds a run may take before it counts as hung and is killed.
HANG_LIMIT=${HANG_LIMIT:-60}


if [ ! -x "$KVM_TUI" ]; then
	echo "FAIL - no kvm-tui binary at '$KVM_TUI' (build it first:" \
	     "cmake -B build && cmake --build build)" >&2
	exit 1
fi

# --- skipping -------------------------------------------------------------


# require_32bit_paging: SKIPPED on hosts whose KVM cannot run 32-bit paged
# guests. kvm-pvm (a shadow-paging KVM nested under another hypervisor) shuts
# the vCPU down as soon as the guest enables 32-bit paging, with or without
# PAE; hosts with VT-x/AMD-V run it, and there the test must pass.
require_32bit_paging() {
	if [ -d /sys/module/kvm_pvm ]; then
		skip host "32-bit paging is not supported by this host's KVM (kvm-pvm," \
		     "/sys/module/kvm_pvm exists: it shuts the vCPU down when a guest" \
		     "enables 32-bit paging); run on a VT-x/AMD-V host to test it"
	fi
}

# irqchip_modes_here MODE...: the MODEs (user, kernel) this host can run;
# kernel needs KVM's in-kernel irqchip (test_irqchip.sh skips as host
# without it, and says why). A dropped mode is said on stdout.
irqchip_modes_here() {
	local mode
	for mode in "$@"; do
		if [ "$mode" = kernel ] &&
			! "$KVM_TUI" --headless --irqchip kernel "$GUESTS/minimal.bin" >/dev/null 2>&1 </dev/null; then
			echo "# note: --irqchip kernel does not run on this host: checked with the user irqchip only" >&2
			continue
		fi
		printf '%s ' "$mode"
	done
}

# require_file PATH...: a missing guest image is a broken build: fail, loudly.
require_file() {
	local f
	for f in "$@"; do
		if [ ! -e "$f" ]; then
			echo "FAIL - missing $f (build the project first:" \
			     "cmake -B build && cmake --build build)" >&2
			exit 1
		fi
	done
}

# --- running --------------------------------------------------------------

# run [--stdin FILE] [--stdout FILE] [--env VAR=VALUE]... ARGS...: runs
# "$KVM_TUI" ARGS with stdin from FILE (default /dev/null) and stdout to
# FILE (default a scratch file); sets OUT (stdout file), ERR (stderr file),
# STATUS and CMD (for messages). A run that outlives HANG_LIMIT is killed
# and reports status 137.
run() {
	local input=/dev/null output=
	local -a envs=()
	while [ $# -gt 0 ]; do
		case "$1" in
		--stdin) input=$2; shift 2 ;;
		--stdout) output=$2; shift 2 ;;
		--env) envs+=("$2"); shift 2 ;;
		*) break ;;
		esac
	done
	RUNS=$(( ${RUNS:-0} + 1 ))
	OUT=${output:-"$WORK/run$RUNS.out"}
	ERR="$WORK/run$RUNS.err"
	CMD="${envs[*]:+${envs[*]} }kvm-tui $*"
	env ${envs[@]+"${envs[@]}"} timeout --preserve-status -s KILL "$HANG_LIMIT" \
		"$KVM_TUI" "$@" <"$input" >"$OUT" 2>"$ERR"
	STATUS=$?
	if [ "$STATUS" -eq 137 ]; then
		echo "note: '$CMD' hung: killed after ${HANG_LIMIT}s" >&2
	fi
}

# --- checking -------------------------------------------------------------



# Shows the last run's stderr, indented, after a failure.
show_stderr() {
	if [ -s "$ERR" ]; then
		echo "    stderr of '$CMD':"
		head -c 2000 "$ERR" | sed 's/^/    | /'
	fi
}

# Shows where two files differ: the first differing byte and both sides
# around it, with control characters made visible.
show_diff() {
	local expected=$1 actual=$2
	echo "    expected $(wc -c <"$expected") bytes, got $(wc -c <"$actual") bytes"
	cmp "$expected" "$actual" 2>&1 | sed 's/^/    /'
	local at
	at=$(cmp "$expected" "$actual" 2>/dev/null | sed -n 's/.* byte \([0-9]*\),.*/\1/p')
	[ -n "$at" ] || at=$(( $(wc -c <"$expected") < $(wc -c <"$actual") ?
			      $(wc -c <"$expected") + 1 : $(wc -c <"$actual") + 1 ))
	local from=$(( at > 40 ? at - 40 : 1 ))
	echo "    expected (from byte $from): $(tail -c +"$from" "$expected" | head -c 120 | od -An -c | tr -s ' \n' ' ')"
	echo "    actual   (from byte $from): $(tail -c +"$from" "$actual" | head -c 120 | od -An -c | tr -s ' \n' ' ')"
	if [ "$(wc -l <"$expected")" -lt 40 ] && [ "$(wc -l <"$actual")" -lt 40 ]; then
		diff -u --label expected --label actual <(cat -A "$expected") <(cat -A "$actual") |
			sed 's/^/    /'
	fi
}

# assert_status EXPECTED [WHAT]: the last run's exit status.
assert_status() {
	local expected=$1 what=${2:-"'$CMD' exits with $1"}
	if [ "$STATUS" -eq "$expected" ]; then
		ok "$what"
	else
		fail "$what: expected status $expected, got $STATUS"
		show_stderr
	fi
}

# assert_status_in "S1 S2 ..." WHAT: the status is one of several.
assert_status_in() {
	local s
	for s in $1; do
		if [ "$STATUS" -eq "$s" ]; then
			ok "$2"
			return
		fi
	done
	fail "$2: expected status in {$1}, got $STATUS"
	show_stderr
}

# assert_stdout_file FILE [WHAT]: the last run's stdout, byte for byte.
assert_stdout_file() {
	local expected=$1 what=${2:-"'$CMD' prints exactly $(basename "$1")"}
	if cmp -s "$expected" "$OUT"; then
		ok "$what"
	else
		fail "$what"
		show_diff "$expected" "$OUT"
		show_stderr
	fi
}

# assert_stdout FORMAT [WHAT]: the last run's stdout equals printf FORMAT.
assert_stdout() {
	local want="$WORK/expected$RUNS.$CHECKS"
	printf "$1" >"$want"
	assert_stdout_file "$want" "${2:-"'$CMD' prints exactly '$1'"}"
}

# assert_stdout_empty [WHAT]
assert_stdout_empty() {
	if [ ! -s "$OUT" ]; then
		ok "${1:-"'$CMD' prints nothing on stdout"}"
	else
		fail "${1:-"'$CMD' prints nothing on stdout"}: got $(wc -c <"$OUT") bytes:"
		head -c 300 "$OUT" | od -c | sed 's/^/    /'
	fi
}

# assert_stdout_prefix_of FILE [WHAT]: stdout is a non-empty prefix of FILE.
assert_stdout_prefix_of() {
	local full=$1 what=${2:-"'$CMD' prints a prefix of $(basename "$1")"}
	local n
	n=$(wc -c <"$OUT")
	if [ "$n" -gt 0 ] && cmp -s -n "$n" "$full" "$OUT"; then
		ok "$what ($n bytes)"
	else
		fail "$what ($n bytes)"
		head -c "$n" "$full" >"$WORK/prefix"
		show_diff "$WORK/prefix" "$OUT"
		show_stderr
	fi
}

# assert_file_contains FILE REGEX WHAT: an extended regex, case-insensitive.
assert_file_contains() {
	if grep -Eqi -- "$2" "$1"; then
		ok "$3"
	else
		fail "$3: no match for /$2/ in:"
		head -c 2000 "$1" | sed 's/^/    | /'
	fi
}

# assert_stderr_contains REGEX [WHAT]
assert_stderr_contains() {
	assert_file_contains "$ERR" "$1" "${2:-"'$CMD' explains (stderr matches /$1/)"}"
}


# assert_ge MINIMUM ACTUAL WHAT (integers)
assert_ge() {
	if [ "$2" -ge "$1" ] 2>/dev/null; then
		ok "$3"
	else
		fail "$3: expected at least $1, got '$2'"
	fi
}

# --- traces and stats -----------------------------------------------------

# trace_count FILE [REASON]: exit lines in a --trace file (with that
# reason); interrupt lines ("kind":"irq") are not exits.
trace_count() {
	if [ $# -gt 1 ]; then
		grep -c "\"reason\":\"$2\"" "$1" 2>/dev/null || true
	else
		grep -c '^{"seq":[0-9]*,"time_ns":[0-9]*,"reason"' "$1" 2>/dev/null || true
	fi
}

# trace_field LINE KEY: the value of "KEY" in one JSON line, quotes removed.
trace_field() {
	printf '%s\n' "$1" | grep -o "\"$2\":\"\\{0,1\\}[^\",}]*" | head -n 1 |
		sed "s/^\"$2\":\"\\{0,1\\}//"
}

# trace_summary FILE: one line per exit, "REASON dir port|addr size|len
# count data" (absent fields left out), to compare traces without the times
# and RIPs.
trace_summary() {
	awk '
	function field(k,   v) {
		if (!match($0, "\"" k "\":\"?[^\",}]*"))
			return ""
		v = substr($0, RSTART, RLENGTH)
		sub("^\"" k "\":\"?", "", v)
		return v
	}
	{
		n = split("reason dir port addr size len count data", keys, " ")
		line = ""
		for (i = 1; i <= n; i++) {
			v = field(keys[i])
			if (v != "")
				line = line (line == "" ? "" : " ") v
		}
		print line
	}' "$1" 2>/dev/null
}

# stats_count REASON: the count on the "  REASON  N" line of --stats (stderr
# of the last run); "total" reads the "exits: N total" line.
stats_count() {
	if [ "$1" = total ]; then
		sed -n 's/^exits: \([0-9][0-9]*\) total.*/\1/p' "$ERR" | head -n 1
	else
		awk -v r="$1" '$1 == r && $2 ~ /^[0-9]+$/ { print $2; exit }' "$ERR"
	fi
}

# --- guests ---------------------------------------------------------------

# flood_patched N OUT: a copy of guests/flood.bin that prints N bytes (N is
# the 32-bit little-endian value at offset 4 of the image).
flood_patched() {
	local n=$1 out=$2
	cp "$GUESTS/flood.bin" "$out"
	printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' \
		$((n & 255)) $(((n >> 8) & 255)) $(((n >> 16) & 255)) $(((n >> 24) & 255)))" |
		dd of="$out" bs=1 seek=4 conv=notrunc status=none
}

# flood_expected N OUT: what flood prints for N: its 64-byte line repeated,
# cut after N bytes.
flood_expected() {
	local n=$1 out=$2
	local line='0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'
	local lines=$(( n / 64 + 1 ))
	yes "$line" | head -n "$lines" | head -c "$n" >"$out"
}

# counter_expected LINES OUT: what count prints: "0\n1\n...".
counter_expected() {
	seq 0 $(( $1 - 1 )) >"$2"
}

# check_irq_trace FILE WHO: the timer guest's --trace (live or replayed)
# shows its interrupts and its device port accesses in words: IRQ lines
# ("kind":"irq") for IRQ 0 at vector 8, each numbered after the exit it
# followed, one counted by --stats for each, and the decodes of the PIT's
# programming, the PIC masks and the handler's EOIs.
check_irq_trace() {
	local trace=$1 who=$2 irqs eois stats_irqs bad
	irqs=$(grep -c '"kind":"irq"' "$trace")
	assert_ge 3 "$irqs" "$who: IRQ lines in the trace ($irqs)"
	assert_eq "$irqs" "$(grep -c '"kind":"irq","line":0,"source":"timer","vector":8,"how":"injected","coalesced":[0-9]*}$' "$trace")" \
		"$who: every IRQ line is IRQ 0 (timer) injected at vector 8"
	stats_irqs=$(awk '$1 == "IRQ0" && $2 == "timer" { print $3; exit }' "$ERR")
	assert_eq "$irqs" "${stats_irqs:-none}" "$who: --stats counts each IRQ 0 (IRQ0 timer $stats_irqs)"
	# An interrupt carries the number of the exit before it: never ahead, never behind.
	bad=$(awk -F'[:,]' '{ seq = $2 } /"kind":"irq"/ && seq != last { n++ } !/"kind":"irq"/ { last = seq } END { print n + 0 }' "$trace")
	assert_eq 0 "$bad" "$who: each IRQ line has the number of the exit just before it"
	eois=$(grep -c '"port":"0x20".*"decode":"PIC1 OCW2 EOI (ends IRQ0)"' "$trace")
	assert_ge $((irqs - 1)) "$eois" "$who: the handler's OUT 0x20 decodes as the EOI ending IRQ0 ($eois)"
	assert_file_contains "$trace" '"port":"0x43".*"decode":"PIT control: ch0 lo/hi mode 2 binary"' \
		"$who: the PIT's control word in words"
	assert_file_contains "$trace" '"decode":"PIT ch0 count low byte 9c \(high byte next\)"' \
		"$who: the count's low byte waits for its high byte"
	assert_file_contains "$trace" '"decode":"PIT ch0 mode 2 rate 11932 = 100.0 Hz \(IRQ 0\)"' \
		"$who: the second byte completes the count: 100 Hz"
	assert_file_contains "$trace" '"port":"0x21".*"decode":"PIC1 OCW1 mask fe: IRQ 0 unmasked, the rest masked"' \
		"$who: the PIC mask in words"
	assert_eq 0 "$(grep -c '"reason":"HLT".*"decode"' "$trace")" "$who: only port accesses have a decode"
}
