#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Without a usable KVM device kvm-tui cannot start (status 4) and says what to
# do. KVM_TUI_DEVICE points it at other files; no /dev/kvm is needed here.
. "$(dirname "$0")/lib.sh"
require_file "$GUESTS/hello.bin"

run --env KVM_TUI_DEVICE=/nonexistent/kvm --headless "$GUESTS/hello.bin"
assert_status 4 "KVM_TUI_DEVICE=/nonexistent/kvm: status 4"
assert_stderr_contains "/nonexistent/kvm" "no device: the message names the path"
assert_stderr_contains "modprobe|kvm_intel|kvm_amd|module" \
	"no device: the message says to load the kvm modules"
assert_stdout_empty "no device: nothing on stdout"

run --env KVM_TUI_DEVICE=/dev/null --headless "$GUESTS/hello.bin"
assert_status 4 "KVM_TUI_DEVICE=/dev/null: status 4"
assert_stderr_contains "/dev/null.*not a KVM device|not a KVM device.*/dev/null" \
	"/dev/null: the message says it is not a KVM device"
assert_stdout_empty "/dev/null: nothing on stdout"

run --env KVM_TUI_DEVICE="$GUESTS/hello.bin" --headless "$GUESTS/hello.bin"
assert_status 4 "KVM_TUI_DEVICE=a regular file: status 4"
assert_stderr_contains "not a KVM device" "a regular file: not a KVM device"

if [ "$(id -u)" -ne 0 ] && [ -e /dev/kvm ] && ! : 2>/dev/null <>/dev/kvm; then
	run --headless "$GUESTS/hello.bin"
	assert_status 4 "/dev/kvm without permission: status 4"
	assert_stderr_contains "permission|kvm group" "no permission: the message names the kvm group"
fi

finish
