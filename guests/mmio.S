# SPDX-License-Identifier: MIT
# mmio - touching memory that is not there: MMIO exits.
#
# Lesson: the VMM tells KVM which guest-physical ranges are RAM. kvm-tui leaves
# the PC's legacy hole 0xA0000-0xFFFFF (VGA memory and BIOS ROM on a real PC)
# unbacked, so a load or store there cannot complete inside the guest: KVM
# decodes the instruction and returns KVM_EXIT_MMIO with the address, the
# length, the direction and (for a write) the data. For a read, the VMM
# supplies the value - here nothing answers, so whatever the VMM's bus returns
# for "no device" is what the guest sees (on a real PC, with VGA memory there,
# it would read back 0x0748).
#
# What it does:
#   1. writes the word 0x0748 (a grey 'H' in VGA text mode) to 0xB8000
#   2. reads the word at 0xB8000 back and prints it
#   3. reads the dword at 0xFFFF0 (where a PC's reset vector is) and prints it
# Exits to expect: IO outs for the text, and exactly 3 MMIO exits in this
# order: write 0xb8000 len 2 data 0x748, read 0xb8000 len 2,
# read 0xffff0 len 4; then 1 HLT.
# Watch in the console: the MMIO lines in the exit log, between the IO outs
# of the messages that announce them.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)


start:
	mov	$0xb800, %ax		# ES:0 = 0xB8000, VGA text memory on a PC
	mov	%ax, %es
	mov	$0xf000, %ax		# FS:0xFFF0 = 0xFFFF0, the reset vector
	mov	%ax, %fs

	mov	$msg_intro, %si
	call	puts
	mov	$msg_write, %si
	call	puts
	movw	$0x0748, %es:0		# <- MMIO exit: write, 2 bytes

	mov	$msg_read, %si
	call	puts
	mov	%es:0, %bx		# <- MMIO exit: read, 2 bytes
	shl	$16, %ebx		# puthex prints from the top
	mov	$4, %cx
	call	puthex

	mov	$msg_reset, %si
	call	puts
	mov	%fs:0xfff0, %ebx	# <- MMIO exit: read, 4 bytes
	mov	$8, %cx
	call	puthex

	mov	$msg_done, %si
	call	puts
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

# puts: writes the NUL-terminated string at DS:SI to COM1.
	PUTS_ROUTINE puts

# puthex: writes the top CX hex digits of EBX, then "\n".
puthex:
	mov	$COM1_DATA, %dx
1:	rol	$4, %ebx
	mov	%bl, %al
	and	$0x0f, %al
	add	$'0', %al
	cmp	$'9', %al
	jbe	2f
	add	$'a' - '9' - 1, %al
2:	out	%al, (%dx)
	loop	1b
	mov	$'\n', %al
	out	%al, (%dx)
	ret

	.section .rodata
msg_intro:
	.asciz	"mmio: no RAM at 0xa0000-0xfffff: each access there is an MMIO exit\n"
msg_write:
	.asciz	"mmio: writing 0x0748 (a grey 'H' on a PC's VGA) to 0xb8000\n"
msg_read:
	.asciz	"mmio: read back from 0xb8000: 0x"
msg_reset:
	.asciz	"mmio: read from 0xffff0 (a PC's reset vector): 0x"
msg_done:
	.asciz	"mmio: done\n"
