# common.sh - what every test script shares (sourced first by
# tests/integration/lib.sh and tests/tui/tui_lib.sh): where things are, a
# scratch directory, and the tally of checks.
#
# ctest provides SOURCE_DIR, BINARY_DIR, KVM_TUI, GUESTS and TEST_GUESTS; run
# by hand from the source tree, the defaults below find a build in build/.

# ok/fail print one TAP-like line each and keep the tally that the script's
# finish turns into its exit status; skip ends the script as SKIPPED (77),
# the reason on stderr, which ctest reports as skipped, never as passed.
#
# A skip names its class first, so CI can tell a machine without KVM from
# one missing something else:
#   SKIPPED: no-kvm: <reason>   no usable KVM device (skip_no_kvm)
#   SKIPPED: host: <reason>     anything else the host lacks (skip_host)
#
# KVMTUI_TEST_NO_KVM=1 makes the tests behave as on a machine without KVM,
# even where /dev/kvm works: kvm_unusable reports it missing, and kvm-tui is
# told so too (KVM_TUI_DEVICE=/nonexistent/kvm), so a test that still
# reached for KVM would fail rather than quietly use it.

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

skip() {
	echo "SKIPPED: $*" >&2
	exit 77
}

# skip_no_kvm REASON: SKIPPED for want of a usable KVM device.
skip_no_kvm() {
	skip "no-kvm: $*"
}

# skip_host REASON: SKIPPED for anything else the host lacks (a tool, a
# locale, a feature its KVM does not have).
skip_host() {
	skip "host: $*"
}

# kvm_unusable: prints why kvm-tui could not use KVM here and succeeds, or
# fails (prints nothing) when the device (KVM_TUI_DEVICE, else /dev/kvm)
# opens read-write.
kvm_unusable() {
	local dev=${KVM_TUI_DEVICE:-/dev/kvm}
	if [ "${KVMTUI_TEST_NO_KVM:-0}" = 1 ]; then
		echo "KVMTUI_TEST_NO_KVM=1: behaving as a machine without /dev/kvm"
	elif [ ! -e "$dev" ]; then
		echo "$dev not available (no such device)"
	elif ! : 2>/dev/null <>"$dev"; then
		echo "$dev not available (cannot open it read-write as $(id -un))"
	else
		return 1
	fi
}

# assert_eq EXPECTED ACTUAL WHAT
assert_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		fail "$3 (expected '$1', got '$2')"
	fi
}
