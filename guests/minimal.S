# SPDX-License-Identifier: MIT
# minimal - the smallest guest there is: one HLT.
#
# Lesson: a virtual machine only "comes back" to its VMM when it does something
# the hardware will not let it do alone. HLT (wait for an interrupt) is such a
# thing: the CPU leaves the guest and KVM_RUN returns with KVM_EXIT_HLT.
# Interrupts are off (CLI), so nothing could ever wake this CPU again, and
# kvm-tui ends the run with status 0.
#
# Exits to expect: exactly 1 - HLT.
# Watch in the console: the exit log shows a single HLT at rip 0x7c01; the
# serial pane stays empty.
#
# This is a boot sector (see bootsector.ld): it runs on any PC or emulator.
# It touches no memory, so unlike the other guests it needs no segments and
# no stack.

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli			# no interrupt may wake us: the HLT below is final
halt:	hlt			# <- the one VM exit
	jmp	halt		# (a real PC can still wake on NMI: halt again)
