# SPDX-License-Identifier: MIT
# echo - type to the guest: polling a UART for input.
#
# Lesson: input is port I/O too. The guest asks the 16550's line status
# register (LSR, port 0x3fd) "has a byte arrived?" (bit 0, Data Ready) over and
# over; each IN is a VM exit that the VMM answers from its UART model. When a
# byte is there, an IN from the receive buffer (RBR, port 0x3f8) takes it and an
# OUT sends it back. Polling keeps the CPU busy and costs an exit per question:
# that is why real drivers use interrupts (IER, IRQ 4) instead.
#
# Keys: what you type is echoed; Enter (CR, LF or CR LF) becomes "\r\n";
# Backspace/DEL erases ("\b \b"); 'q' quits: the guest says goodbye and halts.
# Output lines end in "\r\n" as a serial terminal expects.
#
# Exits to expect: 28 IO for the greeting, then a stream of IO in 0x3fd (the
# polls, as many as time allows), per key one IO in 0x3f8 and the IO outs of
# its echo; after 'q' 12 IO for the goodbye and 1 HLT. Status 0.
# Watch in the console: while you do nothing, the exit log scrolls with
# "IO in 0x3fd" and the exit rate is high although the guest "does nothing".
# Headless: printf 'hi\nq' | kvm-tui --headless guests/echo.bin

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)

	.equ	COM1_LSR, 0x3fd		# line status: bit 0 = data ready
	.equ	QUIT_KEY, 'q'

start:
	mov	$greeting, %si
	call	puts
	xor	%bl, %bl		# BL = 1 when the last key was a CR

next_key:
	mov	$COM1_LSR, %dx
poll:
	in	(%dx), %al		# <- one VM exit per poll
	test	$0x01, %al		# LSR.DR: a received byte is waiting
	jz	poll
	mov	$COM1_DATA, %dx
	in	(%dx), %al		# take it from the receive buffer

	cmp	$QUIT_KEY, %al
	je	quit
	cmp	$'\r', %al
	je	key_cr
	cmp	$'\n', %al
	je	key_lf
	xor	%bl, %bl
	cmp	$0x7f, %al		# DEL (what most terminals send for Backspace)
	je	key_bs
	cmp	$0x08, %al		# BS
	je	key_bs
	out	%al, (%dx)		# echo it
	jmp	next_key

key_cr:	mov	$1, %bl
	call	newline
	jmp	next_key
key_lf:	test	%bl, %bl		# LF right after CR: Enter was CR LF, done
	mov	$0, %bl
	jnz	next_key
	call	newline
	jmp	next_key
key_bs:	mov	$erase, %si
	call	puts
	jmp	next_key

quit:	mov	$goodbye, %si
	call	puts
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

newline:
	mov	$crlf, %si
# puts: writes the NUL-terminated string at DS:SI to COM1.
	PUTS_ROUTINE puts

	.section .rodata
greeting:
	.asciz	"echo: type away, 'q' quits\r\n"
goodbye:
	.ascii	"\r\nGoodbye!"
crlf:	.asciz	"\r\n"
erase:	.asciz	"\b \b"
