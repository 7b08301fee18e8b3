# SPDX-License-Identifier: MIT
# rep_outsb - one string instruction, many bytes: the IO exit's count field.
#
# Flat, loaded at 0. REP OUTSB writes CX bytes from DS:SI to port DX. KVM's
# instruction emulator hands them to the VMM one byte per IO exit (count 1;
# compare rep_insb, where it reads ahead): 39 IO exits, 39 bytes.
# Output: "rep outsb: one instruction, many exits\n" (39 bytes), then HLT.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	cld
	mov	$message, %si
	mov	$message_end - message, %cx
	mov	$0x3f8, %dx
	rep outsb
halt:	hlt
	jmp	halt

	.section .rodata
message:
	.ascii	"rep outsb: one instruction, many exits\n"
message_end:
