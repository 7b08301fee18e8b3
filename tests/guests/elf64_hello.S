# SPDX-License-Identifier: MIT
# elf64_hello - an ELF64 executable: 64-bit code linked at 1 MiB.
#
# kvm-tui loads its PT_LOAD segment at 0x100000 and, as the ELF class is 64,
# starts it at the header's entry point in long mode with identity-mapped
# page tables of its own. Prints "ELF64 hello\n" to COM1 (12 IO exits), then
# 1 HLT.

	.code64
	.section .text
	.global _start
_start:
	cli
	cld
	lea	message(%rip), %rsi
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
	.asciz	"ELF64 hello\n"
