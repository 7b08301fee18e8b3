# SPDX-License-Identifier: MIT
# uartirq - type to the guest: a UART that interrupts.
#
# Lesson: `echo` asks the UART "has a byte arrived?" over and over, and
# every question is a VM exit, thousands a second while nobody types. This
# guest does what echo does, but lets the UART say so: it turns on the
# 16550's "received data available" interrupt (IER bit 0), connects the
# UART's interrupt output to the PC's IRQ 4 (MCR bit 3, OUT2: that is how a
# PC board wires COM1), points vector 0Ch (IRQ 4) at its handler, unmasks
# IRQ 4 at the PIC and sleeps in HLT. While nobody types it costs nothing:
# no exits at all. Compare the exit counts for the same input:
#   (printf 'hi'; sleep 1; printf 'q') | kvm-tui --headless --stats guests/echo.bin
#   (printf 'hi'; sleep 1; printf 'q') | kvm-tui --headless --stats guests/uartirq.bin
#
# The handler drains the UART (LSR bit 0 says a byte waits, RBR gives it)
# into a small buffer and sends the PIC its EOI; the main loop echoes from
# the buffer. Draining matters: the PIC sees edges, and the UART keeps its
# interrupt up while any byte waits, so a handler that took one byte of two
# would never hear of the second. A full buffer stops the draining: the
# bytes then wait in the UART and in kvm-tui, never lost, and the main loop
# drains again once it has made room.
#
# Keys, output and status are echo's: what you type is echoed; Enter (CR,
# LF or CR LF) becomes "\r\n"; Backspace/DEL erases ("\b \b"); 'q' quits
# with "Goodbye!" and a halt (status 0). Only the greeting names the guest.
# Exits to expect per key: the HLT it woke from, 2 INs per byte drained and
# one more to see the UART empty, the EOI, and the echo's OUTs.

	.code16
	.include "boot.inc"

	.equ	COM1_IER, 0x3f9		# interrupt enable: bit 0 = received data available
	.equ	COM1_MCR, 0x3fc		# modem control: bit 3 = OUT2 (IRQ 4 gate on a PC)
	.equ	COM1_LSR, 0x3fd		# line status: bit 0 = data ready
	.equ	PIC1_CMD, 0x20
	.equ	PIC1_DATA, 0x21
	.equ	PIC2_DATA, 0xa1
	.equ	IRQ4_VECTOR, 0x0c	# the PC's PIC base 08h + IRQ 4
	.equ	BUF_SIZE, 16		# a power of two: indices wrap with AND
	.equ	QUIT_KEY, 'q'

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	movw	$irq4, IRQ4_VECTOR * 4
	movw	$0, IRQ4_VECTOR * 4 + 2
	mov	$greeting, %si
	call	puts
	mov	$0x08, %al		# OUT2: the UART's interrupt reaches IRQ 4
	mov	$COM1_MCR, %dx
	out	%al, (%dx)
	mov	$0x01, %al		# interrupt when a byte has arrived
	mov	$COM1_IER, %dx
	out	%al, (%dx)
	mov	$0xef, %al		# only IRQ 4 gets through the PICs
	out	%al, $PIC1_DATA
	mov	$0xff, %al
	out	%al, $PIC2_DATA
	xor	%bl, %bl		# BL = 1 when the last key was a CR

# The next byte from the buffer, or sleep. cli, look, then sti;hlt: STI
# takes effect after the next instruction, so an interrupt cannot slip in
# between the look and the HLT and leave the guest asleep with a byte there.
next_key:
	cli
	mov	tail, %si
	cmp	head, %si
	jne	take
	cmpb	$0, stalled		# did a full buffer leave bytes in the UART?
	je	1f
	call	drain			# the buffer is empty now: take them
	jmp	next_key
1:	sti
	hlt				# <- a VM exit; IRQ 4 wakes it
	jmp	next_key
take:	mov	buffer(%si), %al
	inc	%si
	and	$(BUF_SIZE - 1), %si
	mov	%si, tail
	sti
	mov	$COM1_DATA, %dx

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
	cli
	hlt				# interrupts off: the guest has stopped

# IRQ 4: take what the UART has, then tell the PIC it is handled.
irq4:
	pusha
	call	drain
	mov	$0x20, %al		# non-specific EOI
	out	%al, $PIC1_CMD
	popa
	iret

# While LSR says a byte waits and the buffer has room: into the buffer.
# Runs with interrupts off (in the handler, or after cli).
drain:
	movb	$0, stalled
	mov	head, %di
1:	mov	%di, %cx
	inc	%cx
	and	$(BUF_SIZE - 1), %cx
	cmp	tail, %cx
	je	3f			# full: the rest waits in the UART
	mov	$COM1_LSR, %dx
	in	(%dx), %al		# <- an exit
	test	$0x01, %al
	jz	2f
	mov	$COM1_DATA, %dx
	in	(%dx), %al		# <- an exit: the byte
	mov	%al, buffer(%di)
	mov	%cx, %di
	jmp	1b
3:	movb	$1, stalled
2:	mov	%di, head
	ret

newline:
	mov	$crlf, %si
	PUTS_ROUTINE puts

	.section .rodata
greeting:
	.asciz	"uartirq: type away, 'q' quits\r\n"
goodbye:
	.ascii	"\r\nGoodbye!"
crlf:	.asciz	"\r\n"
erase:	.asciz	"\b \b"

	.section .data
head:	.word	0			# where the handler puts the next byte
tail:	.word	0			# where the main loop takes the next one
stalled: .byte	0			# the buffer filled up with bytes left in the UART
buffer:	.space	BUF_SIZE
