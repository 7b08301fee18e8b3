# SPDX-License-Identifier: MIT
# elf32_hello - an ELF32 executable: 32-bit code linked at 1 MiB.
#
# kvm-tui loads its PT_LOAD segment at 0x100000 and, as the ELF class is 32,
# starts it at the header's entry point in flat 32-bit protected mode (no
# paging). Prints "ELF32 hello\n" to COM1 (12 IO exits), then 1 HLT.

	.code32
	.section .text
	.global _start
_start:
	cli
	cld
	mov	$message, %esi
	mov	$0x3f8, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	out	%al, (%dx)
	jmp	1b
2:	hlt
	jmp	2b

	.section .rodata
message:
	.asciz	"ELF32 hello\n"
