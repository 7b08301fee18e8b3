#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bash completion (completion/kvm-tui.bash): sourced into bash, asked as
# bash asks it (COMP_WORDS, COMP_CWORD), its COMPREPLY checked. Its options
# are --help's; the values of --irqchip, --keyboard, --mode and --speed; the
# theme names --list-themes gives; the guests installed beside the binary
# (an install into a scratch prefix); file names after options taking files.
. "$(dirname "$0")/../integration/lib.sh"

COMPLETION="$SOURCE_DIR/completion/kvm-tui.bash"
require_file "$COMPLETION"

# complete WORD...: what completing the last WORD offers, sorted, one a line.
# The first WORD is the program as typed. Runs in a fresh bash, as a user's
# interactive shell would load it, from directory $WORK/cwd.
complete_words() {
	bash --norc --noprofile -c '
		cd "$1" || exit 1; shift
		source "$0" || exit 1
		func=$(complete -p kvm-tui | sed -n "s/.*-F \([^ ]*\) kvm-tui$/\1/p")
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		"$func" kvm-tui "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]:-}"
		printf "%s\n" "${COMPREPLY[@]}"' "$COMPLETION" "$WORK/cwd" "$@" | sort
}

# expect WHAT EXPECTED WORD...: completing WORD... offers EXPECTED (words, space-separated).
expect() {
	local what=$1 want=$2
	shift 2
	assert_eq "$want" "$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')" "$what"
}

mkdir -p "$WORK/cwd/runs" "$WORK/cwd/mine"
touch "$WORK/cwd/trace.jsonl" "$WORK/cwd/hello.rec" "$WORK/cwd/notes.txt" "$WORK/cwd/mine/room.theme"

# Options: exactly the long options --help lists.
run --help
help_opts=$(grep -oE '(^|[ ,])--[a-z][a-z-]*' "$OUT" | tr -d ' ,' | sort -u | tr '\n' ' ' | sed 's/ $//')
expect "-- offers the long options --help lists" "$help_opts" "$KVM_TUI" --
expect "--irq completes to --irqchip" "--irqchip" "$KVM_TUI" --irq
expect "--irqchip offers user and kernel" "kernel user" "$KVM_TUI" --irqchip ""
expect "--keyboard k completes to kbc" "kbc" "$KVM_TUI" --keyboard k
expect "--mode p offers paged and protected" "paged protected" "$KVM_TUI" --mode p
expect "--speed m completes to max" "max" "$KVM_TUI" --speed m
expect "--irqchip=k (one word to the user) completes to kernel" "kernel" "$KVM_TUI" --irqchip = k

# Themes: the names --list-themes prints, and theme files.
expect "--theme pro completes to projector" "projector" "$KVM_TUI" --theme pro
expect "--theme '' offers the shipped themes and directories" "default light mine mono projector runs" \
	"$KVM_TUI" --theme ""
expect "--theme mine/ offers the theme file in it" "mine/room.theme" "$KVM_TUI" --theme mine/

# Files after options that take one.
expect "--trace t completes the file name" "trace.jsonl" "$KVM_TUI" --trace t
expect "--record '' offers every file and directory" "hello.rec mine notes.txt runs trace.jsonl" \
	"$KVM_TUI" --record ""
expect "--replay '' offers recordings and directories" "hello.rec mine runs" "$KVM_TUI" --replay ""
expect "after --replay FILE, no guest" "" "$KVM_TUI" --replay hello.rec ""
expect "after --replay FILE, options still" "--loop" "$KVM_TUI" --replay hello.rec --loo
expect "nothing after the guest (options come first)" "" "$KVM_TUI" --paused hello.rec ""
expect "nothing after --version" "" "$KVM_TUI" --version ""
expect "nothing offered for --timeout's number" "" "$KVM_TUI" --timeout ""

# Guests by name: installed beside the binary, so install into a scratch prefix.
if cmake --install "$BINARY_DIR" --prefix "$WORK/prefix" >"$WORK/install.log" 2>&1; then
	ok "installed into a scratch prefix"
else
	fail "cmake --install failed:"; sed 's/^/    /' "$WORK/install.log"
fi
installed="$WORK/prefix/bin/kvm-tui"
expect "an installed kvm-tui completes he to the guest hello (and files)" "hello hello.rec" "$installed" he
expect "guests by name after options" "long" "$installed" --paused --mem 16M lon
expect "through a symlink to the binary too" "tick timer" "$(ln -s "$installed" "$WORK/kt" && echo "$WORK/kt")" ti
guests=$(cd "$WORK/prefix/share/kvm-tui/guests" && ls *.bin | sed 's/\.bin$//' | sort)
assert_eq "$guests" "$(complete_words "$installed" "" | grep -vxE 'hello.rec|mine|notes.txt|runs|trace.jsonl')" \
	"'' offers every installed guest ($(echo $guests | wc -w)) besides the files"
assert_eq "$(cat "$COMPLETION")" "$(cat "$WORK/prefix/share/bash-completion/completions/kvm-tui" 2>&1)" \
	"installed as share/bash-completion/completions/kvm-tui"

# bash-completion itself finds it there, as it will under /usr/local or /usr
# (it searches $XDG_DATA_DIRS/bash-completion/completions).
BASH_COMPLETION=/usr/share/bash-completion/bash_completion
if [ -f "$BASH_COMPLETION" ]; then
	loaded=$(XDG_DATA_DIRS="$WORK/prefix/share" BASH_COMPLETION_USER_DIR=/nonexistent \
		bash --norc --noprofile -c '. "$0" && __load_completion kvm-tui && complete -p kvm-tui' \
		"$BASH_COMPLETION" 2>&1)
	assert_eq "complete -F _kvm_tui kvm-tui" "$loaded" "bash-completion's loader finds and loads it from the prefix"
else
	echo "# not checked: bash-completion's own loader ($BASH_COMPLETION missing; scripts/deps.sh installs it)"
fi

finish
