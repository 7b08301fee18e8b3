#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Good themes start the console: a partial theme file (the rest from the
# default), the shipped themes, --no-color and NO_COLOR. Bad themes are
# refused in tui.theme_error, which needs no KVM. Its replay twin shows the
# same on the recording of hello.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

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
