# SPDX-License-Identifier: MIT
# speaker - the PC speaker plays a scale: PIT channel 2 and port 61h.
#
# Lesson: the PC has no sound chip, only a loudspeaker wired to the 8254
# PIT's channel 2 through the board's port 61h. Channel 2, in mode 3,
# makes a square wave at 1193182 Hz / count; bit 0 of port 61h (GATE2)
# lets it count and bit 1 (speaker data) connects its output to the
# speaker. With both set the speaker sounds; clear either and it stops.
# To play a note: write a control word (channel 2, low then high byte,
# mode 3) to port 43h and the count to port 42h. kvm-tui makes no sound,
# but its status bar shows the note while it sounds ("♪ 440.0 Hz") and
# --stats counts the notes.
#
# Each note lasts a quarter of a second, timed as the timer guest is: the
# PIT's channel 0 ticks 100 times a second on IRQ 0, and the guest sleeps
# in HLT between the ticks instead of spinning in a delay loop. At the end
# it silences the speaker, prints "done" and halts with interrupts off.
#
# Output: one line per note as it starts, then "done" (status 0):
#   C4 261.6 Hz   D4 293.7 Hz   E4 329.6 Hz   F4 349.2 Hz
#   G4 392.0 Hz   A4 440.0 Hz   B4 493.9 Hz   C5 523.3 Hz
# Exits: per note 3 OUT (the PIT) + 12 OUT (the line), then 25 ticks of a
# HLT and an OUT (the EOI) each; an IN and an OUT to port 61h at each end.
# With --irqchip kernel, KVM runs the PIT and port 61h itself: those
# exits, and the note in the status bar, disappear.

	.code16
	.include "boot.inc"

	.equ	PIC1_CMD, 0x20		# master 8259: OCW2 (EOI) here
	.equ	PIC1_DATA, 0x21		# master 8259: the interrupt mask
	.equ	PIC2_DATA, 0xa1		# slave 8259: its mask
	.equ	PIT_CH0, 0x40
	.equ	PIT_CH2, 0x42		# the speaker's counter
	.equ	PIT_CTRL, 0x43
	.equ	PORT_B, 0x61		# bit 0 GATE2, bit 1 speaker data
	.equ	SPEAKER_BITS, 0x03
	.equ	TICK_DIVISOR, 11932	# channel 0: 1193182 Hz / 11932 = 100.0 Hz
	.equ	TICKS_PER_NOTE, 25	# a quarter of a second
	.equ	IRQ0_VECTOR, 0x08

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	movw	$irq0, IRQ0_VECTOR * 4	# the IVT entry for IRQ 0: offset,
	movw	$0, IRQ0_VECTOR * 4 + 2	# then segment
	mov	$0x34, %al		# channel 0, low then high byte, mode 2
	out	%al, $PIT_CTRL
	mov	$(TICK_DIVISOR & 0xff), %al
	out	%al, $PIT_CH0
	mov	$(TICK_DIVISOR >> 8), %al
	out	%al, $PIT_CH0
	mov	$0xfe, %al		# only IRQ 0 gets through the PICs
	out	%al, $PIC1_DATA
	mov	$0xff, %al
	out	%al, $PIC2_DATA
	sti

	in	$PORT_B, %al		# read-modify-write: keep the other bits
	or	$SPEAKER_BITS, %al	# gate on, speaker connected
	out	%al, $PORT_B
	mov	$notes, %si

# Each entry: the count, then the line to print (SI walks the table).
play:
	lodsw
	test	%ax, %ax		# count 0 ends the table here
	jz	finish
	mov	%ax, %bx
	mov	$0xb6, %al		# channel 2, low then high byte, mode 3
	out	%al, $PIT_CTRL
	mov	%bl, %al
	out	%al, $PIT_CH2
	mov	%bh, %al
	out	%al, $PIT_CH2		# <- the note changes here
	call	puts			# SI moves on to the next entry
	movw	$0, ticks
hold:
	hlt				# <- a VM exit; the next tick wakes it
	cmpw	$TICKS_PER_NOTE, ticks
	jb	hold
	jmp	play

finish:
	in	$PORT_B, %al
	and	$~SPEAKER_BITS, %al	# silence
	out	%al, $PORT_B
	mov	$done, %si
	call	puts
	cli
	hlt				# interrupts off: the end (status 0)

# IRQ 0: count the tick, then a non-specific EOI to the PIC.
irq0:
	push	%ax
	incw	%cs:ticks
	mov	$0x20, %al
	out	%al, $PIC1_CMD
	pop	%ax
	iret

	PUTS_ROUTINE puts

	.section .rodata
# Equal temperament from A4 = 440 Hz; count = 1193182 / frequency, rounded,
# and each line gives the frequency that count really makes.
notes:
	.word	4561
	.asciz	"C4 261.6 Hz\n"
	.word	4063
	.asciz	"D4 293.7 Hz\n"
	.word	3620
	.asciz	"E4 329.6 Hz\n"
	.word	3417
	.asciz	"F4 349.2 Hz\n"
	.word	3044
	.asciz	"G4 392.0 Hz\n"
	.word	2712
	.asciz	"A4 440.0 Hz\n"
	.word	2416
	.asciz	"B4 493.9 Hz\n"
	.word	2280
	.asciz	"C5 523.3 Hz\n"
	.word	0
done:	.asciz	"done\n"

	.section .data
ticks:	.word	0
