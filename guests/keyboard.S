# SPDX-License-Identifier: MIT
# keyboard - the PC keyboard: scan codes on IRQ 1.
#
# Lesson: a PC keyboard does not send characters. Each key press sends a
# "make" code naming the key's position and each release a "break" code
# (the make code with bit 7 set); keys the AT added later (the arrows, Home,
# End, ...) send 0xe0 first. Turning that into characters is the software's
# job: this guest keeps track of Shift itself, as every keyboard driver does.
#
# The 8042 keyboard controller holds exactly one byte (port 0x60) and raises
# IRQ 1 while it is full. This guest points interrupt vector 09h (IRQ 1 where
# the PC BIOS leaves the PIC's base) at its handler, unmasks IRQ 1 and sleeps
# in HLT. The handler reads the code (reading empties the buffer and lets the
# controller send the next one), prints it and sends the PIC its EOI. The
# handler does all the work with interrupts off, so codes wait in the
# controller, never in a buffer of ours that could overflow: nothing typed
# is lost however fast it comes.
#
# In kvm-tui: press K (keys go to the 8042, the serial pane's title says
# so), Tab to the serial pane and type. Headless:
#   printf 'hi\033' | kvm-tui --headless --keyboard kbc guests/keyboard.bin
#
# Output, a line per code: "23 h make", "a3 h break", "2a Shift make",
# "23 H make", ..., "e0 48 Up make"; Esc's break ends it with "bye" and a
# halt (status 0). Lines end in "\r\n" as a serial terminal expects.
# Exits per key: per code one IN from 0x60, one OUT to the PIC (the EOI),
# one OUT per character printed, and the HLT the code woke it from.

	.code16
	.include "boot.inc"

	.equ	PIC1_CMD, 0x20		# master 8259: OCW2 (EOI) here
	.equ	PIC1_DATA, 0x21		# master 8259: the interrupt mask
	.equ	PIC2_DATA, 0xa1		# slave 8259: its mask
	.equ	KBC_DATA, 0x60		# the 8042's output buffer: the scan code
	.equ	IRQ1_VECTOR, 0x09	# the PC's PIC base 08h + IRQ 1
	.equ	BREAK_BIT, 0x80		# set in a break (release) code
	.equ	EXTENDED, 0xe0		# the next code is one of the AT's added keys
	.equ	ESC_BREAK, 0x81		# Esc released: the end
	.equ	LEFT_SHIFT, 0x2a
	.equ	RIGHT_SHIFT, 0x36

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	# Vector 09h in the real-mode IVT at 0000:0024: offset, then segment.
	movw	$irq1, IRQ1_VECTOR * 4
	movw	$0, IRQ1_VECTOR * 4 + 2
	mov	$0xfd, %al		# only IRQ 1 gets through the PICs
	out	%al, $PIC1_DATA
	mov	$0xff, %al
	out	%al, $PIC2_DATA
	mov	$greeting, %si
	call	puts

# Sleep until a key. cli, look, then sti;hlt: STI takes effect only after
# the next instruction, so no interrupt can come between the look and the
# HLT and leave the guest asleep with the news already there.
sleep:
	cli
	cmpb	$0, done
	jne	quit
	sti
	hlt				# <- a VM exit; IRQ 1 wakes it
	jmp	sleep

quit:	mov	$goodbye, %si
	call	puts
	hlt				# interrupts are off: the guest has stopped

# IRQ 1: one scan code.
irq1:
	pusha
	in	$KBC_DATA, %al		# <- an exit: the 8042 is kvm-tui's
	call	show_code
	mov	$0x20, %al		# non-specific EOI
	out	%al, $PIC1_CMD		# <- an exit too
	popa
	iret

# Prints the code in AL: "e0 " before an extended key's code, else
# "1e a make" / "9e a break" and a new line.
show_code:
	mov	$COM1_DATA, %dx
	mov	%al, %ah		# AH: the code as it came
	call	print_hex
	mov	$' ', %al
	out	%al, (%dx)
	cmp	$EXTENDED, %ah
	jne	1f
	movb	$1, extended		# the key's own code comes next
	ret
