# SPDX-License-Identifier: MIT
# tui_lib.sh - shared helpers for the TUI tests (sourced, not run).
#
# Every tests/tui/test_<name>.sh is one ctest test. It drives the real
# kvm-tui in tmux, on a private server (tmux -L <unique> -f /dev/null) so
# tests can run in parallel and never touch the user's tmux, sends keys,
# and reads the screen with capture-pane: it checks what a user would read.
# ctest provides KVM_TUI, SOURCE_DIR, BINARY_DIR, GUESTS, TEST_GUESTS.
# Exit status: 0 pass, 1 fail, 77 SKIPPED (the reason on stderr).
#
# Waits are bounded polls (every 0.1 s, up to WAIT_LIMIT seconds), never bare
# long sleeps.
#
# Replay twins. A test that needs KVM only for its guest's behaviour runs a
# second time as "tui.<name>.replay", with TUI_REPLAY=1: the same script
# plays the guest's recording (tests/recordings, made by make.sh) through
# the very same UI, with no KVM at all (kvm-tui gets KVM_TUI_DEVICE=
# /nonexistent/kvm, so a replay that reached for KVM would fail). The
# script names its guest with `guest NAME` and starts "${GUEST[@]}"; a check
# that only holds live is wrapped in `if live_only WHAT; then ...; fi` (the
# replay prints a note instead, and checks its own equivalent in an else
# branch), and `replay_only` is the converse. A script with no twin says so
# in a comment line "# tui-twin: none (why)", which tests/CMakeLists.txt
# reads.

. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

TUI_REPLAY=${TUI_REPLAY:-0}
RECORDINGS="$SOURCE_DIR/tests/recordings"
SOCK_BASE="kvmtui-${TEST_NAME}-$$"
SOCK="$SOCK_BASE-0"
STARTS=0
WAIT_LIMIT=${WAIT_LIMIT:-10}

tmx() {
	tmux -u -L "$SOCK" -f /dev/null "$@"
}

# The tests read frames (│ ┌ ┘), arrows and separators (▶ ·) as UTF-8, so
# kvm-tui, tmux and grep all run in a UTF-8 locale: in a C locale curses
# draws frames with the terminal's line-drawing charset, which
# capture-pane reports as the letters l q k x. Empty if there is none.
utf8_locale() {
	local l
	for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
		if locale -a 2>/dev/null | grep -qx "$l"; then
			echo "$l"
			return
		fi
	done
	locale -a 2>/dev/null | grep -iE '\.utf-?8$' | head -1
}

