# SPDX-License-Identifier: MIT
# clock - the date and time from the BIOS: INT 1Ah, once a second.
#
# Lesson: a PC keeps time twice. The CMOS clock (the RTC, on a battery)
# holds the date and time in BCD; INT 1Ah AH=04h and AH=02h read them
# (kvm-tui's BIOS reads the clock's registers through ports 70h/71h, as a
# real one does). And the BIOS counts timer ticks since midnight, 18.2 a
# second, at 0x46C: the PIT's IRQ 0 runs INT 8, which adds one; INT 1Ah
# AH=00h returns the count. Between lines the guest asks the BIOS to wait a
# second, INT 15h AH=86h, and sleeps in HLT meanwhile.
#
# Output, one line a second: clock 2026-12-02 14:03:59, tick 1034297

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	sti				# the tick count needs the timer's interrupts
next_line:
	mov	$msg_clock, %si
	call	print
	mov	$0x04, %ah		# date: CH century, CL year, DH month, DL day (BCD)
	int	$0x1a
	mov	%ch, %al
	call	putbcd
	mov	%cl, %al
	call	putbcd
	mov	$'-', %al
	call	putc
	mov	%dh, %al
	call	putbcd
	mov	$'-', %al
	call	putc
	mov	%dl, %al
	call	putbcd
	mov	$' ', %al
	call	putc
	mov	$0x02, %ah		# time: CH hours, CL minutes, DH seconds (BCD)
	int	$0x1a
	mov	%ch, %al
	call	putbcd
	mov	$':', %al
	call	putc
	mov	%cl, %al
	call	putbcd
	mov	$':', %al
	call	putc
	mov	%dh, %al
	call	putbcd
	mov	$msg_tick, %si
	call	print
	xor	%ah, %ah		# ticks since midnight in CX:DX
	int	$0x1a
	mov	%dx, %ax
	mov	%cx, %dx
	call	putdec32
	mov	$msg_eol, %si
	call	print
	mov	$0x86, %ah		# wait CX:DX = 1000000 microseconds
	mov	$0x000f, %cx
	mov	$0x4240, %dx
	int	$0x15
	jmp	next_line

putc:
	push	%bx
	mov	$0x0e, %ah
	xor	%bh, %bh
	int	$0x10
	pop	%bx
	ret

print:
	lodsb
	test	%al, %al
	jz	1f
	call	putc
	jmp	print
1:	ret

# putbcd: AL's two BCD digits.
putbcd:
	push	%ax
	shr	$4, %al
	add	$'0', %al
	call	putc
	pop	%ax
	and	$0x0f, %al
	add	$'0', %al
	jmp	putc

# putdec32: DX:AX in decimal (the tick count fits in 21 bits: DX < 10 * 65536).
putdec32:
	mov	$10, %bx
	xor	%cx, %cx
1:	push	%ax			# DX:AX / 10, a word at a time
	mov	%dx, %ax
	xor	%dx, %dx
	div	%bx
	mov	%ax, %si		# the high quotient
	pop	%ax
	div	%bx			# DX = the digit
	push	%dx
	inc	%cx
	mov	%si, %dx
	mov	%ax, %di
	or	%dx, %di
	jnz	1b
2:	pop	%ax
	add	$'0', %al
	call	putc
	loop	2b
	ret

	.section .rodata
msg_clock:
	.asciz	"clock "
msg_tick:
	.asciz	", tick "
msg_eol:
	.asciz	"\r\n"
