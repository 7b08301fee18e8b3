# SPDX-License-Identifier: MIT
# common.sh - what every test script shares (sourced first by
# tests/integration/lib.sh and tests/tui/tui_lib.sh): where things are, a
# scratch directory, and the tally of checks.
#
# ctest provides SOURCE_DIR, BINARY_DIR, KVM_TUI, GUESTS and TEST_GUESTS; run
# by hand from the source tree, the defaults below find a build in build/.

# ok/fail print one TAP-like line each and keep the tally that the script's
# finish turns into its exit status; skip ends the script as SKIPPED (77),
# which ctest reports as skipped, never as passed, with one line
# "SKIPPED: <category>: <reason>" whose category .ci/test_summary reads:
#   no-kvm  the KVM device cannot be opened read-write (CI fails such a skip
#           where /dev/kvm is usable: it would hide a broken check)
#   host    this host's KVM cannot do what the test checks (kvm-pvm and
#           32-bit paging); the same test must pass on VT-x/AMD-V
#   tool    a program or file the test needs is not installed (tmux,
#           valgrind, a terminfo entry)
#
# KVMTUI_TEST_NO_KVM=1 makes the tests behave as on a machine without KVM,
# even where /dev/kvm works: require_kvm skips as no-kvm, and kvm-tui is told
# so too (KVM_TUI_DEVICE=/nonexistent/kvm), so a test that still reached for
# KVM would fail rather than quietly use it.

set -u

: "${SOURCE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BINARY_DIR:=$SOURCE_DIR/build}"
: "${KVM_TUI:=$BINARY_DIR/kvm-tui}"
: "${GUESTS:=$SOURCE_DIR/guests}"
: "${TEST_GUESTS:=$BINARY_DIR/tests/guests}"

if [ "${KVMTUI_TEST_NO_KVM:-0}" = 1 ]; then
	export KVM_TUI_DEVICE=/nonexistent/kvm
fi

TEST_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kvm-tui-${TEST_NAME}.XXXXXX")

FAILURES=0
CHECKS=0

ok() {
	CHECKS=$((CHECKS + 1))
	echo "ok - $*"
}

fail() {
	CHECKS=$((CHECKS + 1))
	FAILURES=$((FAILURES + 1))
	echo "FAIL - $*"
}

# skip CATEGORY REASON...: see above. A skip never hides a failure: after a
# failed check it ends the script as failed.
skip() {
	local category=$1
	shift
	case "$category" in
	no-kvm | host | tool) ;;
	*) echo "FAIL - skip: unknown category '$category' ($*)"; exit 1 ;;
	esac
	if [ "$FAILURES" -gt 0 ]; then
		echo "FAIL - $FAILURES checks failed before the skip ($category: $*)"
		exit 1
	fi
	echo "SKIPPED: $category: $*" >&2
	exit 77
}

# skip_no_kvm / skip_host / skip_tool REASON...: skip with that category.
skip_no_kvm() { skip no-kvm "$@"; }
skip_host() { skip host "$@"; }
skip_tool() { skip tool "$@"; }

# kvm_unusable: prints why kvm-tui could not use KVM here and succeeds, or
# fails (prints nothing) when the device it opens (KVM_TUI_DEVICE, else
# /dev/kvm; KVM_TUI_DEVICE=/nonexistent simulates a host without KVM)
# opens read-write.
kvm_unusable() {
	local dev=${KVM_TUI_DEVICE:-/dev/kvm}
	if [ "${KVMTUI_TEST_NO_KVM:-0}" = 1 ]; then
		echo "KVMTUI_TEST_NO_KVM=1: behaving as a machine without /dev/kvm"
	elif [ ! -e "$dev" ]; then
		echo "$dev not available (no such device: load kvm_intel or kvm_amd, enable" \
		     "VT-x/AMD-V, or nested virtualization if this is a VM)"
	elif ! : 2>/dev/null <>"$dev"; then
		echo "$dev not available (cannot open it read-write as $(id -un): join the kvm group)"
	else
		return 1
	fi
}

# require_kvm: SKIPPED (no-kvm) unless the KVM device opens read-write.
require_kvm() {
	local why
	why=$(kvm_unusable) || return 0
	skip no-kvm "$why"
}

# assert_eq EXPECTED ACTUAL WHAT
assert_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		fail "$3 (expected '$1', got '$2')"
	fi
}

# finish: the tally as the exit status. A test that checked nothing proved
# nothing: zero checks fail, so a script that lost its checks (an early
# exit 0, a loop over an empty list) cannot pass.
finish() {
	if [ "$CHECKS" -eq 0 ]; then
		echo "FAIL - $TEST_NAME: no checks ran"
		exit 1
	fi
	if [ "$FAILURES" -gt 0 ]; then
		echo "$TEST_NAME: $FAILURES of $CHECKS checks FAILED"
		exit 1
	fi
	echo "$TEST_NAME: all $CHECKS checks passed"
	exit 0
}
