# SPDX-License-Identifier: MIT
# kbc_reset - prints "boot" and pulses the PC's reset line through the 8042
# (command 0xfe to port 0x64), forever: a test guest for the reset a guest
# asks for. Each reset is a fresh VM, so the output is "boot\n" per start;
# --max-exits bounds it (5 OUTs to COM1 and 1 to the 8042 per start).

	.code16
	.include "boot.inc"

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	mov	$msg, %si
	call	puts
	mov	$0xfe, %al		# pulse the CPU's reset line
	out	%al, $0x64
1:	hlt				# the reset comes at the next exit; never here
	jmp	1b

	PUTS_ROUTINE puts

msg:	.asciz	"boot\n"
