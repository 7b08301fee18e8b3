# SPDX-License-Identifier: MIT
# protected - from real mode to 32-bit protected mode, by the guest itself.
#
# Lesson: every x86 CPU starts in 16-bit real mode (segment * 16 + offset,
# 1 MiB). To reach 32-bit protected mode a boot loader:
#   1. describes its segments in a Global Descriptor Table (GDT): here a flat
#      32-bit code segment (selector 0x08) and a flat data segment (0x10),
#      both base 0, limit 4 GiB;
#   2. loads the GDT with LGDT and sets CR0.PE (bit 0);
#   3. far-jumps through the code selector: that reloads CS from the GDT, and
#      from there on the CPU decodes 32-bit instructions;
#   4. loads the data selectors into DS, ES, SS.
# None of these steps is a VM exit: KVM lets the guest own its CPU state.
# The 32-bit code then reads CS and prints it: the selector, not a paragraph.
# (No paging here; on kvm-pvm unpaged protected mode runs in KVM's emulator.)
#
# Exits to expect: IO outs for the two messages (one in real mode, one from
# 32-bit code), then 1 HLT.
# Watch in the console: the mode in the register pane's title changes from
# REAL MODE to PROTECTED, CR0 gains PE, CS becomes 0008 with base 0.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)

	.equ	CODE32, 0x08		# GDT selectors
	.equ	DATA32, 0x10

start:
	mov	$msg_real, %si		# still 16-bit: SI, not ESI
	mov	$COM1_DATA, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	out	%al, (%dx)
	jmp	1b
2:
	lgdt	gdt_desc		# 1. + 2.
	mov	%cr0, %eax
	or	$1, %eax		# CR0.PE
	mov	%eax, %cr0
	ljmp	$CODE32, $pm32		# 3. CS = 0x08: 32-bit code from here on

	.code32
pm32:
	mov	$DATA32, %ax		# 4.
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$0x7c00, %esp

	mov	$msg_prot, %esi
	call	puts32
	mov	%cs, %bx		# the selector we are running on
	shl	$16, %ebx
	mov	$COM1_DATA, %dx
	mov	$4, %ecx
3:	rol	$4, %ebx		# four hex digits, most significant first
	mov	%bl, %al
	and	$0x0f, %al
	add	$'0', %al		# (a selector's digits here are all 0-9)
	out	%al, (%dx)
	loop	3b
	mov	$msg_end, %esi
	call	puts32
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

# puts32: writes the NUL-terminated string at DS:ESI to COM1.
	PUTS_ROUTINE puts32

	.section .rodata
msg_real:
	.asciz	"protected: real mode here; loading a GDT and setting CR0.PE\n"
msg_prot:
	.asciz	"protected: hello from 32-bit protected mode, CS=0x"
msg_end:
	.asciz	"\n"
	.p2align 3
gdt:	.quad	0			# the null descriptor
	.quad	0x00cf9a000000ffff	# 0x08: code, base 0, 4 GiB, 32-bit (D=1)
	.quad	0x00cf92000000ffff	# 0x10: data, base 0, 4 GiB, writable
gdt_desc:
	.word	gdt_desc - gdt - 1	# limit
	.long	gdt			# base