1:	mov	%ah, %bl
	and	$(0xff - BREAK_BIT), %bl	# BL: the key (its make code) ...
	cmpb	$0, extended
	je	2f
	or	$0x80, %bl		# ... with bit 7 set for an extended key
2:	call	track_shift
	call	key_name
	mov	$made, %si
	test	$BREAK_BIT, %ah
	jz	3f
	mov	$released, %si
3:	call	puts
	movb	$0, extended
	cmp	$ESC_BREAK, %ah		# Esc (not an extended key) released?
	jne	4f
	cmp	$0x01, %bl
	jne	4f
	movb	$1, done
4:	ret

# Shift down while its make came last: the driver's own state. (An
# extended e0 2a is a "fake" shift some keys send: BL is 0xaa, no match.)
track_shift:
	cmp	$LEFT_SHIFT, %bl
	je	2f
	cmp	$RIGHT_SHIFT, %bl
	jne	1f
2:	mov	%ah, %al
	not	%al
	shr	$7, %al			# 1 for a make, 0 for a break
	mov	%al, shift
1:	ret

# The key BL by name, or the character it makes.
key_name:
	mov	$names, %si
1:	lodsb				# each entry: the key, then its name
	test	%al, %al
	jz	3f			# not in the list
	cmp	%al, %bl
	je	puts			# found: print the name (puts returns for us)
2:	lodsb				# skip the name
	test	%al, %al
	jnz	2b
	jmp	1b
3:	mov	$'?', %al
	cmp	$KEYS, %bl		# (extended keys are all above: '?')
	jae	5f
	xor	%bh, %bh
	mov	unshifted(%bx), %al
	cmpb	$0, shift
	je	4f
	mov	shifted(%bx), %al
4:	test	%al, %al
	jnz	5f
	mov	$'?', %al
5:	out	%al, (%dx)
	ret

# AL as two hex digits.
print_hex:
	push	%ax
	shr	$4, %al
	call	1f
	pop	%ax
	and	$0x0f, %al
1:	add	$'0', %al
	cmp	$'9', %al
	jbe	2f
	add	$('a' - '9' - 1), %al
2:	out	%al, (%dx)
	ret

	PUTS_ROUTINE puts

	.section .rodata
greeting: .asciz "keyboard: type, Esc quits\r\n"
goodbye: .asciz	"bye\r\n"
made:	.asciz	" make\r\n"
released: .asciz " break\r\n"
# The characters of scan codes 00h-35h on a US keyboard; 0: see names.
unshifted:
	.ascii	"\0\0001234567890-=\0\0qwertyuiop[]\0\0asdfghjkl;'`\0\\zxcvbnm,./"
	.equ	KEYS, . - unshifted
shifted:
	.ascii	"\0\0!@#$%^&*()_+\0\0QWERTYUIOP{}\0\0ASDFGHJKL:\"~\0|ZXCVBNM<>?"
names:	.byte	0x01
	.asciz	"Esc"
	.byte	0x0e
	.asciz	"Backspace"
	.byte	0x0f
	.asciz	"Tab"
	.byte	0x1c
	.asciz	"Enter"
	.byte	0x1d
	.asciz	"Ctrl"
	.byte	LEFT_SHIFT
	.asciz	"Shift"
	.byte	RIGHT_SHIFT
	.asciz	"Shift"
	.byte	0x38
	.asciz	"Alt"
	.byte	0x39
	.asciz	"Space"
	.byte	0x80 | 0x48		# extended keys: bit 7 set
	.asciz	"Up"
	.byte	0x80 | 0x50
	.asciz	"Down"
	.byte	0x80 | 0x4b
	.asciz	"Left"
	.byte	0x80 | 0x4d
	.asciz	"Right"
	.byte	0

	.section .data
done:	.byte	0			# Esc was released
shift:	.byte	0			# a Shift key is down
extended: .byte	0			# the last code was e0
