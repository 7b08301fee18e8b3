# SPDX-License-Identifier: MIT
# screen - drawing straight into VGA text memory at 0xB8000.
#
# Lesson: in a PC's text mode the screen is memory. Each character cell is
# two bytes at 0xB8000 + (row * 80 + column) * 2: the character (code page
# 437, which has box-drawing lines, blocks and arrows above 127) and its
# attribute (foreground colour in bits 0-3, background in bits 4-6, blink in
# bit 7). Writing there changes the screen with no BIOS call and no VM exit:
# with the BIOS on, kvm-tui maps that memory as RAM and asks KVM which of
# its pages the guest dirtied (KVM_GET_DIRTY_LOG) to know when to redraw.
#
# What it draws: a double-line box with a title, the 16 foreground colours
# on the 8 backgrounds, and a row of CP437 shapes; then the cursor is moved
# below the picture with INT 10h AH=02h.
# Exits to expect: 1 IO (the int 10h set-cursor trap), then 1 HLT: the
# whole picture costs no exits at all.
# Watch in the console: the screen pane; the statistics pane counts the
# dirty pages KVM reported.

	.include "boot.inc"

	.equ	COLS, 80
	.equ	BOX_TOP, 1
	.equ	BOX_LEFT, 2
	.equ	BOX_WIDTH, 40
	.equ	BOX_HEIGHT, 12

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start

start:
	mov	$0xb800, %ax		# ES:DI points into the text screen
	mov	%ax, %es
	call	draw_box
	call	draw_title
	call	draw_colours
	call	draw_shapes
	mov	$0x02, %ah		# the cursor below the picture
	xor	%bh, %bh
	mov	$(BOX_TOP + BOX_HEIGHT + 1) << 8, %dx
	int	$0x10			# <- the only exit before the HLT
halt:	hlt
	jmp	halt

# cell: DI = the offset of (row DH, column DL).
cell:
	push	%ax
	mov	%dh, %al
	mov	$COLS, %ah
	mul	%ah			# AX = row * 80
	add	%dl, %al
	adc	$0, %ah
	shl	%ax			# two bytes a cell
	mov	%ax, %di
	pop	%ax
	ret

# hline: CX cells of AX (character and attribute) from DI on.
hline:
	rep	stosw			# <- memory writes, not exits
	ret

draw_box:
	mov	$BOX_TOP << 8 | BOX_LEFT, %dx
	call	cell
	mov	$0x1fc9, %ax		# white on blue: top-left corner
	stosw
	mov	$0x1fcd, %ax		# double horizontal line
	mov	$BOX_WIDTH - 2, %cx
	call	hline
	mov	$0x1fbb, %ax		# top-right corner
	stosw
	mov	$BOX_HEIGHT - 2, %bx
1:	inc	%dh			# the sides, with blue inside
	call	cell
	mov	$0x1fba, %ax
	stosw
	mov	$0x1f20, %ax
	mov	$BOX_WIDTH - 2, %cx
	call	hline
	mov	$0x1fba, %ax
	stosw
	dec	%bx
	jnz	1b
	inc	%dh
	call	cell
	mov	$0x1fc8, %ax		# bottom-left corner
	stosw
	mov	$0x1fcd, %ax
	mov	$BOX_WIDTH - 2, %cx
	call	hline
	mov	$0x1fbc, %ax		# bottom-right corner
	stosw
	ret

draw_title:
	mov	$BOX_TOP << 8 | (BOX_LEFT + 2), %dx
	call	cell
	mov	$title, %si
	mov	$0x1e, %ah		# yellow on blue
1:	lodsb
	test	%al, %al
	jz	2f
	stosw
	jmp	1b
2:	ret

# Rows 3-10 of the box: background 0-7, each with the 16 foregrounds as a
# letter 'A'..'P' (a cell's attribute is background << 4 | foreground).
draw_colours:
	mov	$(BOX_TOP + 2) << 8 | (BOX_LEFT + 2), %dx
	xor	%bl, %bl		# the background
1:	call	cell
	mov	%bl, %ah
	shl	$4, %ah
	mov	$'A', %al
	mov	$16, %cx
2:	stosw
	inc	%al
	inc	%ah			# the next foreground
	loop	2b
	inc	%dh
	inc	%bl
	cmp	$8, %bl
	jb	1b
	ret

draw_shapes:
	mov	$(BOX_TOP + BOX_HEIGHT - 2) << 8 | (BOX_LEFT + 2), %dx
	call	cell
	mov	$shapes, %si
	mov	$0x1f, %ah
1:	lodsb
	test	%al, %al
	jz	2f
	stosw
	jmp	1b
2:	ret

	.section .rodata
title:
	.asciz	" kvm-tui: VGA text memory "
shapes:	# light shade, medium, dark, full block, smiley, heart, arrows, sun, note
	.byte	0xb0, 0xb1, 0xb2, 0xdb, 0x20, 0x01, 0x03, 0x20, 0x18, 0x19, 0x1a, 0x1b, 0x20, 0x0f, 0x0e, 0
