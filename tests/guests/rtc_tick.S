# SPDX-License-Identifier: MIT
# rtc_tick - the CMOS clock's periodic interrupt (IRQ 8, through the slave
# PIC) wakes a guest asleep in HLT: a test guest for a device of kvm-tui's
# whose line is due by time (with KVM's irqchip, the machine's alarm must
# wake the vCPU thread for it).
#
# Rate 6 (1024 Hz, what a BIOS leaves) in register A, PIE in register B,
# IRQ 8 unmasked at the slave and only IRQ 2 (the cascade) at the master.
# The handler reads register C (which lowers the line), ends the interrupt
# at both PICs and prints '.' every 64th time; after 256 "done\n", then HLT
# with interrupts off (status 0). A quarter of a second if every interrupt
# comes when due; much longer if the VMM only looks at the clock now and then.

	.code16
	.include "boot.inc"

	.equ	CMOS_INDEX, 0x70
	.equ	CMOS_DATA, 0x71
	.equ	IRQ8_VECTOR, 0x70	# the slave PIC's base as a BIOS leaves it

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	movw	$irq8, IRQ8_VECTOR * 4
	movw	$0, IRQ8_VECTOR * 4 + 2
	mov	$0x8a, %al		# register A (NMI masked while we program)
	out	%al, $CMOS_INDEX
	mov	$0x26, %al		# 32.768 kHz divider, rate 6: 1024 Hz
	out	%al, $CMOS_DATA
	mov	$0x8b, %al		# register B
	out	%al, $CMOS_INDEX
	in	$CMOS_DATA, %al
	or	$0x40, %al		# PIE: the periodic interrupt
	mov	%al, %ah
	mov	$0x8b, %al
	out	%al, $CMOS_INDEX
	mov	%ah, %al
	out	%al, $CMOS_DATA
	mov	$0xfe, %al		# only IRQ 8 through the slave
	out	%al, $0xa1
	mov	$0xfb, %al		# only the cascade through the master: the
	out	%al, $0x21		# BIOS's 18.2 Hz IRQ 0 has no handler here
	sti
sleep:
	hlt
	cmpw	$256, ticks
	jb	sleep
	mov	$done, %si
	call	puts
	cli
	hlt

irq8:
	push	%ax
	push	%dx
	mov	$0x0c, %al		# register C: reading it ends the request
	out	%al, $CMOS_INDEX
	in	$CMOS_DATA, %al
	mov	$0x20, %al		# EOI: the slave, then the master
	out	%al, $0xa0
	out	%al, $0x20
	incw	%cs:ticks
	testb	$63, %cs:ticks
	jnz	1f
	mov	$COM1_DATA, %dx
	mov	$'.', %al
	out	%al, (%dx)
1:	pop	%dx
	pop	%ax
	iret

	PUTS_ROUTINE puts

done:	.asciz	"done\n"
ticks:	.word	0
