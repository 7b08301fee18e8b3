# SPDX-License-Identifier: MIT
# bioshello - "Hello" through the BIOS: the first boot sector of every OS tutorial.
#
# Lesson: a boot sector does not have to drive the hardware itself. A PC's
# BIOS offers services behind software interrupts: INT 10h with AH = 0Eh
# ("teletype") prints the character in AL at the cursor and moves it on,
# scrolling the screen when needed. INT 10h jumps through the interrupt
# vector table at 0:0 into the BIOS's ROM at 0xF0000.
# kvm-tui's BIOS is guest code too, but each of its services asks kvm-tui to
# do the work with one OUT to port 0xEF: so each INT 10h here is one VM exit,
# and the exit log shows it by name: int 10h AH=0Eh teletype 'H'.
#
# Exits to expect: one IO exit per character (20 "int 10h AH=0Eh teletype"
# lines: "Hello from the BIOS!", then CR and LF), then 1 HLT.
# Watch in the console: the screen pane (it replaces the serial pane as soon
# as the guest uses the screen) fills one letter per exit.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# segments, stack and CS (boot.inc)

start:
	mov	$message, %si
	mov	$0x0e, %ah		# teletype: print AL, advance the cursor
	xor	%bh, %bh		# on page 0
1:	lodsb
	test	%al, %al
	jz	done
	int	$0x10			# <- one VM exit: the BIOS stub's trap
	jmp	1b

done:
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

	.section .rodata
message:
	.asciz	"Hello from the BIOS!\r\n"
