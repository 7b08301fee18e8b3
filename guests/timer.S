# SPDX-License-Identifier: MIT
# timer - the PC's timer interrupt: a guest that sleeps in HLT and wakes
# 100 times a second.
#
# Lesson: most of a real guest's life is waiting. This one programs the 8254
# PIT's channel 0 to 100 Hz, points interrupt vector 08h (IRQ 0, where the PC
# BIOS leaves the 8259 PIC's base) at its handler, unmasks IRQ 0 at the PIC
# and sleeps in HLT with interrupts on. Each HLT is a VM exit, and kvm-tui
# (a user-space interrupt controller here) puts the vCPU thread to sleep
# until the PIT's next tick is due, then injects the interrupt with
# KVM_INTERRUPT: the exit log shows "IRQ 0 -> vector 08h" lines between the
# HLTs and the handler's EOI (an OUT to the PIC at port 0x20). Every 100
# ticks the guest prints the seconds it has counted.
#
# Output: "second 1\n", "second 2\n", ... one line a second, forever
# (--timeout 3 shows about three lines; pausing freezes the guest's time).
# Exits per second: about 100 HLT + 100 OUT (the EOI) + the printing.

	.code16
	.include "boot.inc"

	.equ	PIC1_CMD, 0x20		# master 8259: OCW2 (EOI) here
	.equ	PIC1_DATA, 0x21		# master 8259: the interrupt mask (OCW1)
	.equ	PIC2_DATA, 0xa1		# slave 8259: its mask
	.equ	PIT_CH0, 0x40
	.equ	PIT_CTRL, 0x43
	.equ	PIT_DIVISOR, 11932	# 1193182 Hz / 11932 = 100.0 Hz
	.equ	TICKS_PER_SECOND, 100
	.equ	IRQ0_VECTOR, 0x08	# the PC's PIC base: IRQ 0 is vector 08h

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	# Vector 08h in the real-mode IVT at 0000:0020: offset, then segment.
	movw	$irq0, IRQ0_VECTOR * 4
	movw	$0, IRQ0_VECTOR * 4 + 2
	# PIT channel 0: access low then high byte, mode 2 (rate generator), binary.
	mov	$0x34, %al
	out	%al, $PIT_CTRL
	mov	$(PIT_DIVISOR & 0xff), %al
	out	%al, $PIT_CH0
	mov	$(PIT_DIVISOR >> 8), %al
	out	%al, $PIT_CH0
	# Only IRQ 0 gets through the PICs.
	mov	$0xfe, %al
	out	%al, $PIC1_DATA
	mov	$0xff, %al
	out	%al, $PIC2_DATA
	sti				# interrupts on: from now on HLT is a wait

sleep:
	hlt				# <- a VM exit; the timer wakes it
	cmpw	$TICKS_PER_SECOND, ticks
	jb	sleep
	subw	$TICKS_PER_SECOND, ticks
	incw	seconds
	mov	$label, %si
	call	puts
	mov	seconds, %ax
	call	print_decimal
	mov	$newline, %si
	call	puts
	jmp	sleep

# IRQ 0: count the tick, tell the PIC it is handled (a non-specific EOI).
irq0:
	push	%ax
	incw	%cs:ticks
	mov	$0x20, %al
	out	%al, $PIC1_CMD		# <- an exit too: the PIC is kvm-tui's
	pop	%ax
	iret

	PRINT_DECIMAL_ROUTINE print_decimal

	PUTS_ROUTINE puts

	.section .rodata
label:	.asciz	"second "
newline: .asciz	"\n"

	.section .data
ticks:	.word	0
seconds: .word	0
