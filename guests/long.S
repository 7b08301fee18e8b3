# SPDX-License-Identifier: MIT
# long - from real mode straight to 64-bit long mode, by the guest itself.
#
# Lesson: long mode needs paging, and 64-bit paging is 4 levels of tables.
# This guest:
#   1. builds page tables at 0x1000-0x3fff that identity-map the first 2 MiB:
#      PML4[0] -> PDPT at 0x2000, PDPT[0] -> PD at 0x3000, PD[0] = a 2 MiB
#      page at 0 (PS bit); every entry present + writable;
#   2. sets CR4.PAE (long mode uses the PAE table format) and CR3 = 0x1000;
#   3. sets EFER.LME (MSR 0xc0000080, bit 8) with RDMSR/WRMSR;
#   4. loads a GDT with a 64-bit code segment (L=1) and sets CR0.PG and CR0.PE
#      together: the CPU enters long mode (EFER.LMA) in one step, never running
#      32-bit paged code (which kvm-pvm cannot run);
#   5. far-jumps to the 64-bit code selector and prints from 64-bit code.
# None of this is a VM exit: KVM lets the guest own its CR0/CR3/CR4/EFER
# (the vCPU must advertise long mode in CPUID, or the WRMSR faults).
# On kvm-pvm, real mode is emulated and long mode runs natively: this guest
# crosses from one to the other.
#
# Exits to expect: IO outs for the messages, then 1 HLT.
# The 64-bit code prints EFER as read back: 0x00000500 = LME (bit 8) + LMA
# (bit 10, set by the CPU when paging came on).
# Watch in the console: the mode changes from REAL MODE to LONG MODE; CR0 has
# PE and PG, CR4 PAE, CR3 0x1000, EFER LME and LMA.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)

	.equ	PML4, 0x1000
	.equ	PDPT, 0x2000
	.equ	PD, 0x3000
	.equ	PRESENT_RW, 0x003
	.equ	PAGE_2M, 0x080		# PS: this PD entry maps 2 MiB directly
	.equ	MSR_EFER, 0xc0000080
	.equ	CODE64, 0x08		# GDT selectors
	.equ	DATA, 0x10

start:
	mov	$msg_real, %si
	call	puts

	mov	$PML4, %di		# 1. zero three 4 KiB tables, then link them
	mov	$3 * 4096 / 4, %ecx
	xor	%eax, %eax
	rep stosl
	movl	$PDPT + PRESENT_RW, PML4
	movl	$PD + PRESENT_RW, PDPT
	movl	$0 + PAGE_2M + PRESENT_RW, PD

	mov	%cr4, %eax		# 2.
	or	$0x20, %eax		# CR4.PAE
	mov	%eax, %cr4
	mov	$PML4, %eax
	mov	%eax, %cr3

	mov	$MSR_EFER, %ecx		# 3.
	rdmsr
	or	$0x100, %eax		# EFER.LME
	wrmsr

	lgdt	gdt_desc		# 4.
	mov	%cr0, %eax
	or	$0x80000001, %eax	# CR0.PG | CR0.PE
	mov	%eax, %cr0
	ljmp	$CODE64, $lm64		# 5.

	.code64
lm64:
	mov	$DATA, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$0x7c00, %rsp

	lea	msg_long(%rip), %rsi
	call	puts64
	mov	$MSR_EFER, %ecx
	rdmsr
	mov	%eax, %ebx
	mov	$COM1_DATA, %dx
	mov	$8, %ecx
1:	rol	$4, %ebx		# eight hex digits, most significant first
	mov	%bl, %al
	and	$0x0f, %al
	add	$'0', %al
	cmp	$'9', %al
	jbe	2f
	add	$'a' - '9' - 1, %al
2:	out	%al, (%dx)
	loop	1b
	lea	msg_end(%rip), %rsi
	call	puts64
halt:	hlt				# interrupts are off: the guest has stopped
	jmp	halt

# puts64: writes the NUL-terminated string at RSI to COM1.
	PUTS_ROUTINE puts64

	.code16
# puts: writes the NUL-terminated string at DS:SI to COM1 (real mode).
	PUTS_ROUTINE puts

	.section .rodata
msg_real:
	.asciz	"long: real mode here; page tables at 0x1000, PAE, EFER.LME, CR0.PG\n"
msg_long:
	.asciz	"long: hello from 64-bit long mode, EFER=0x"
msg_end:
	.asciz	"\n"
	.p2align 3
gdt:	.quad	0			# the null descriptor
	.quad	0x00af9a000000ffff	# 0x08: code, 64-bit (L=1, D=0)
	.quad	0x00cf92000000ffff	# 0x10: data
gdt_desc:
	.word	gdt_desc - gdt - 1	# limit
	.long	gdt			# base
