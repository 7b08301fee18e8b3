# SPDX-License-Identifier: MIT
# pic_hello - a real-mode hello that runs wherever it is loaded.
#
# Flat and position independent: it finds its own address with CALL/POP and
# addresses its message through CS, so it works at 0 (the default) and with
# --load-addr/--entry anywhere below 1 MiB, however the VMM splits the entry
# into CS:IP. Output "PIC hello\n", then HLT.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli
	cld
	mov	%cs, %ax
	mov	%ax, %ss		# a stack just below 64 KiB above our
	mov	$0xfffe, %sp		# segment: CALL needs one
	call	here
here:	pop	%si			# SI = IP of 'here', relative to CS
	add	$message - here, %si
	mov	%cs, %ax
	mov	%ax, %ds		# DS:SI = the message, wherever we are
	mov	$0x3f8, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	out	%al, (%dx)
	jmp	1b
2:	hlt
	jmp	2b

message:
	.asciz	"PIC hello\n"
