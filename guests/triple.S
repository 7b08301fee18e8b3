# SPDX-License-Identifier: MIT
# triple - a deliberate triple fault: KVM_EXIT_SHUTDOWN.
#
# Lesson: when the CPU cannot deliver an exception, it tries to deliver a
# double fault (#DF); when it cannot deliver that either, it gives up - a
# "triple fault". A real PC resets; under KVM the vCPU stops and KVM_RUN
# returns KVM_EXIT_SHUTDOWN, which kvm-tui reports (status 6 headless).
# Recipe: load an IDT whose limit is 0 (no entry is valid), enter protected
# mode, execute UD2. #UD finds no gate -> #GP -> #DF -> shutdown.
# (It is done in protected mode because real mode on kvm-pvm runs in KVM's
# instruction emulator, which does not check the real-mode IVT limit: there a
# zero-limit IDT just sends the CPU through vector entries at address 0.)
#
# Exits to expect: IO outs for the explanation, then 1 SHUTDOWN. No HLT.
# Watch in the console: the state turns to SHUTDOWN; the registers show the
# vCPU at the UD2, in protected mode (CR0.PE set), with IDTR limit 0.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)

	.equ	CODE32, 0x08		# GDT selectors
	.equ	DATA32, 0x10

start:
	mov	$explanation, %si
	mov	$COM1_DATA, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	out	%al, (%dx)
	jmp	1b
2:
	lidt	idt_empty		# IDTR.limit = 0: no gate is valid
	lgdt	gdt_desc
	mov	%cr0, %eax
	or	$1, %eax		# CR0.PE: protected mode
	mov	%eax, %cr0
	ljmp	$CODE32, $pm32

	.code32
pm32:
	mov	$DATA32, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	ud2				# #UD -> #GP -> #DF -> triple fault
	hlt				# never reached

	.section .rodata
explanation:
	.ascii	"triple: IDT limit 0, protected mode, then UD2:\n"
	.ascii	"triple: #UD has no gate -> #GP -> #DF -> triple fault\n"
	.asciz	"triple: a PC would reset; KVM stops the vCPU (KVM_EXIT_SHUTDOWN)\n"
	.p2align 3
gdt:	.quad	0			# the null descriptor
	.quad	0x00cf9a000000ffff	# 0x08: code, base 0, 4 GiB, 32-bit
	.quad	0x00cf92000000ffff	# 0x10: data, base 0, 4 GiB
gdt_desc:
	.word	gdt_desc - gdt - 1
	.long	gdt
idt_empty:
	.word	0			# limit 0
	.long	0
