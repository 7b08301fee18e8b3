# SPDX-License-Identifier: MIT
# tick - the PIT at a rate you choose, and how late each interrupt arrives.
#
# Lesson: an interrupt is not instantaneous. Between the moment the 8254's
# counter reaches zero and the first instruction of the guest's handler,
# the hypervisor has to notice the deadline, wake the vCPU (or an in-kernel
# timer has to fire), inject the vector and enter the guest. This guest
# measures that delay with the PIT itself: the handler's very first
# instruction latches channel 0's count, and in mode 2 the count restarts
# from the divisor at every tick, so divisor - count is how many PIT clocks
# (1/1193182 s = 0.838 us each) passed since the tick was due. Compare
#   kvm-tui --irqchip user guests/tick.bin     (kvm-tui injects: HLT exits, a wake-up, KVM_INTERRUPT)
#   kvm-tui --irqchip kernel guests/tick.bin   (KVM's own PIT and PIC: no exits at all for the tick)
#
# Two patchable settings (bench/run patches them, e.g. for 1000 Hz without reports):
#   offset 4: the PIT divisor, 16 bits little-endian (11932 = 100 Hz as built;
#             1193 = 1000 Hz; 0 = 65536 = 18.2 Hz, the PC's own tick)
#   offset 6: 1 = report each tick's lateness (as built), 0 = just sleep
#             (the handler only acknowledges the tick: an idle guest)
#   printf '\xa9\x04\x00' | dd of=/tmp/t.bin bs=1 seek=4 conv=notrunc   # 1000 Hz, quiet
# Output (reporting): "late N\n" for each tick, N in PIT clocks; forever.
# Exits per tick, user-space irqchip: HLT, IO latch + 2 IO reads, IO EOI, then the line's.

	.code16
	.include "boot.inc"

	.equ	PIC1_CMD, 0x20
	.equ	PIC1_DATA, 0x21
	.equ	PIC2_DATA, 0xa1
	.equ	PIT_CH0, 0x40
	.equ	PIT_CTRL, 0x43
	.equ	IRQ0_VECTOR, 0x08

	.section .text.start, "ax"
	.global _start
_start:
	jmp	start			# 2 bytes: EB 06
	.ascii	"D="			# offset 2: marks the settings for humans
divisor: .word	11932			# offset 4: the PIT divisor (100 Hz)
report:	.byte	1			# offset 6: print lateness (1) or just sleep (0)
	.byte	0

start:
	BOOT_START go

go:
	# The handler: measuring, or only acknowledging.
	movw	$irq0_quiet, IRQ0_VECTOR * 4
	cmpb	$0, report
	je	1f
	movw	$irq0_measure, IRQ0_VECTOR * 4
1:	movw	$0, IRQ0_VECTOR * 4 + 2
	# Channel 0, low then high byte, mode 2 (rate generator), binary.
	mov	$0x34, %al
	out	%al, $PIT_CTRL
	mov	divisor, %ax
	out	%al, $PIT_CH0
	mov	%ah, %al
	out	%al, $PIT_CH0
	mov	$0xfe, %al		# only IRQ 0 gets through
	out	%al, $PIC1_DATA
	mov	$0xff, %al
	out	%al, $PIC2_DATA

# Interrupts are on only inside HLT (sti's one-instruction shadow covers the
# hlt), with AL = 0: the measuring handler's first instruction uses it.
sleep:
	xor	%al, %al
	sti
	hlt				# <- the tick wakes it
	cli
	cmpb	$0, fresh
	je	sleep
	movb	$0, fresh
	mov	$label, %si
	call	puts
	mov	late, %ax
	call	print_decimal
	mov	$newline, %si
	call	puts
	jmp	sleep

# The first instruction latches channel 0's count: OUT 43h with AL = 0
# (channel 0, counter latch command), AL being 0 in the HLT loop.
irq0_measure:
	out	%al, $PIT_CTRL		# <- the tick's first instruction
	push	%ax
	in	$PIT_CH0, %al		# the latched count, low byte
	mov	%al, %ah
	in	$PIT_CH0, %al		# ... high byte
	xchg	%al, %ah
	neg	%ax
	add	%cs:divisor, %ax	# divisor - count (mod 65536: divisor 0 is 65536)
	mov	%ax, %cs:late
	movb	$1, %cs:fresh
	mov	$0x20, %al
	out	%al, $PIC1_CMD		# non-specific EOI
	pop	%ax
	iret

irq0_quiet:
	push	%ax
	mov	$0x20, %al
	out	%al, $PIC1_CMD		# non-specific EOI
	pop	%ax
	iret

	PRINT_DECIMAL_ROUTINE print_decimal

	PUTS_ROUTINE puts

	.section .rodata
label:	.asciz	"late "
newline: .asciz	"\n"

	.section .data
late:	.word	0
fresh:	.byte	0
