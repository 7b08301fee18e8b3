# SPDX-License-Identifier: MIT
# elf32_split - an ELF32 executable in two segments, below and above the PC
# memory hole (see elf_split.ld): its code at 1 MiB prints the message kept at
# 0x7c00, "ELF32 split\n" (12 IO exits), then 1 HLT. The output proves both
# segments were loaded where they say.

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
	.asciz	"ELF32 split\n"
