#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# c shows the code around CS:RIP in pane 4's place (the current instruction
# marked, the one the last exit came from said), y switches Intel/AT&T, c
# again the source line (hello.elf beside hello.bin); m
# shows memory, g takes an address, w the stack layout; Enter on an exit
# names the instruction it came from; each view's key brings the statistics
# back; a small terminal zooms the view instead. hello halts with RIP past
# its HLT at 0000:7c20, and its OUT to COM1 is at 0000:7c1d.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest hello

start 120 40 "${GUEST[@]}"
wait_for 'HALTED *$' "hello halted"

keys c
wait_for '4 code · 16-bit · Intel' "c: the code view in pane 4's place, 16-bit, Intel syntax"
assert_screen '▶ 0000:7c21  jmp 0x7c20' "the current instruction (CS:RIP) is marked"
assert_screen '0000:7c20  hlt  ← exit' "the HLT the guest stopped on is the exit's instruction"
assert_screen '0000:7c1d  out dx, al' "the instructions before RIP are listed"
assert_screen '▶4 code' "the code view has the focus"

keys y
wait_for '4 code · 16-bit · AT&T' "y: AT&T syntax"
assert_screen '0000:7c1e  jmp 0x7c18' "AT&T: the loop's jump"
assert_screen 'movw \$0x3f8, %dx|mov \$0x3f8, %dx|0000:7c19  testb %al, %al' "AT&T operands"
keys y
wait_for '4 code · 16-bit · Intel' "y again: Intel"
assert_screen '4 code · 16-bit · Intel · hello.S:45' "the title names the source line (hello.elf's DWARF)"

keys c
wait_for '4 source · hello.S:45' "c again: the source of the line CS:RIP is in"
assert_screen '▶ +45 +jmp +halt' "the current line is marked"
assert_screen '44  halt: +hlt' "the lines around it, numbered"
keys c
wait_for '4 statistics' "c a third time: the statistics"
keys c
wait_for '4 code' "and the code again"

keys m
wait_for '4 memory · ss:sp \(stack\)' "m: memory at ss:sp, as a stack at first"
assert_screen '→ top +00007c00' "the stack's top is SS:SP = 0:7c00"
keys g
wait_for 'address: ' "g asks for an address"
keys 0 : 7 c 0 0 Enter
wait_for '4 memory · 0:7c00' "the title names the address typed"
assert_screen '00007c00  fa 31 c0 8e' "the boot sector's first bytes at 0:7c00"
if replay_only "the replay's memory is the image as loaded"; then
	assert_screen '4 memory · 0:7c00 \(as loaded\)' "a replay says its memory is the image as loaded"
fi
keys Down
wait_for '4 memory · 0:7c00\+8' "Down moves a line (8 bytes at this width)"
keys Home
wait_for '4 memory · 0:7c00 ' "Home goes back to the address"
keys g x z : s p Enter
wait_for 'not an address' "a bad address is refused in the status bar"
assert_screen '4 memory · 0:7c00 ' "... and the view keeps its address"
keys 4
wait_for '00007c20  f4 eb fd 48 65 6c 6c 6f  2c 20 4b 56 4d 21 0a 00  \|\.\.\.Hello, KVM!\.\.\|' \
	"zoomed: sixteen bytes a line, hex and text"
keys g p h y s : 0 x 9 f f f 0 Enter
wait_for '0009fff0  00 00' "phys: an address in the PC hole's way"
assert_screen '000a0000  \?\? \?\? \?\? \?\?' "the hole reads as ??, not zeros"
keys 4 m
wait_for '4 statistics' "m again: the statistics are back"

# The exit detail names the instruction an exit came from.
keys Tab
keys 3 Home Enter
wait_for 'exit #1 decoded' "Enter decodes the first exit"
wait_for 'instruction: out dx, al  \[ee\]  at 0000:7c1d, before RIP: it completed' \
	"... and names its instruction: the OUT before RIP"
keys Escape 3

# A terminal too small for pane 4 shows the view alone.
resize 60 20
keys c
wait_for '4 code' "compact layout: c shows the code view (zoomed)"
assert_screen 'hlt' "... with the instructions"
keys c
wait_gone '4 code' "c again: gone"
keys q
wait_exit "q quits"
assert_sane_terminal
finish
