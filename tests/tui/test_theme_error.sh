#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A bad theme file is refused before the terminal is taken over: one line
# naming file:line and what is wrong, a non-zero status, a sane terminal.
# So are the headless console's options in a terminal, and a missing KVM.
# Themes are checked before KVM is opened, so this runs on every host: the
# device is pointed at nothing, which also proves that order. Good themes
# starting the console are in tui.themes, which needs KVM.
# tui-twin: none (it already runs without KVM: every check fails before a VM exists)
. "$(dirname "$0")/tui_lib.sh"
require_tmux
require_file "$GUESTS/hello.bin"
START_ENV="KVM_TUI_DEVICE=/nonexistent/kvm"

bad="$WORK/bad.theme"
printf '# a theme with a mistake on line 3\nnormal = white on black\nexit.io = chartreuse-ish\n' >"$bad"
start 80 24 --theme "$bad" "$GUESTS/hello.bin"
wait_exit "kvm-tui refuses the bad theme"
assert_eq 4 "$STATUS" "a bad theme: status 4 (could not start)"
if grep -q "bad.theme:3" "$WORK/stderr"; then
	ok "the error names the file and the line (bad.theme:3): $(head -1 "$WORK/stderr")"
else
	fail "the error names bad.theme:3 (stderr: $(cat "$WORK/stderr"))"
fi
assert_sane_terminal

unknown="$WORK/unknown.theme"
printf 'exit.io = cyan\nexit.typo = red\n' >"$unknown"
start 80 24 --theme "$unknown" "$GUESTS/hello.bin"
wait_exit "kvm-tui refuses an unknown key"
if grep -q "unknown.theme:2" "$WORK/stderr"; then
	ok "an unknown key is an error naming unknown.theme:2"
else
	fail "an unknown key names unknown.theme:2 (stderr: $(cat "$WORK/stderr"))"
fi

start 80 24 --theme "$WORK/no-such.theme" "$GUESTS/hello.bin"
wait_exit "kvm-tui refuses a missing theme file"
assert_eq 4 "$STATUS" "a missing theme file: status 4"
if grep -q "no-such.theme" "$WORK/stderr"; then
	ok "a missing theme file: the error names it"
else
	fail "a missing theme file: the error names it (stderr: $(cat "$WORK/stderr"))"
fi

# --trace in a terminal: refused (status 2), not silently ignored.
start 80 24 --trace "$WORK/trace" "$GUESTS/hello.bin"
wait_exit "kvm-tui refuses --trace without --headless"
assert_eq 2 "$STATUS" "--trace in the TUI: status 2 (usage)"
if grep -q -- "--trace works only with --headless" "$WORK/stderr"; then
	ok "--trace in the TUI: the error says it needs --headless"
else
	fail "--trace in the TUI: the error says it needs --headless (stderr: $(cat "$WORK/stderr"))"
fi

# With a good theme the next refusal is KVM's own, also before the terminal
# is taken over.
start 80 24 "$GUESTS/hello.bin"
wait_exit "without KVM the console does not start"
assert_eq 4 "$STATUS" "no KVM: status 4"
if grep -q "/nonexistent/kvm" "$WORK/stderr"; then
	ok "no KVM: the error names the device"
else
	fail "no KVM: the error names the device (stderr: $(cat "$WORK/stderr"))"
fi
assert_sane_terminal
finish
