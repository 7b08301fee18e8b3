# SPDX-License-Identifier: MIT
# count - a counter that runs forever: something to pause, resume and reset.
#
# Lesson: a guest spends most of its life running without exits. Between two
# lines this one spins in a delay loop that the CPU executes entirely inside the
# guest: no I/O, no HLT, so no VM exit at all - the VMM only sees the guest
# again at the next OUT. To stop such a guest (pause, reset, quit) the VMM
# must kick the vCPU out of KVM_RUN itself (a signal + immediate_exit).
# The delay waits for the time-stamp counter (RDTSC, answered without the VMM)
# to advance by DELAY_TICKS instead of counting loop iterations: on kvm-pvm
# real mode runs in KVM's instruction emulator, ~100x slower than on VT-x or
# AMD-V, so a counted loop tuned for one host would crawl or race on the other.
# About 3 lines per second with a 2.6 GHz TSC.
#
# Output: "0\n1\n2\n..." - a decimal counter, one number per line, forever.
# Exits to expect: per line one IO out 0x3f8 per digit plus one for '\n';
# nothing else, ever. The run ends only when you stop it (q, --timeout,
# --max-exits). After a reset it starts again at 0: a reset is a fresh start.
# Watch in the console: RIP sits in the delay loop whenever you pause;
# EDX:EAX show the TSC, EDI:ESI the deadline, EBP the counter.

	.include "boot.inc"

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	BOOT_START start		# no BIOS here: own segments, stack and CS (boot.inc)

	.equ	DELAY_TICKS, 0x30000000	# ~0.31 s of TSC at 2.6 GHz

start:
	xor	%ebp, %ebp		# EBP = the counter
line:
	mov	%ebp, %eax
	call	print_decimal
	mov	$'\n', %al
	out	%al, (%dx)
	inc	%ebp
	call	delay
	jmp	line

# print_decimal: writes EAX in decimal to COM1; leaves DX = COM1_DATA.
print_decimal:
	mov	$10, %ecx
	xor	%si, %si		# SI = number of digits pushed
1:	xor	%edx, %edx
	div	%ecx			# EDX:EAX / 10 -> EAX, remainder EDX
	push	%dx			# digits come out last-first: stack them
	inc	%si
	test	%eax, %eax
	jnz	1b
	mov	$COM1_DATA, %dx
2:	pop	%ax
	add	$'0', %al
	out	%al, (%dx)		# <- one VM exit per digit
	dec	%si
	jnz	2b
	ret

# delay: spins until the TSC has advanced by DELAY_TICKS. No exits in here.
delay:
	rdtsc				# EDX:EAX = time-stamp counter
	add	$DELAY_TICKS, %eax
	adc	$0, %edx
	mov	%eax, %esi		# EDI:ESI = deadline
	mov	%edx, %edi
1:	rdtsc
	sub	%esi, %eax		# now - deadline: borrows while now < deadline
	sbb	%edi, %edx
	jb	1b
	ret
