#!/bin/bash
# SPDX-License-Identifier: MIT
# fuzz.sh [-t SECONDS] [-j JOBS] [TARGET...] - builds the libFuzzer targets
# (tests/fuzz/fuzz_<name>.c) with clang in build-fuzz and runs each given
# target (all when none is given), one after the other, for SECONDS each
# (default 60). Each run starts from the seed corpus in the tree
# (tests/fuzz/corpus/<name>, read only) and from what earlier runs found,
# kept in a scratch directory outside the tree ($FUZZ_WORK, default
# build-fuzz/fuzz-work/<name>/corpus); new inputs that add coverage go
# there. After each run it prints the target's executions, coverage (cov,
# ft) and speed. A crash (a sanitizer report, a broken invariant, a
# timeout or running out of memory) saves the input under
# $FUZZ_WORK/<name>/ as crash-*, leak-*, timeout-* or oom-*, the script
# says where and how to replay it, and the exit status is 1.
#
# Environment: FUZZ_WORK as above; FUZZ_ARGS: more libFuzzer flags
# (e.g. "-runs=10000000"); CC: the compiler (default clang).
# CI runs it as: scripts/fuzz.sh -t 20 (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
jobs=1
usage() {
	echo "usage: scripts/fuzz.sh [-t SECONDS] [-j BUILD_JOBS] [TARGET...]" >&2
	echo "targets: $(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||' | tr '\n' ' ')" >&2
	exit 2
}
while getopts "t:j:h" opt; do
	case $opt in
	t) seconds=$OPTARG ;;
	j) jobs=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "fuzz.sh: -t wants whole seconds above 0, not '$seconds'" >&2; exit 2; }

all=$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')
targets=${*:-$all}
for t in $targets; do
	[ -f "tests/fuzz/fuzz_$t.c" ] || { echo "fuzz.sh: no target '$t'" >&2; usage; }
done

cc=${CC:-clang}
command -v "$cc" >/dev/null || {
	echo "fuzz.sh: $cc not found; install clang (scripts/deps.sh --fuzz)" >&2
	exit 2
}
build=build-fuzz
work=${FUZZ_WORK:-$build/fuzz-work}
cmake -B "$build" -DCMAKE_C_COMPILER="$cc" -DKVMTUI_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done) >/dev/null

# UBSan's reports abort (the build uses -fno-sanitize-recover); keep their
# stack traces. Leaks are reported (libFuzzer's -detect_leaks, on by default).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
printf '%-14s %12s %8s %8s %9s %6s  %s\n' target executions cov ft exec/s secs result
for t in $targets; do
	dir="$work/$t"
	mkdir -p "$dir/corpus"
	log="$dir/last.log"
	dict=()
	[ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
	start=$(date +%s)
	status=0
	# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: a guest or
	# file must not make kvm-tui allocate without bound.
	# shellcheck disable=SC2086
	"$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$dir/" ${dict[@]+"${dict[@]}"} ${FUZZ_ARGS:-} \
		"$dir/corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1 || status=$?
	secs=$(($(date +%s) - start))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	last=$(grep -aE '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
	[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
	cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	result=ok
	if [ "$status" -ne 0 ]; then
		result=CRASH
		failed=1
	fi
	printf '%-14s %12s %8s %8s %9s %6s  %s\n' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${speed:-?}" "$secs" "$result"
	if [ "$status" -ne 0 ]; then
		artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		grep -aE '^(==[0-9]+==ERROR|SUMMARY|fuzz: |.*runtime error)' "$log" | head -n 5 | sed 's/^/    /' || true
		echo "    log: $log"
		if [ -n "$artifact" ]; then
			echo "    input saved: $artifact"
			echo "    replay it: $build/tests/fuzz/fuzz_$t $artifact"
		fi
	fi
done
exit "$failed"
