#!/usr/bin/env bash
# A bad theme file is refused before the terminal is taken over: one line
# naming file:line and what is wrong, a non-zero status, a sane terminal.
# A good theme (and --no-color, NO_COLOR) start the console as usual.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

bad="$WORK/bad.theme"
printf '# a theme with a mistake on line 3\nnormal = white on black\nexit.io = chartreuse-ish\n' >"$bad"
start 80 24 --theme "$bad" "${GUEST[@]}"
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
start 80 24 --theme "$unknown" "${GUEST[@]}"
wait_exit "kvm-tui refuses an unknown key"
if grep -q "unknown.theme:2" "$WORK/stderr"; then
	ok "an unknown key is an error naming unknown.theme:2"
else
	fail "an unknown key names unknown.theme:2 (stderr: $(cat "$WORK/stderr"))"
fi

good="$WORK/good.theme"
printf '# only one key: the rest from the default theme\nexit.hlt = bold magenta\n' >"$good"
start 80 24 --theme "$good" "${GUEST[@]}"
wait_for 'HALTED *$' "a partial theme file works (missing keys from the default)"
keys q
wait_exit "q quits"

for theme in light projector mono; do
	start 80 24 --theme "$theme" "${GUEST[@]}"
	wait_for 'Hello, KVM!' "the shipped '$theme' theme starts"
	keys q
	wait_exit "q quits ($theme)"
done

start 80 24 --no-color "${GUEST[@]}"
wait_for 'HALTED *$' "--no-color starts the console"
keys q
wait_exit "q quits (--no-color)"

START_ENV="NO_COLOR=1" start 80 24 "${GUEST[@]}"
wait_for 'HALTED *$' "NO_COLOR=1 starts the console"
keys q
wait_exit "q quits (NO_COLOR)"
assert_sane_terminal
finish
