#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --help and --version in the usual form: on stdout, status 0, no KVM needed.
. "$(dirname "$0")/lib.sh"

run --help
assert_status 0 "--help: status 0"
assert_file_contains "$OUT" "^usage: kvm-tui" "--help: starts with a usage line, on stdout"
for opt in --headless --mem --mode --load-addr --entry --trace --stats --timeout --max-exits --irqchip; do
	assert_file_contains "$OUT" "$opt" "--help mentions $opt"
done
assert_file_contains "$OUT" "ADDR: decimal, or hex with 0x" "--help says how addresses are read (no octal)"
run -h
assert_status 0 "-h: status 0"

run --version
assert_status 0 "--version: status 0"
assert_file_contains "$OUT" "^kvm-tui [0-9]+\\.[0-9]+" "--version: 'kvm-tui X.Y...' on stdout"
assert_eq 1 "$(wc -l <"$OUT")" "--version: one line"

finish
