# SPDX-License-Identifier: MIT
# ports - port I/O beyond COM1's transmit register.
#
# Flat, loaded at 0. In order:
#   out 0xa5 -> port 0x1234   a port nobody claims: ignored (an IO exit)
#   in  port 0x1234 (byte)    unclaimed: reads all ones, 0xff
#   in  port 0x2345 (word)    unclaimed: 0xffff
#   out 0x5a -> 0x3ff, in 0x3ff: the 16550's scratch register keeps 0x5a
#   "debugcon\n" -> port 0xe9 (debug console: not COM1, not on stdout)
# and prints what it read to COM1:
#   "in 0x1234: ff\nin 0x2345: ffff\nscr: 5a\n"
# then HLT.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x8000, %sp
	cld

	mov	$0x1234, %dx
	mov	$0xa5, %al
	out	%al, (%dx)		# wild write
	in	(%dx), %al		# unclaimed byte read
	mov	%al, %bl
	mov	$0x2345, %dx
	in	(%dx), %ax		# unclaimed word read
	mov	%ax, %di
	mov	$0x3ff, %dx
	mov	$0x5a, %al
	out	%al, (%dx)		# UART scratch register
	xor	%al, %al
	in	(%dx), %al
	mov	%al, %bh

	mov	$debugcon, %si
	mov	$0xe9, %dx
	call	putsdx

	mov	$msg_in1, %si
	call	puts
	mov	%bl, %al
	call	puthex8
	mov	$msg_in2, %si
	call	puts
	mov	%di, %ax
	xchg	%al, %ah
	call	puthex8
	xchg	%al, %ah
	call	puthex8
	mov	$msg_scr, %si
	call	puts
	mov	%bh, %al
	call	puthex8
	mov	$msg_nl, %si
	call	puts
halt:	hlt
	jmp	halt

puts:	mov	$0x3f8, %dx
putsdx:	lodsb
	test	%al, %al
	jz	1f
	out	%al, (%dx)
	jmp	putsdx
1:	ret

# puthex8: AL as two hex digits to COM1 (keeps AX).
puthex8:
	push	%ax
	mov	$0x3f8, %dx
	push	%ax
	shr	$4, %al
	call	nibble
	pop	%ax
	call	nibble
	pop	%ax
	ret
nibble:	and	$0x0f, %al
	add	$'0', %al
	cmp	$'9', %al
	jbe	1f
	add	$'a' - '9' - 1, %al
1:	out	%al, (%dx)
	ret

	.section .rodata
debugcon: .asciz "debugcon\n"
msg_in1: .asciz	"in 0x1234: "
msg_in2: .asciz	"\nin 0x2345: "
msg_scr: .asciz	"\nscr: "
msg_nl:	.asciz	"\n"
