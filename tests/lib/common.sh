# common.sh - what every test script shares (sourced first by
# tests/integration/lib.sh and tests/tui/tui_lib.sh): where things are, a
# scratch directory, and the tally of checks.
#
# ctest provides SOURCE_DIR, BINARY_DIR, KVM_TUI, GUESTS and TEST_GUESTS; run
# by hand from the source tree, the defaults below find a build in build/.

# ok/fail print one TAP-like line each and keep the tally that the script's
# finish turns into its exit status; skip ends the script as SKIPPED (77),
# the reason on stderr, which ctest reports as skipped, never as passed.

set -u

: "${SOURCE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BINARY_DIR:=$SOURCE_DIR/build}"
: "${KVM_TUI:=$BINARY_DIR/kvm-tui}"
: "${GUESTS:=$SOURCE_DIR/guests}"
: "${TEST_GUESTS:=$BINARY_DIR/tests/guests}"

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

# assert_eq EXPECTED ACTUAL WHAT
assert_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		fail "$3 (expected '$1', got '$2')"
	fi
}
