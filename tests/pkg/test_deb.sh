#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian package: cpack -G DEB into a scratch directory, then what
# dpkg-deb says of it: the control fields (name, version, section,
# maintainer, description, Depends on the libraries the binary links), the
# files (everything cmake --install puts under /usr, owned by root, nothing
# elsewhere), and the extracted binary running from its own tree. Not
# installed: that needs root (the README shows `apt install ./kvm-tui*.deb`).
. "$(dirname "$0")/../integration/lib.sh"

command -v cpack >/dev/null || skip_tool "cpack is not installed (cmake brings it)"
command -v dpkg-deb >/dev/null || skip_tool "dpkg-deb is not installed: not a Debian system"

if (cd "$BINARY_DIR" && cpack -G DEB -B "$WORK/out") >"$WORK/cpack.log" 2>&1; then
	ok "cpack -G DEB builds a package"
else
	fail "cpack -G DEB failed:"; sed 's/^/    /' "$WORK/cpack.log"
fi
version=$(sed -n 's/^project(kvm-tui VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")
arch=$(dpkg --print-architecture)
DEB="$WORK/out/kvm-tui_${version}_${arch}.deb"
[ -f "$DEB" ] && ok "named as Debian names it: $(basename "$DEB")" ||
	{ fail "no $(basename "$DEB") in $WORK/out: $(ls "$WORK/out")"; finish; }

field() { dpkg-deb -f "$DEB" "$1"; }
assert_eq kvm-tui "$(field Package)" "Package: kvm-tui"
assert_eq "$version" "$(field Version)" "Version: project()'s"
assert_eq "$arch" "$(field Architecture)" "Architecture: this machine's"
assert_eq otherosfs "$(field Section)" "Section: otherosfs (as qemu-system-x86)"
assert_eq optional "$(field Priority)" "Priority: optional"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] && ok "Maintainer: a name and an address" ||
	fail "Maintainer is not 'Name <address>': '$(field Maintainer)'"
desc=$(field Description)
[[ $(head -1 <<<"$desc") == *KVM* ]] && [ "$(wc -l <<<"$desc")" -gt 3 ] &&
	ok "Description: a synopsis and a long description" || fail "Description too thin: '$desc'"

# Depends: each library the binary links, with a version, and nothing else.
depends=$(field Depends)
echo "# Depends: $depends"
for lib in libc6 libncursesw6 libtinfo6 libzstd1 libseccomp2; do
	if [[ ", $depends," =~ ,\ $lib\ \(\>=\ [0-9][^\)]*\), ]]; then
		ok "Depends on $lib, with a minimum version"
	else
		fail "Depends lacks '$lib (>= ...)': $depends"
	fi
done
# A sanitizer build (CI's second pass) links the sanitizers' runtimes too.
sanitize=$(sed -n 's/^KVMTUI_SANITIZE:[A-Z]*=//p' "$BINARY_DIR/CMakeCache.txt")
others=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -vxE 'libc6|libncursesw6|libtinfo6|libzstd1|libseccomp2')
if [ -n "$sanitize" ]; then
	others=$(grep -vE '^lib(asan|ubsan|tsan)[0-9]+$' <<<"$others")
	echo "# a -fsanitize=$sanitize build: its runtimes may be in Depends too"
fi
# Capstone (src/disasm) reaches the binary only where the build keeps code
# nothing calls yet (a Debug build); with the code pane it becomes one of
# the always-there libraries. So do libdw and libelf (src/debuginfo, the
# code view's source lines) once the pane calls them.
others=$(grep -vxE 'libcapstone[0-9]+|libdw1|libelf1' <<<"$others")
assert_eq "" "$others" "Depends names those five libraries (and Capstone's, libdw's) and no others"

# Contents: what cmake --install puts under a prefix, under /usr.
dpkg-deb -c "$DEB" >"$WORK/contents"
if (cd "$BINARY_DIR" && DESTDIR="$WORK/stage" cmake --install . --prefix /usr >/dev/null) &&
	[ "$(cd "$WORK/stage" && find . -type f | sort)" = "$(awk '$1 !~ /^d/ {print $6}' "$WORK/contents" | sort)" ]; then
	ok "the package holds exactly the files cmake --install stages under /usr"
else
	fail "the package's files differ from cmake --install's:"
	diff <(cd "$WORK/stage" && find . -type f | sort) <(awk '$1 !~ /^d/ {print $6}' "$WORK/contents" | sort) |
		sed 's/^/    /'
fi
for f in ./usr/bin/kvm-tui ./usr/share/kvm-tui/guests/hello.bin ./usr/share/kvm-tui/guests/hello.S \
	./usr/share/kvm-tui/guests/hello.elf \
	./usr/share/kvm-tui/themes/projector.theme ./usr/share/man/man1/kvm-tui.1.gz \
	./usr/share/bash-completion/completions/kvm-tui ./usr/share/doc/kvm-tui/README.md \
	./usr/share/doc/kvm-tui/copyright; do
	if awk -v f="$f" '$6 == f { found = 1 } END { exit !found }' "$WORK/contents"; then
		ok "holds $f"
	else
		fail "lacks $f"
	fi
done
assert_eq "" "$(awk '$2 != "root/root"' "$WORK/contents")" "every file and directory owned by root/root"
assert_eq "" "$(awk '$6 !~ /^\.\/usr\//' "$WORK/contents" | grep -v '^d.* \./usr/$')" "nothing outside /usr"
assert_eq "" "$(awk '$1 !~ /^l/ && (substr($1, 6, 1) == "w" || substr($1, 9, 1) == "w")' "$WORK/contents")" \
	"nothing group- or world-writable"

# The binary in it runs, stripped, from its own tree: it finds the package's
# themes beside it.
dpkg-deb -x "$DEB" "$WORK/root"
KVM_TUI="$WORK/root/usr/bin/kvm-tui"
run --version
assert_file_contains "$OUT" "^kvm-tui $version( |$)" "the packaged kvm-tui --version runs"
run --list-themes
assert_file_contains "$OUT" "^mono +$WORK/root/usr/(bin/\\.\\./)?share/kvm-tui/themes/mono\\.theme$" \
	"the packaged kvm-tui finds the packaged themes"
if command -v file >/dev/null; then
	file "$KVM_TUI" | grep -q ", stripped" && ok "the binary is stripped" || fail "not stripped: $(file "$KVM_TUI")"
fi

finish
