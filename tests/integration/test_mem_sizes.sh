#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --mem sizes that are fine run the guest (the refused ones are in
# bad_inputs, which needs no KVM).
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin"

for good in 64K 1M 16M 16m 1G 32; do
	run --headless --mem "$good" "$GUESTS/hello.bin"
	assert_status 0 "--mem $good: hello runs (status 0)"
done
assert_stdout 'Hello, KVM!\n' "--mem 32 (a bare number is MiB): hello prints"

finish
