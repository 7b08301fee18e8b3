# SPDX-License-Identifier: MIT
# loader - a boot sector that loads the rest of itself from disk with INT 13h.
#
# Lesson: a BIOS loads only the first sector of a disk, 512 bytes, at 0x7C00.
# Anything bigger - a kernel, a BASIC, a game - has to load its other
# sectors itself, and the BIOS's disk service does it: INT 13h AH=02h reads
# AL sectors from cylinder CH, head DH, sector CL (sectors count from 1) of
# drive DL into ES:BX. The BIOS leaves the boot drive's number in DL.
# kvm-tui's BIOS reads them from the image file (writes would stay in memory
# unless --disk-write), and the exit log shows the call:
#     int 13h AH=02h read 2 sectors C0 H0 S2 drive 80h -> 0000:7e00
# This image is 3 sectors long: the boot sector, then stage 2, linked to run
# at 0x7E00 (guests/disk.ld), whose last bytes are checked to prove every
# sector arrived.
#
# Exits to expect: "int 10h AH=0Eh teletype" exits for the text, one
# "int 13h AH=02h read" exit, then 1 HLT.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	mov	%dl, boot_drive		# the drive the BIOS booted: read from it too
	mov	$msg_loading, %si
	call	print
	mov	$0x0200 + __stage2_sectors, %ax	# AH=02h read, AL sectors
	mov	$0x0002, %cx		# cylinder 0, sector 2: right after this one
	xor	%dh, %dh		# head 0
	mov	boot_drive, %dl
	mov	$0x7e00, %bx		# ES:BX = 0000:7E00 (ES is 0)
	int	$0x13			# <- one exit: the BIOS reads the disk
	jc	failed
	cmpw	$0x55aa, stage2_end - 2	# the last sector's last word
	jne	failed
	jmp	stage2

failed:
	mov	$msg_failed, %si
	call	print
halt:	hlt
	jmp	halt

# print: the NUL-terminated string at DS:SI through INT 10h AH=0Eh.
print:
	mov	$0x0e, %ah
	xor	%bh, %bh
1:	lodsb
	test	%al, %al
	jz	2f
	int	$0x10
	jmp	1b
2:	ret

	.section .rodata
msg_loading:
	.asciz	"loader: reading stage 2 with int 13h\r\n"
msg_failed:
	.asciz	"loader: the disk read failed\r\n"
boot_drive:
	.byte	0

# Stage 2: sectors 2 and 3 of the image, at 0x7E00 once loaded.
	.section .stage2, "ax"
stage2:
	mov	$msg_stage2, %si
	call	print
	jmp	halt
msg_stage2:
	.asciz	"loader: stage 2 is running, loaded from the disk\r\n"
	.org	1024 - 2		# fill sector 2 and most of sector 3
stage2_end_mark:
	.word	0x55aa			# the marker the boot sector checks
stage2_end:
