# SPDX-License-Identifier: MIT
# masked_hlt - HLT with interrupts on but every PIC line masked (a test
# guest): nothing can ever wake it, so it is the end of the run (HALTED,
# status 0), as a HLT with interrupts off is, in either irqchip mode.
# The second HLT (after the master masks all but the cascade and the slave
# all of its own) is never reached: the first already ends the run.
# Output: "masked\n".

	.code16
	.include "boot.inc"

	.equ	PIC1_DATA, 0x21
	.equ	PIC2_DATA, 0xa1

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	mov	$0xfb, %al		# the master lets only the cascade through...
	out	%al, $PIC1_DATA
	mov	$0xff, %al		# ...and the slave nothing
	out	%al, $PIC2_DATA
	mov	$msg, %si
	call	puts
	sti
	hlt				# <- nothing can wake it: the end
	mov	$late, %si
	call	puts
	hlt

	PUTS_ROUTINE puts

	.section .rodata
msg:	.asciz	"masked\n"
late:	.asciz	"woke up\n"
