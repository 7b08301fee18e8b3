#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The installed kvm-tui runs `kvm-tui hello` from another directory, and the
# name resolves to the installed guest, not the source tree's (needs KVM;
# pkg.install checks the layout everywhere).
. "$(dirname "$0")/../integration/lib.sh"

require_kvm
P="$WORK/prefix"
if cmake --install "$BINARY_DIR" --prefix "$P" >"$WORK/install.log" 2>&1; then
	ok "cmake --install --prefix $P"
else
	fail "cmake --install failed:"; sed 's/^/    /' "$WORK/install.log"
fi
mkdir -p "$WORK/elsewhere"
cd "$WORK/elsewhere" || exit 1
KVM_TUI="$P/bin/kvm-tui"
run --headless hello
assert_status 0 "installed kvm-tui --headless hello, from another directory: status 0"
assert_stdout 'Hello, KVM!\n' "installed kvm-tui --headless hello prints Hello, KVM!"
# The name resolved to the installed guest: replaced by minimal, it prints nothing.
cp "$GUESTS/minimal.bin" "$P/share/kvm-tui/guests/hello.bin"
run --headless hello
assert_status 0 "with the installed hello.bin replaced by minimal: status 0"
assert_stdout_empty "'hello' is the installed guest (now minimal: no output), not the source tree's"

finish
