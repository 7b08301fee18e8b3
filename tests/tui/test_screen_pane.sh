#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The guest's text screen in the console (a draft: written without KVM, to
# be checked on a KVM host). With the BIOS on, screen.bin draws a box, the
# 16 colours on 8 backgrounds and CP437 shapes straight into 0xB8000: the
# screen takes pane 1's place by itself, in code page 437 and colour, with
# the dirty pages counted in the statistics; v switches to COM1 and back,
# 1 zooms whichever is there. keys.bin reads int 16h: keys typed into the
# screen pane reach the 8042 (Ctrl-A escape as in the serial pane). Without
# the BIOS there is no screen: pane 1 stays serial and v says why.
# tui-twin: none (needs the BIOS on KVM)
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest screen

# 140 columns: pane 1 is 84 wide, the whole 80x25 page fits.
start 140 40 "${GUEST[@]}"
wait_for '^┌ 1 screen 80x25 mode 03h' "the screen takes pane 1's place once the guest used it"
assert_screen "pane 1: the guest's screen \(v: serial\)" "the key bar says so, and how to go back"
wait_for '╔═{38}╗' "the box's top edge: CP437 C9 CD BB as ╔═╗"
assert_screen '║ kvm-tui: VGA text memory ═' "its title over the edge"
assert_screen 'ABCDEFGHIJKLMNOP' "a row of the 16 foregrounds"
assert_screen '░▒▓█ ☺♥ ↑↓→← ☼♫' "shades, blocks and the IBM glyphs below 0x20"
assert_screen '╚═{38}╝' "the bottom edge"
wait_for 'VGA dirty pages [1-9][0-9]*, screens [1-9]' "the statistics count the dirty pages KVM reported"
# The box is white on blue (attribute 1Fh): blue is 4 on 8 or 16 colours,
# #0000aa (19) on 256; tmux writes whichever its terminal has.
if tmx capture-pane -p -e | grep '╔' | grep -Eq '(\[|;)(44|48;5;19)(;|m)'; then
	ok "the box is drawn on a blue background"
else
	fail "the box is drawn on a blue background"
	tmx capture-pane -p -e | grep '╔' | cat -v | sed 's/^/    | /'
fi

keys v
wait_for '^┌ 1 serial \(COM1\)' "v: the serial console in pane 1 again"
assert_not_screen 'kvm-tui: VGA text memory' "the screen is gone from view"
assert_screen 'v screen' "the key bar offers v to see the screen"
sleep 1 # more screens published: the slot stays the user's choice
assert_screen '^┌ 1 serial \(COM1\)' "the screen does not take the place back by itself"
keys v
wait_for '^┌ 1 screen 80x25' "v again: the screen"

keys 1
wait_for '^┌ 1 screen 80x25 mode 03h' "1 zooms the screen"
assert_not_screen '2 vCPU 0' "zoomed: the other panes are hidden"
keys 1
wait_for '2 vCPU 0' "1 again: back to all panes"
keys q
wait_exit "q quits"
assert_eq 0 "$STATUS" "status 0"
assert_sane_terminal

# A small terminal: the part of the screen around the cursor, said in the title.
start 80 24 "${GUEST[@]}"
wait_for '^┌ 1 screen 80x25 · rows [0-9]+-[0-9]+, cols 0-39' "80x24: the title says which part of the screen shows"
keys q
wait_exit "q quits"

# Typing into the screen: keys go to the 8042, the BIOS's int 9 buffers
# them, int 16h returns them.
guest keys
start 140 40 "${GUEST[@]}"
wait_for 'keys: press keys, Esc quits' "keys.bin greets on its screen"
wait_for '^┌ 1 screen' "... in pane 1"
keys Tab Tab
wait_for '^┌▶1 screen .*keys → 8042' "Tab Tab: typing into the screen, to the 8042"
assert_screen 'keys go to the 8042' "the key bar says where keys go"
type_text 'a'
wait_for "key 'a' scan 1Eh ascii 61h" "a: int 16h returns scan 1Eh, ASCII 61h"
type_text 'v'
wait_for "key 'v' scan 2Fh ascii 76h" "v typed in the screen goes to the guest, not the switch"
keys C-a v
wait_for '^┌▶1 serial \(COM1\)' "Ctrl-A v: the serial console, still focused"
keys C-a v
wait_for '^┌▶1 screen' "Ctrl-A v again: the screen"
keys Escape
wait_for 'keys: Esc, bye' "Esc ends the guest"
wait_for 'HALTED *$' "the guest halted"
keys C-a x
wait_exit "Ctrl-A x quits from the screen pane"
assert_eq 0 "$STATUS" "status 0"

# No BIOS, no screen: pane 1 stays the serial console.
guest hello
start 120 40 --no-bios "${GUEST[@]}"
wait_for 'Hello, KVM!' "hello without the BIOS"
assert_not_screen 'VGA dirty pages' "no screen line in the statistics"
keys v
wait_for 'no text screen \(the BIOS is off\)' "v says there is no screen"
assert_screen '^┌ 1 serial \(COM1\)' "pane 1 stays the serial console"
keys q
wait_exit "q quits"
finish
