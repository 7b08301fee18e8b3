# SPDX-License-Identifier: MIT
# rep_insb - one string instruction reading many bytes: the IO exit's count.
#
# Flat, loaded at 0. REP INSB reads CX = 16 bytes from port 0x1234 (which no
# device claims: all ones) into memory at 0x800. KVM's instruction emulator
# reads ahead: the VMM sees one IO exit, direction in, size 1, count 16, and
# must fill all 16 bytes. (For REP OUTSB it hands over one byte per exit.)
# Output: "rep insb: " and the 16 bytes in hex, then "\n":
#   "rep insb: ffffffffffffffffffffffffffffffff\n", then HLT.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	cld
	mov	$0x800, %di
	mov	$16, %cx
	mov	$0x1234, %dx
	rep insb			# <- one IO exit, count 16

	mov	$message, %si
	mov	$0x3f8, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	out	%al, (%dx)
	jmp	1b
2:	mov	$0x800, %si
	mov	$16, %cx
3:	lodsb				# each byte as two hex digits
	mov	%al, %ah
	shr	$4, %al
	call	nibble
	mov	%ah, %al
	call	nibble
	loop	3b
	mov	$'\n', %al
	out	%al, (%dx)
halt:	hlt
	jmp	halt

nibble:	and	$0x0f, %al
	add	$'0', %al
	cmp	$'9', %al
	jbe	1f
	add	$'a' - '9' - 1, %al
1:	out	%al, (%dx)
	ret

message:
	.asciz	"rep insb: "
