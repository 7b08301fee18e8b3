#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every source file says its licence in an SPDX line: the first line, or the
# second after a #! line. Source files: C and headers, assembly (.S, .inc),
# linker scripts, CMake, shell (.sh, .bash, and any file starting with #!),
# themes and the man page; the files git tracks (and new ones not ignored),
# or, outside a git checkout, the tree without build directories. The
# identifier is the one LICENSE holds.
. "$(dirname "$0")/../integration/lib.sh"

ID="SPDX-License-Identifier: MIT"
if head -1 "$SOURCE_DIR/LICENSE" 2>/dev/null | grep -qx "MIT License"; then
	ok "LICENSE is the MIT licence, as the SPDX lines say"
else
	fail "LICENSE is missing or not the MIT licence the SPDX lines name"
fi

cd "$SOURCE_DIR" || exit 1
if git rev-parse --show-toplevel >/dev/null 2>&1 &&
	[ "$(git rev-parse --show-toplevel)" = "$(pwd -P)" ]; then
	git ls-files -z --cached --others --exclude-standard >"$WORK/files"
	echo "# the files of the git checkout"
else
	find . \( -path './build*' -o -name .git \) -prune -o -type f -printf '%P\0' >"$WORK/files"
	echo "# not a git checkout: the tree without build*/"
fi

# is_source FILE: whether FILE is a source file that must carry the line.
is_source() {
	case "$1" in
	*.c | *.h | *.S | *.inc | *.ld | *.cmake | CMakeLists.txt | */CMakeLists.txt | \
		*.sh | *.bash | *.theme | *.1) return 0 ;;
	esac
	[ "$(head -c 2 "$1")" = "#!" ]
}

checked=0
missing=()
while IFS= read -r -d '' f; do
	[ -f "$f" ] || continue # deleted but not yet committed
	is_source "$f" || continue
	checked=$((checked + 1))
	first=$(head -n 1 "$f")
	[ "${first:0:2}" = "#!" ] && first=$(sed -n 2p "$f")
	[[ $first == *"$ID"* ]] || missing+=("$f")
done <"$WORK/files"

if [ "$checked" -ge 300 ]; then
	ok "$checked source files found"
else
	fail "only $checked source files found: the file list or the patterns are wrong"
fi
if [ "${#missing[@]}" -eq 0 ]; then
	ok "every one has '$ID' on its first line (its second after #!)"
else
	fail "${#missing[@]} source files lack '$ID' on their first line (second after #!):"
	printf '    %s\n' "${missing[@]}"
fi

finish