cleanup() {
	tmx kill-server 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT


# require_tmux: SKIPPED (tool) without tmux or a UTF-8 locale; a missing
# binary is a broken build and fails.
require_tmux() {
	command -v tmux >/dev/null 2>&1 ||
		skip tool "tmux is not installed (the TUI tests drive kvm-tui in tmux)"
	if [ ! -x "$KVM_TUI" ]; then
		echo "FAIL - no kvm-tui binary at '$KVM_TUI' (build it first)" >&2
		exit 1
	fi
	local loc
	loc=$(utf8_locale)
	[ -n "$loc" ] || skip tool "no UTF-8 locale installed (locale -a): the TUI tests read UTF-8 frames"
	export LC_ALL="$loc" LANG="$loc"
}

# require_tui: SKIPPED (77) without tmux or a UTF-8 locale ("tool"), or live
# without a usable KVM device ("no-kvm"); a replay twin needs no KVM and
# never skips for it. A missing binary, guest or recording is a broken build
# and fails. require_tui --replay-only: a test that only ever replays
# (test_replay.sh), a replay run however it is started.
require_tui() {
	local replay_only=0
	if [ "${1:-}" = --replay-only ]; then
		replay_only=1
		TUI_REPLAY=1
	fi
	require_tmux
	if is_replay; then
		if [ "$replay_only" = 0 ] && grep -q '^# tui-twin: none' "$0"; then
			echo "FAIL - $TEST_NAME has no replay twin $(sed -n 's/^# tui-twin: none *//p' "$0"): run it live" >&2
			exit 1
		fi
		echo "# replay twin: recordings from $RECORDINGS, no KVM (KVM_TUI_DEVICE=/nonexistent/kvm)"
	else
		local why twin
		if why=$(kvm_unusable); then
			twin=$(sed -n 's/^# tui-twin: none *(\(.*\))$/no replay twin: \1/p' "$0")
			skip_no_kvm "$why (${twin:-its replay twin tui.${TEST_NAME#test_}.replay runs without KVM})"
		fi
	fi
}

# is_replay: this run is the replay twin (TUI_REPLAY=1).
is_replay() {
	[ "$TUI_REPLAY" = 1 ]
}

# live_only WHAT: succeeds in a live run; in a replay prints a note that the
# check WHAT was left out (it only holds with a real vCPU) and fails, so
#   if live_only "s single-steps: a DEBUG exit"; then ...; else <replay's own check>; fi
live_only() {
	is_replay || return 0
	echo "# live only, not checked in a replay: $*"
	return 1
}

# replay_only WHAT: the converse, for checks of what only a replay has.
replay_only() {
	is_replay && return 0
	echo "# replay only, not checked live: $*"
	return 1
}

# guest_args NAME [--bin PATH] [--rec NAME] [REPLAY_OPTION...]: prints, one a
# line, the kvm-tui arguments that run guest NAME: live "$GUESTS/NAME.bin"
# (or PATH), in a replay "--replay $RECORDINGS/NAME.rec" (or the recording
# named by --rec) followed by the REPLAY_OPTIONs (--loop for a guest that
# runs forever live, --speed X), which a live run leaves out.
guest_args() {
	local name=$1 bin rec
	shift
	bin="$GUESTS/$name.bin"
	rec=$name
	while [ $# -gt 0 ]; do
		case "$1" in
		--bin) bin=$2; shift 2 ;;
		--rec) rec=$2; shift 2 ;;
		*) break ;;
		esac
	done
	if is_replay; then
		printf '%s\n' --replay "$RECORDINGS/$rec.rec" "$@"
	else
		printf '%s\n' "$bin"
	fi
}

# guest NAME [...]: guest_args into the array GUEST, checking that the image
# or recording exists; then: start W H [options] "${GUEST[@]}".
guest() {
	mapfile -t GUEST < <(guest_args "$@")
	if is_replay; then
		require_file "${GUEST[1]}"
	else
		require_file "${GUEST[0]}"
	fi
}

require_file() {
	local f
	for f in "$@"; do
		if [ ! -e "$f" ]; then
			echo "FAIL - missing $f (build the project first)" >&2
			exit 1
		fi
	done
}




# start W H ARGS...: kvm-tui ARGS in a fresh W x H terminal. When it ends,
# the shell records its status in $WORK/status and the terminal's modes
# (stty -a) in $WORK/stty, then waits, so the screen it left stays readable.
# Extra environment: START_ENV="VAR=value ..." (e.g. LANG=C.UTF-8).
start() {
	local w=$1 h=$2
	shift 2
	local args="" a env=${START_ENV:-}
	# A replay must not touch KVM: if it tried, it would fail.
	is_replay && env+=" KVM_TUI_DEVICE=/nonexistent/kvm"
	for a in "$@"; do
		args+=" $(printf '%q' "$a")"
	done
	cat >"$WORK/run.sh" <<-EOF
		cd $(printf '%q' "$WORK")
		env $env $(printf '%q' "$KVM_TUI")$args 2>"$WORK/stderr"
		echo \$? >"$WORK/status.tmp" && mv "$WORK/status.tmp" "$WORK/status"
		stty -a >"$WORK/stty" 2>&1
		echo "[kvm-tui exited]"
		exec sleep 600
	EOF
	rm -f "$WORK/status" "$WORK/stty"
	# A fresh server each time: reusing a socket while the old server is
	# still shutting down makes tmux fail ("server exited unexpectedly").
	tmx kill-server 2>/dev/null
	STARTS=$((STARTS + 1))
	SOCK="$SOCK_BASE-$STARTS"
	tmx new-session -d -x "$w" -y "$h" "bash $WORK/run.sh"
	tmx set-option -g status off >/dev/null 2>&1
	tmx set-window-option -g aggressive-resize off >/dev/null 2>&1
}

screen() {
	tmx capture-pane -p
}

keys() {
	tmx send-keys "$@"
}

# type TEXT: literal text, no key names.
type_text() {
	tmx send-keys -l "$1"
}

resize() {
	tmx resize-window -x "$1" -y "$2"
}

