#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Output that cannot be written: a full disk under --trace or stdout ends the
# run with one clear line and status 12 (a host error), never a short trace
# that looks complete. A reader that goes away (EPIPE, `| head`) is not an
# error: the guest runs to its end and its own status counts.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin" "$GUESTS/flood.bin"

# hello's 13 trace lines fit in stdio's buffer: the failure shows at fclose.
run --headless --trace /dev/full "$GUESTS/hello.bin"
assert_status 12 "--trace /dev/full, hello: status 12"
assert_stderr_contains "cannot write trace file /dev/full: no space left on device" \
	"--trace /dev/full, hello: the message names the file and the reason"
assert_stdout 'Hello, KVM!\n' "--trace /dev/full, hello: the serial output is still complete"

# flood's million exits fill the buffer many times: the failure shows mid-run
# and stops the guest rather than letting it run on untraced.
run --headless --trace /dev/full "$GUESTS/flood.bin"
assert_status 12 "--trace /dev/full, flood: status 12"
assert_stderr_contains "cannot write trace file /dev/full: .*stopping the guest" \
	"--trace /dev/full, flood: says so and stops the guest"
assert_eq 1 "$(grep -c 'cannot write' "$ERR")" "--trace /dev/full, flood: said once"

run --stdout /dev/full --headless "$GUESTS/hello.bin"
assert_status 12 "stdout on /dev/full: status 12"
assert_stderr_contains "cannot write the guest's output to stdout: no space left on device" \
	"stdout on /dev/full: the message says what failed"

# EPIPE: head takes one byte and leaves; flood still ends with its own 33.
flood_patched 100000 "$WORK/flood.bin"
timeout -s KILL "$HANG_LIMIT" "$KVM_TUI" --headless "$WORK/flood.bin" 2>"$WORK/epipe.err" </dev/null |
	head -c 1 >/dev/null
assert_eq "33 0" "${PIPESTATUS[0]} $(wc -c <"$WORK/epipe.err")" \
	"stdout reader gone (EPIPE): the guest runs on, status 33, nothing on stderr"

finish
