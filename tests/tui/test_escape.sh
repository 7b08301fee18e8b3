#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A guest that prints terminal escape sequences (clear screen, home, set the
# window title, leave the alternate screen, full reset, a C1 CSI) cannot
# drive the host terminal: the serial pane shows them as text (^[[2J ...),
# nothing is cleared, the title is unchanged, the frames stay intact.
# The guest is made here (tests/lib/escape_guest.sh): real-mode code at 0
# that OUTs each byte to 0x3f8 (mov dx,0x3f8; then mov al,imm8 / out dx,al
# per byte) and halts.
# Replay twin: escape.rec, the same guest recorded by make.sh; the bytes
# reach the serial pane from the recording instead of the vCPU.
. "$(dirname "$0")/tui_lib.sh"
. "$SOURCE_DIR/tests/lib/escape_guest.sh"
require_tui

make_escape_guest "$WORK/escape.bin"
assert_eq "$(wc -c <"$WORK/escape.bin.msg")" "$(( ($(wc -c <"$WORK/escape.bin") - 4) / 3 ))" \
	"the escape guest OUTs every byte of the message"
guest escape --bin "$WORK/escape.bin"
if replay_only "the recording holds this message"; then
	if cmp -s "$RECORDINGS/escape.out" "$WORK/escape.bin.msg"; then
		ok "escape.rec printed exactly this guest's message (escape.out)"
	else
		fail "escape.rec printed exactly this guest's message (re-record: tests/recordings/make.sh build/kvm-tui escape)"
	fi
fi

start 200 60 "${GUEST[@]}"
wait_for 'HALTED *$' "the escape guest ran and halted"
assert_eq "before" "$(pane_region 1 1 1 6)" "the text printed before the escapes is still there"
assert_screen '\^\[\[2J\^\[\[H\^\[\]0;PWNED\^G' "clear, home and set-title show as text"
assert_screen '\^\[\[\?1049l\^\[c\\x9b2Jafter' "leave-alt-screen, reset and a C1 CSI show as text"
assert_eq 1 "$(tmx display -p '#{alternate_on}')" "the console is still on the alternate screen"
title=$(tmx display -p '#{pane_title}')
case "$title" in
*PWNED*) fail "the guest changed the terminal's title to '$title'" ;;
*) ok "the terminal's title is untouched ('$title')" ;;
esac
assert_screen 'statistics' "the frames are intact"
assert_screen "IO +outb 0x3f8 COM1 THR 1b ESC" "the exit log names the ESC byte"

keys q
wait_exit "q quits"
assert_sane_terminal
finish