# wait_for REGEX [what]: polls the screen until a line matches (grep -E).
wait_for() {
	local re=$1 what=${2:-$1} i
	for ((i = 0; i < WAIT_LIMIT * 10; i++)); do
		if screen | grep -Eq -- "$re"; then
			ok "$what"
			return 0
		fi
		sleep 0.1
	done
	fail "$what (no /$re/ on screen after ${WAIT_LIMIT}s)"
	screen | sed 's/^/    | /'
	return 1
}

# wait_gone REGEX [what]: polls until no line matches.
wait_gone() {
	local re=$1 what=${2:-"no $1"} i
	for ((i = 0; i < WAIT_LIMIT * 10; i++)); do
		if ! screen | grep -Eq -- "$re"; then
			ok "$what"
			return 0
		fi
		sleep 0.1
	done
	fail "$what (/$re/ still on screen after ${WAIT_LIMIT}s)"
	screen | sed 's/^/    | /'
	return 1
}

# wait_until what CMD...: polls until CMD succeeds.
wait_until() {
	local what=$1 i
	shift
	for ((i = 0; i < WAIT_LIMIT * 10; i++)); do
		if "$@"; then
			ok "$what"
			return 0
		fi
		sleep 0.1
	done
	fail "$what (not after ${WAIT_LIMIT}s)"
	screen | sed 's/^/    | /'
	return 1
}

# wait_exit [what]: polls until kvm-tui has ended; its status in $STATUS.
wait_exit() {
	local what=${1:-kvm-tui exits} i
	STATUS=""
	for ((i = 0; i < WAIT_LIMIT * 10; i++)); do
		if [ -e "$WORK/status" ]; then
			STATUS=$(cat "$WORK/status")
			ok "$what (status $STATUS)"
			if [ -s "$WORK/stderr" ]; then
				sed 's/^/    stderr: /' "$WORK/stderr"
			fi
			return 0
		fi
		sleep 0.1
	done
	fail "$what (still running after ${WAIT_LIMIT}s)"
	screen | sed 's/^/    | /'
	return 1
}

# pane_region Y0 Y1 X0 X1: the screen cut to rows Y0..Y1, columns X0..X1
# (0-based, inclusive), to check that text is in the right pane.
pane_region() {
	local line
	# bash slices characters, not bytes, in a UTF-8 locale: the frames
	# are multibyte.
	screen | sed -n "$(($1 + 1)),$(($2 + 1))p" | while IFS= read -r line; do
		LC_ALL=C.UTF-8 bash -c 'l=$1; echo "${l:$2:$3}"' _ "$line" "$3" "$(($4 - $3 + 1))"
	done
}

# row_widths: the width in characters of each line on stdin.
row_widths() {
	LC_ALL=C.UTF-8 bash -c 'while IFS= read -r l; do echo "${#l}"; done'
}


# assert_screen REGEX what: the screen matches now (no waiting).
assert_screen() {
	if screen | grep -Eq -- "$1"; then
		ok "$2"
	else
		fail "$2 (no /$1/ on screen)"
		screen | sed 's/^/    | /'
	fi
}

assert_not_screen() {
	if screen | grep -Eq -- "$1"; then
		fail "$2 (/$1/ is on screen)"
		screen | sed 's/^/    | /'
	else
		ok "$2"
	fi
}

# assert_sane_terminal: after kvm-tui left, the terminal is back in cooked
# mode with echo, out of the alternate screen, cursor shown.
assert_sane_terminal() {
	local i=0
	while [ ! -s "$WORK/stty" ] && [ "$i" -lt $((WAIT_LIMIT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if grep -Eq '(^| )icanon( |$)' "$WORK/stty" && grep -Eq '(^| )echo( |$)' "$WORK/stty" &&
		grep -Eq '(^| )icrnl( |$)' "$WORK/stty" && grep -Eq '(^| )opost( |$)' "$WORK/stty"; then
		ok "terminal modes restored (icanon echo icrnl opost)"
	else
		fail "terminal modes restored: $(tr '\n' ' ' <"$WORK/stty")"
	fi
	assert_eq 0 "$(tmx display -p '#{alternate_on}')" "left the alternate screen"
	assert_eq 1 "$(tmx display -p '#{cursor_flag}')" "the cursor is visible again"
}
