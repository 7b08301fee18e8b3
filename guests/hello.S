# SPDX-License-Identifier: MIT
# hello - "Hello, KVM!" on the serial port: the guest side of port I/O.
#
# Lesson: the guest writes one character at a time to COM1's transmit
# register (I/O port 0x3f8) with OUT. The CPU cannot complete an OUT to a
# device that does not exist in hardware, so every OUT is a VM exit
# (KVM_EXIT_IO): KVM_RUN returns, the VMM's 16550 UART model takes the byte
# and prints it, and the guest resumes at the next instruction. Twelve
# characters cost twelve round trips between guest and host.
# (A real driver would first program the UART and wait for LSR.THRE; kvm-tui's
# UART is always ready, and here every IN would be one more exit.)
#
# Exits to expect: exactly 13 - 12 IO (out, port 0x3f8, 1 byte each:
# 'H' 'e' 'l' 'l' 'o' ',' ' ' 'K' 'V' 'M' '!' '\n') and then 1 HLT.
# Watch in the console: the exit log fills with "IO out 0x3f8" lines, each
# carrying the next character, and the serial pane grows one letter per exit.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	# A boot sector starts with no promises (no BIOS here at all): set up
	# our own segments and stack before touching memory.
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$0x7c00, %sp		# the stack grows down, below this sector
	cld				# lodsb walks forwards
	ljmp	$0, $start		# some BIOSes jump to 07c0:0000: make CS 0

start:
	mov	$message, %si
	mov	$0x3f8, %dx		# COM1 transmit holding register
print:
	lodsb				# AL = [DS:SI++]
	test	%al, %al
	jz	done
	out	%al, (%dx)		# <- one VM exit per character
	jmp	print

done:
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

	.section .rodata
message:
	.asciz	"Hello, KVM!\n"
