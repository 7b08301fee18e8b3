# SPDX-License-Identifier: MIT
# spin - a real-mode guest that loops forever without a single VM exit.
#
# Flat, loaded at 0. KVM_RUN never returns on its own: the VMM must kick the
# vCPU (signal + immediate_exit) to pause, step, reset, quit or time out.
# Expected: no output, no exits; --timeout ends the run (status 124).

	.code16
	.section .text.start, "ax"
	.global _start
_start:
	cli
spin:	jmp	spin
