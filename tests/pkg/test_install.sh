#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# cmake --install into a scratch prefix: the binary, the guests (images and
# sources), the themes, the man page, the bash completion and the README land
# where they belong; DESTDIR stages the same tree under it; the installed
# binary, run from another directory, finds its themes. No KVM needed:
# pkg.install_run runs the installed binary on a guest.
. "$(dirname "$0")/../integration/lib.sh"

P="$WORK/prefix"
if cmake --install "$BINARY_DIR" --prefix "$P" >"$WORK/install.log" 2>&1; then
	ok "cmake --install --prefix $P"
else
	fail "cmake --install failed:"; sed 's/^/    /' "$WORK/install.log"
fi

# present PATH WHAT: an installed file.
present() {
	if [ -f "$P/$1" ]; then ok "$2: $1"; else fail "$2: $1 is missing"; fi
}
[ -x "$P/bin/kvm-tui" ] && ok "the program: bin/kvm-tui, executable" || fail "bin/kvm-tui missing or not executable"
for bin in "$GUESTS"/*.bin; do
	name=$(basename "$bin" .bin)
	if cmp -s "$bin" "$P/share/kvm-tui/guests/$name.bin"; then
		ok "guest $name: share/kvm-tui/guests/$name.bin is the built image"
	else
		fail "guest $name: share/kvm-tui/guests/$name.bin missing or not the built image"
	fi
	present "share/kvm-tui/guests/$name.S" "guest $name's source, the lesson"
	present "share/kvm-tui/guests/$name.elf" "guest $name's ELF, its source lines for the code view"
done
for theme in "$SOURCE_DIR"/themes/*.theme; do
	present "share/kvm-tui/themes/$(basename "$theme")" "theme"
done
present share/man/man1/kvm-tui.1.gz "man page"
present share/bash-completion/completions/kvm-tui "bash completion"
present share/doc/kvm-tui/README.md "documentation"
present share/doc/kvm-tui/copyright "the licence, as Debian names it"
if cmp -s "$SOURCE_DIR/LICENSE" "$P/share/doc/kvm-tui/copyright"; then
	ok "share/doc/kvm-tui/copyright is LICENSE"
else
	fail "share/doc/kvm-tui/copyright is not LICENSE"
fi
unexpected=$(cd "$P" && find . -type f | grep -vE '^\./(bin/kvm-tui|share/kvm-tui/(guests|themes)/[^/]+|share/man/man1/kvm-tui\.1\.gz|share/bash-completion/completions/kvm-tui|share/doc/kvm-tui/[^/]+)$')
assert_eq "" "$unexpected" "nothing installed anywhere else"

if command -v man >/dev/null; then
	if MANWIDTH=80 man --warnings -l "$P/share/man/man1/kvm-tui.1.gz" 2>&1 | grep -q "^SYNOPSIS"; then
		ok "man -l renders the installed, compressed page"
	else
		fail "man -l cannot render $P/share/man/man1/kvm-tui.1.gz"
	fi
	if MANPATH="$P/share/man" man -w kvm-tui 2>/dev/null | grep -qx "$P/share/man/man1/kvm-tui.1.gz"; then
		ok "man finds kvm-tui(1) in the prefix's share/man"
	else
		fail "man -w kvm-tui does not find it under MANPATH=$P/share/man"
	fi
fi

# DESTDIR, as packagers stage an install: the prefix's tree under DESTDIR.
if DESTDIR="$WORK/stage" cmake --install "$BINARY_DIR" --prefix /usr >"$WORK/stage.log" 2>&1 &&
	[ "$(cd "$P" && find . -type f | sort)" = "$(cd "$WORK/stage/usr" && find . -type f | sort)" ]; then
	ok "DESTDIR=stage --prefix /usr stages the same files under stage/usr"
else
	fail "DESTDIR install differs from the prefix install"; sed 's/^/    /' "$WORK/stage.log"
fi

# From another directory, the installed binary finds the installed themes.
mkdir -p "$WORK/elsewhere"
cd "$WORK/elsewhere" || exit 1
KVM_TUI="$P/bin/kvm-tui"
run --list-themes
assert_status 0 "installed kvm-tui --list-themes: status 0"
assert_file_contains "$OUT" "^projector +$P/(bin/\\.\\./)?share/kvm-tui/themes/projector\\.theme$" \
	"--list-themes finds the installed projector theme"

finish
