# SPDX-License-Identifier: MIT
# flood - N bytes to COM1 as fast as the guest can, then exit with a status.
#
# Lesson: every OUT is a full round trip guest -> KVM -> VMM -> guest, so the
# guest's output rate is the VMM's exit rate. This guest does nothing but OUT
# in a tight loop (one byte per OUT, no LSR polling), which makes it the
# benchmark for the exit pipeline: exits per second, how the event ring and the
# console keep up, that no byte is lost. At the end it writes to the
# isa-debug-exit port 0xf4, which ends the run (also under QEMU with
# -device isa-debug-exit,iobase=0xf4).
#
# Output: N bytes: the 64-byte line
#   "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n"
# over and over, the last line cut off after N bytes in total.
# N: a 32-bit little-endian value at byte offset 4 of flood.bin (right after
# "EB 06 'N' '='"); it is 1048576 (1 MiB, 16384 whole lines) as built.
# A benchmark patches it, e.g. N = 1000:
#   cp guests/flood.bin /tmp/f.bin
#   printf '\xe8\x03\x00\x00' | dd of=/tmp/f.bin bs=1 seek=4 conv=notrunc
# Exit: writes 0x10 to port 0xf4, so kvm-tui (like QEMU) exits with status
# (0x10 << 1) | 1 = 33.
# Exits to expect: exactly N + 1: N IO out 0x3f8 and the IO out 0xf4.
# Watch in the console: the exit rate (exits/s) in the exit pane's title.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	jmp	start			# 2 bytes: EB 06
	.ascii	"N="			# offset 2: marks the count for humans
count:	.long	1048576			# offset 4: N, patchable

	.equ	DEBUG_EXIT, 0xf4
	.equ	EXIT_VALUE, 0x10	# status (0x10 << 1) | 1 = 33
	.equ	LINE_LEN, 64		# a power of two: the index wraps with AND

start:
	BOOT_START go		# no BIOS here: own segments, stack and CS (boot.inc)

go:
	mov	count, %ecx		# ECX = bytes left
	mov	$COM1_DATA, %dx
	xor	%bx, %bx		# BX = position in the line
	test	%ecx, %ecx
	jz	done
1:	mov	line(%bx), %al
	out	%al, (%dx)		# <- one VM exit per byte
	inc	%bx
	and	$LINE_LEN - 1, %bx
	dec	%ecx
	jnz	1b

done:
	mov	$EXIT_VALUE, %al
	out	%al, $DEBUG_EXIT	# <- the run ends here
halt:	hlt				# without a debug-exit device: just stop
	jmp	halt

	.section .rodata
line:	.ascii	"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n"
