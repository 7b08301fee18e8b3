# SPDX-License-Identifier: MIT
# mmio - touching memory that is not there: MMIO exits.
#
# Lesson: the VMM tells KVM which guest-physical ranges are RAM. kvm-tui leaves
# most of the PC's legacy hole 0xA0000-0xFFFFF (VGA memory and ROMs on a real
# PC) unbacked, so a load or store there cannot complete inside the guest: KVM
# decodes the instruction and returns KVM_EXIT_MMIO with the address, the
# length, the direction and (for a write) the data. For a read, the VMM
# supplies the value - here nothing answers, so whatever the VMM's bus returns
# for "no device" is what the guest sees (on a real PC, with VGA memory there,
# it would read back 0x0748).
# The addresses are 0xA0000, the VGA's graphics window, and 0xC0000, where a
# VGA card's own ROM would be: nothing backs them with or without kvm-tui's
# BIOS. (Text memory at 0xB8000 and the BIOS ROM at 0xF0000 would not do:
# with the BIOS on, as it is for a boot sector, they are real memory - text
# memory written without exits, the ROM read without exits.)
#
# What it does:
#   1. writes the word 0x0748 (a grey 'H' in VGA text mode) to 0xA0000
#   2. reads the word at 0xA0000 back and prints it
#   3. reads the dword at 0xC0000 (a video card's ROM on a PC) and prints it
# Exits to expect: IO outs for the text, and exactly 3 MMIO exits in this
# order: write 0xa0000 len 2 data 0x748, read 0xa0000 len 2,
# read 0xc0000 len 4; then 1 HLT.
# Watch in the console: the MMIO lines in the exit log, between the IO outs
# of the messages that announce them.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)


start:
	mov	$0xa000, %ax		# ES:0 = 0xA0000, the VGA's graphics window
	mov	%ax, %es
	mov	$0xc000, %ax		# FS:0 = 0xC0000, a video card's ROM on a PC
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
	mov	%fs:0, %ebx		# <- MMIO exit: read, 4 bytes
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
	.asciz	"mmio: no RAM at 0xa0000 or 0xc0000: each access there is an MMIO exit\n"
msg_write:
	.asciz	"mmio: writing 0x0748 (a grey 'H' on a PC's VGA) to 0xa0000\n"
msg_read:
	.asciz	"mmio: read back from 0xa0000: 0x"
msg_reset:
	.asciz	"mmio: read from 0xc0000 (a video card's ROM on a PC): 0x"
msg_done:
	.asciz	"mmio: done\n"
