# SPDX-License-Identifier: MIT
# keys - reading the keyboard through the BIOS: INT 16h.
#
# Lesson: a key pressed on a PC travels a long way. The keyboard sends a
# scan code to the 8042 controller, which raises IRQ 1; the BIOS's INT 9
# handler reads the code from port 0x60, keeps track of Shift, Ctrl, Alt and
# the locks, and puts a (scan code, ASCII) word into a 16-key buffer in the
# BIOS data area at 0x41E. INT 16h AH=00h takes the next word from there,
# waiting - asleep in HLT - until there is one. A key with no character
# (an arrow, F1) comes back with ASCII 0 and only its scan code.
# In kvm-tui each step is visible: the IRQ 1 injection, the "int 09h
# keyboard" trap, and the "int 16h AH=00h read key" that returns it.
#
# Type in the console's screen pane (or pipe text into --headless); Esc quits.
# Output, one line a key: key 'a' scan 1Eh ascii 61h

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	mov	$msg_hello, %si
	call	print
next_key:
	xor	%ah, %ah		# AH=00h: wait for a key, take it
	int	$0x16			# <- AX = scan code << 8 | ASCII
	mov	%ax, %bx
	mov	$msg_key, %si
	call	print
	cmp	$0x20, %bl		# a character to show between quotes?
	jb	1f
	cmp	$0x7e, %bl
	ja	1f
	mov	$'\'', %al
	call	putc
	mov	%bl, %al
	call	putc
	mov	$'\'', %al
	call	putc
	mov	$' ', %al
	call	putc
1:	mov	$msg_scan, %si
	call	print
	mov	%bh, %al
	call	puthex
	mov	$msg_ascii, %si
	call	print
	mov	%bl, %al
	call	puthex
	mov	$msg_eol, %si
	call	print
	cmp	$0x01, %bh		# Esc's scan code
	jne	next_key
	mov	$msg_bye, %si
	call	print
halt:	cli
	hlt
	jmp	halt

putc:
	push	%bx
	mov	$0x0e, %ah
	xor	%bh, %bh
	int	$0x10
	pop	%bx
	ret

print:
	lodsb
	test	%al, %al
	jz	1f
	call	putc
	jmp	print
1:	ret

# puthex: AL as two hex digits and 'h'.
puthex:
	push	%ax
	shr	$4, %al
	call	hexdigit
	pop	%ax
	and	$0x0f, %al
	call	hexdigit
	mov	$'h', %al
	jmp	putc
hexdigit:
	add	$'0', %al
	cmp	$'9', %al
	jbe	putc
	add	$'A' - '9' - 1, %al
	jmp	putc

	.section .rodata
msg_hello:
	.asciz	"keys: press keys, Esc quits\r\n"
msg_key:
	.asciz	"key "
msg_scan:
	.asciz	"scan "
msg_ascii:
	.asciz	" ascii "
msg_eol:
	.asciz	"\r\n"
msg_bye:
	.asciz	"keys: Esc, bye\r\n"
