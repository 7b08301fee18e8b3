# SPDX-License-Identifier: MIT
# rtc - the date and time from the PC's CMOS clock.
#
# Lesson: the battery-backed clock is a device like the others, two ports
# wide: write a register number to port 0x70, read its value from 0x71
# (each an exit; kvm-tui answers from the host's local time). Three things
# every driver of this chip must get right, and this guest shows:
#   - the clock updates itself once a second, and a read in the middle of
#     that can mix two seconds (09:59:59 read as 09:00:59): wait while
#     register A's UIP bit says an update is coming, then read everything,
#     and read again until two passes agree;
#   - register B says how the values are written: bit 2 binary or BCD
#     (0x26 meaning 26), bit 1 24-hour or 12-hour, where bit 7 of the hour
#     is PM and 12 AM is midnight;
#   - the century is register 0x32 on a PC.
# The guest prints the time as the clock starts (BCD, 24-hour, as a PC BIOS
# leaves it), then switches register B to binary, 12-hour and prints it
# again: the same time, decoded the other way.
#
# Output: two lines such as
#   2026-12-02 15:04:05 (BCD, 24-hour)
#   2026-12-02 15:04:05 (binary, 12-hour)
# then a halt (status 0). Exits: IO only (a few dozen per line) and the HLT.

	.code16
	.include "boot.inc"

	.equ	CMOS_INDEX, 0x70	# which register (bit 7 would mask NMI)
	.equ	CMOS_DATA, 0x71
	.equ	REG_A, 0x0a
	.equ	REG_B, 0x0b
	.equ	A_UIP, 0x80		# update in progress: do not read now
	.equ	B_BINARY, 0x04		# 1: binary values, 0: BCD
	.equ	B_24H, 0x02		# 1: 24-hour, 0: 12-hour with bit 7 = PM
	.equ	HOUR_PM, 0x80
	.equ	FIELDS, 7		# century, year, month, day, hour, minute, second
	.equ	HOUR, 4			# the hour's place among them

	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	call	show			# as the clock starts: BCD, 24-hour
	mov	$REG_B, %al
	call	cmos_read
	and	$(0xff - B_24H), %al	# 12-hour ...
	or	$B_BINARY, %al		# ... binary
	mov	%al, %ah
	mov	$REG_B, %al
	out	%al, $CMOS_INDEX
	mov	%ah, %al
	out	%al, $CMOS_DATA		# the clock now writes its values this way
	call	show
	hlt				# interrupts are off: the end

# One line: the time as register B says it is written, in 24-hour decimal.
show:
	mov	$REG_B, %al
	call	cmos_read
	mov	%al, format
	call	read_clock
	mov	now + HOUR, %al
	mov	%al, pm			# bit 7: PM, in 12-hour mode
	andb	$(0xff - HOUR_PM), now + HOUR
	mov	$now, %si		# every field to binary, in place
	mov	$FIELDS, %cx
1:	mov	(%si), %al
	call	to_binary
	mov	%al, (%si)
	inc	%si
	loop	1b
	testb	$B_24H, format
	jnz	print
	mov	now + HOUR, %al		# 12-hour: 12 AM is 0, 1 PM is 13
	cmp	$12, %al
	jne	2f
	xor	%al, %al
2:	testb	$HOUR_PM, pm
	jz	3f
	add	$12, %al
3:	mov	%al, now + HOUR

print:	mov	$COM1_DATA, %dx
	mov	$now, %si
	mov	$separators, %di
	mov	$FIELDS, %cx
4:	mov	(%di), %al		# "-", " ", ":" or nothing before a field
	inc	%di
	test	%al, %al
	jz	5f
	out	%al, (%dx)
5:	lodsb
	call	print2
	loop	4b
	mov	$bcd, %si
	testb	$B_BINARY, format
	jz	6f
	mov	$binary, %si
6:	call	puts
	mov	$h24, %si
	testb	$B_24H, format
	jnz	7f
	mov	$h12, %si
7:	jmp	puts

# The clock's registers into `now`, read until two passes agree.
read_clock:
	mov	$before, %di
	call	read_fields
	mov	$now, %di
	call	read_fields
	mov	$before, %si
	mov	$now, %di
	mov	$FIELDS, %cx
	repe	cmpsb
	jne	read_clock		# a second went by in between: again
	ret

# The fields in print order into DI, once no update is in progress.
read_fields:
1:	mov	$REG_A, %al
	call	cmos_read
	test	$A_UIP, %al
	jnz	1b
	mov	$registers, %si
	mov	$FIELDS, %cx
2:	lodsb
	call	cmos_read
	stosb
	loop	2b
	ret

# AL = the value of CMOS register AL.
cmos_read:
	out	%al, $CMOS_INDEX	# <- an exit
	in	$CMOS_DATA, %al		# <- an exit
	ret

# AL as the clock wrote it (BCD unless register B says binary) to binary.
to_binary:
	testb	$B_BINARY, format
	jnz	1f
	mov	%al, %bl
	and	$0x0f, %bl		# the ones digit
	shr	$4, %al			# the tens digit
	mov	$10, %ah
	mul	%ah
	add	%bl, %al
1:	ret

# AL (0-99) as two decimal digits.
print2:
	xor	%ah, %ah
	mov	$10, %bl
	div	%bl			# AL tens, AH ones
	add	$'0', %al
	out	%al, (%dx)
	mov	%ah, %al
	add	$'0', %al
	out	%al, (%dx)
	ret

	PUTS_ROUTINE puts

	.section .rodata
registers: .byte 0x32, 0x09, 0x08, 0x07, 0x04, 0x02, 0x00
separators: .byte 0, 0, '-', '-', ' ', ':', ':'
bcd:	.asciz	" (BCD, "
binary:	.asciz	" (binary, "
h24:	.asciz	"24-hour)\n"
h12:	.asciz	"12-hour)\n"

	.section .data
format:	.byte	0			# register B when the line was read
pm:	.byte	0
now:	.space	FIELDS
before:	.space	FIELDS
