# SPDX-License-Identifier: MIT
# escape_guest.sh - makes the "escape" guest (sourced, not run): real-mode
# code at 0 that OUTs a message full of terminal escape sequences to COM1
# (mov dx,0x3f8; then mov al,imm8 / out dx,al per byte) and halts. The TUI
# test runs it live; tests/recordings/make.sh records it for the replay twin.

# The message: clear screen, home, set the window title, leave the
# alternate screen, full reset, a C1 CSI, between two lines of text.
ESCAPE_MESSAGE=$'before\r\n\e[2J\e[H\e]0;PWNED\a\e[?1049l\ec\x9b2Jafter\r\n'

# make_escape_guest OUT: writes the guest to OUT and the message to OUT.msg.
make_escape_guest() {
	local out=$1 byte
	printf '%s' "$ESCAPE_MESSAGE" >"$out.msg"
	{
		printf '\xba\xf8\x03' # mov dx, 0x3f8
		for byte in $(od -An -v -tx1 "$out.msg"); do
			printf "\\xb0\\x$byte\\xee" # mov al, byte; out dx, al
		done
		printf '\xf4' # hlt
	} >"$out"
}
