#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what kvm-tui needs to build and test on Debian/Ubuntu:
#   build-essential, cmake   the compiler, GNU as/ld (binutils) and the build
#   libncurses-dev           ncursesw, the terminal UI
#   tmux                     the TUI tests drive the real program in tmux
#   python3                  a few test scripts parse --trace JSON with it, one
#                            compares the disassembly with objdump's
#   valgrind                 a test checks a normal run is memcheck-clean
#   libzstd-dev, pkg-config  recordings are zstd-compressed blocks
#   libcapstone-dev          the code view's x86 disassembler (Capstone)
#   libdw-dev                the code view's source lines: libdw (elfutils)
#                            reads the guests' DWARF line tables, which are
#                            too intricate (DWARF 2-5 forms, opcodes) to parse
#                            by hand safely
#   libseccomp-dev           the sandbox's seccomp filters (src/sandbox)
#   groff-base               a test renders the man page with every warning on
#   bash-completion          a test checks it loads kvm-tui's completion
#   gdb                      a test drives real gdb against the GDB stub
#                            (tests/integration/test_gdb_stub.sh)
# With --fuzz, also what scripts/fuzz.sh needs (CI's fuzzing step):
#   clang                    libFuzzer and the sanitizers (tests/fuzz)
#   libclang-rt-dev          their runtimes, if clang alone cannot link a fuzzer
#                            (Debian 12 packages them apart; older releases
#                            ship them with clang)
# Runs apt-get as root, or through sudo.
set -e
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
PACKAGES="build-essential cmake libncurses-dev tmux python3 valgrind libzstd-dev libcapstone-dev libdw-dev libseccomp-dev pkg-config groff-base bash-completion gdb"
FUZZ=
case "${1:-}" in
"") ;;
--fuzz)
	FUZZ=1
	PACKAGES="$PACKAGES clang"
	;;
*)
	echo "usage: scripts/deps.sh [--fuzz]" >&2
	exit 2
	;;
esac

# Whether clang links a libFuzzer target with the sanitizers.
fuzz_links() {
	out=$(mktemp)
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' |
		clang -x c -fsanitize=fuzzer,address,undefined -o "$out" - 2>/dev/null
	rc=$?
	rm -f "$out"
	return $rc
}
missing=
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
if [ -n "$FUZZ" ] && ! fuzz_links; then
	$SUDO apt-get update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends libclang-rt-dev || true
	if ! fuzz_links; then
		echo "deps.sh: clang cannot link -fsanitize=fuzzer: install libFuzzer's runtime (libclang-rt-dev)" >&2
		exit 1
	fi
fi
