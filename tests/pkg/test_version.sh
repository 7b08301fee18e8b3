#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --version: "kvm-tui X.Y.Z (git <12 hex>[-dirty])" in a git checkout, the
# version alone outside one (cmake/git_version.cmake, run here on scratch trees).
. "$(dirname "$0")/../integration/lib.sh"

VERSION_RE='[0-9]+\.[0-9]+\.[0-9]+'
project_version=$(sed -n 's/^project(kvm-tui VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")

run --version
assert_status 0 "--version: status 0"
line=$(cat "$OUT")
if [[ $line =~ ^kvm-tui\ ($VERSION_RE)(\ \(git\ ([0-9a-f]{12})(-dirty)?\))?$ ]]; then
	ok "--version: '$line' has the expected form"
else
	fail "--version: '$line' is not 'kvm-tui X.Y.Z [(git HASH[-dirty])]'"
fi
assert_eq "$project_version" "${BASH_REMATCH[1]:-}" "--version: the version is project()'s in CMakeLists.txt"
printed_commit=${BASH_REMATCH[3]:-} printed_dirty=${BASH_REMATCH[4]:-}

if ! command -v git >/dev/null; then
	skip_tool "git is not installed: the commit part cannot be checked"
fi

# This tree: in a checkout, the commit printed is one of its commits, the
# one the build looked up (HEAD when it built; a commit made since then shows
# after the next build).
generated=$(sed -n 's/^#define KVMTUI_GIT_COMMIT "\(.*\)"$/\1/p' "$BINARY_DIR/generated/git_version.h" 2>/dev/null)
if [ "$(git -C "$SOURCE_DIR" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$SOURCE_DIR" && pwd -P)" ]; then
	if [ -n "$printed_commit" ] && git -C "$SOURCE_DIR" rev-parse -q --verify "$printed_commit^{commit}" >/dev/null; then
		ok "--version: names a commit of this checkout ($printed_commit)"
	else
		fail "--version: '$printed_commit' is not a commit of this checkout"
	fi
	head=$(git -C "$SOURCE_DIR" rev-parse --short=12 HEAD)
	[ "$printed_commit" = "$head" ] || echo "# built from $printed_commit, HEAD is now $head: the next build names it"
else
	assert_eq "" "$printed_commit" "--version: no commit outside a git checkout"
fi
assert_eq "$generated" "$printed_commit$printed_dirty" \
	"--version: prints the commit the build looked up (build/generated/git_version.h)"

# generate DIR: what cmake/git_version.cmake defines for a source tree DIR.
generate() {
	rm -f "$WORK/gv.h"
	cmake -DSOURCE_DIR="$1" -DOUTPUT="$WORK/gv.h" -P "$SOURCE_DIR/cmake/git_version.cmake" &&
		sed -n 's/^#define KVMTUI_GIT_COMMIT "\(.*\)"$/\1/p' "$WORK/gv.h"
}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
G=(git -c user.name=t -c user.email=t@t -c init.defaultBranch=main)

mkdir -p "$WORK/tarball"
assert_eq "" "$(generate "$WORK/tarball")" "outside git (a tarball): no commit"

mkdir -p "$WORK/repo/src"
"${G[@]}" init -q "$WORK/repo"
echo a >"$WORK/repo/src/a"
"${G[@]}" -C "$WORK/repo" add src/a && "${G[@]}" -C "$WORK/repo" commit -qm a
assert_eq "" "$(generate "$WORK/repo/src")" \
	"a tree inside some other checkout: no commit (not that checkout's)"
head=$("${G[@]}" -C "$WORK/repo" rev-parse --short=12 HEAD)
assert_eq "$head" "$(generate "$WORK/repo")" "a clean checkout: its short hash"
echo b >"$WORK/repo/src/a"
assert_eq "$head-dirty" "$(generate "$WORK/repo")" "a changed tracked file: -dirty"

finish
