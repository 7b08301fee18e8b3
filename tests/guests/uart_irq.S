# SPDX-License-Identifier: MIT
# uart_irq - echo driven by COM1's receive interrupt, asleep in HLT between
# bytes (a test guest: the input path into a halted vCPU, either irqchip).
#
# Points vector 0Ch (IRQ 4 at the PC's PIC base 08h) at its handler, lets
# IRQ 4 through the master PIC, turns on the UART's received-data interrupt
# (IER bit 0) and its line to the PIC (MCR.OUT2), and sleeps in HLT with
# interrupts on. Each received byte is echoed from the handler; 'q' prints
# "bye" and ends in HLT with interrupts off (status 0).
# Output: "ready\n", then the input echoed up to the 'q', then "bye\n".

	.code16
	.include "boot.inc"

	.equ	COM1_IER, 0x3f9
	.equ	COM1_MCR, 0x3fc
	.equ	COM1_LSR, 0x3fd
	.equ	PIC1_CMD, 0x20
	.equ	PIC1_DATA, 0x21
	.equ	IRQ4_VECTOR, 0x0c

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	movw	$irq4, IRQ4_VECTOR * 4
	movw	$0, IRQ4_VECTOR * 4 + 2
	mov	$0xef, %al		# only IRQ 4 through the master
	out	%al, $PIC1_DATA
	mov	$COM1_MCR, %dx
	mov	$0x08, %al		# OUT2: the UART's INTR reaches IRQ 4
	out	%al, (%dx)
	mov	$COM1_IER, %dx
	mov	$0x01, %al		# interrupt on received data
	out	%al, (%dx)
	mov	$ready, %si
	call	puts
	sti
sleep:
	hlt				# the interrupt handler does the work
	cmpb	$0, done
	je	sleep
	mov	$bye, %si
	call	puts
	cli
	hlt				# interrupts off: the end (status 0)

# IRQ 4: every byte the receiver holds, echoed; 'q' ends the loop above.
irq4:
	push	%ax
	push	%dx
1:	mov	$COM1_LSR, %dx
	in	(%dx), %al
	test	$0x01, %al		# data ready?
	jz	2f
	mov	$COM1_DATA, %dx
	in	(%dx), %al
	cmp	$'q', %al
	je	3f
	out	%al, (%dx)
	jmp	1b
3:	movb	$1, %cs:done
2:	mov	$0x20, %al		# non-specific EOI
	out	%al, $PIC1_CMD
	pop	%dx
	pop	%ax
	iret

	PUTS_ROUTINE puts

ready:	.asciz	"ready\n"
bye:	.asciz	"bye\n"
done:	.byte	0
