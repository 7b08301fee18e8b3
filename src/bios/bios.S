# SPDX-License-Identifier: MIT
# bios.S - kvm-tui's BIOS: the ROM at F000:0000, and a lesson in what a BIOS is.
#
# A PC BIOS is code the guest runs: INT 10h jumps through the interrupt
# vector table at 0:0 into the ROM. A real BIOS then talks to the hardware
# itself (the VGA, the disk controller). This one asks kvm-tui instead: each
# service is a stub that writes one byte to port 0xEF (BIOS_TRAP_PORT),
# which is a VM exit, and kvm-tui does the work with the caller's registers
# and memory (src/dev/bios/*.c) before the guest resumes at the IRET. So
# every BIOS call is one exit, shown in the exit log by name:
#     int 10h AH=0Eh teletype 'A'
# The ROM is read-only guest memory: a guest writing here makes an MMIO exit
# that changes nothing, as writing to a ROM does.
#
# There is no power-on self test: kvm-tui leaves the machine as a BIOS would
# have (the vector table, the BIOS data area at 0x400, the PIC and the timer,
# the boot sector at 0x7C00) before the first instruction. What runs here are
# only the services and the interrupt handlers:
#   - IRQ 0, the timer, 18.2 times a second: INT 8 counts ticks at 0x46C and
#     calls INT 1Ch, which a program may hook (kvm-tui's stub just returns).
#   - IRQ 1, the keyboard: INT 9 reads the scan code from the 8042 (port
#     0x60) and traps; kvm-tui keeps the shift states and puts the key in the
#     BIOS data area's buffer, where INT 16h finds it.
# Both chain the way a PC's do, so a program that installs its own INT 9 or
# INT 1Ch handler and calls the old one keeps working.
#
# Which stub trapped is told by where it is: every TRAP records the address
# after its OUT in the trap table (.trap_table), which kvm-tui reads when it
# maps the ROM. The header at F000:0000 says where the tables are.

	.code16
	.equ	BIOS_TRAP_PORT, 0xef
	.equ	PIC1_COMMAND, 0x20
	.equ	PIC2_COMMAND, 0xa0
	.equ	PIC_EOI, 0x20
	.equ	KBC_DATA, 0x60
	.equ	CMOS_INDEX, 0x70
	.equ	CMOS_DATA, 0x71
	.equ	BDA_TICKS, 0x46c
	.equ	BDA_MIDNIGHT, 0x470
	.equ	TICKS_PER_DAY, 0x1800b0	# 18.2065 Hz * 86400 s, as the IBM BIOS counts

# TRAP vector, kind: one OUT that hands the call to kvm-tui (AL is sent but
# unused: kvm-tui reads all the registers). kind 0 is a service called with
# INT; kind 1 is an interrupt handler's work (INT 9's key).
.macro	TRAP vector, kind=0
	outb	%al, $BIOS_TRAP_PORT
9:
	.pushsection .trap_table, "a"
	.word	9b
	.byte	\vector, \kind
	.popsection
.endm

	.section .text.header, "ax"
header:
	.ascii	"KVMTUI-BIOS\0"
	.word	1			# the layout of this header
	.word	vector_table		# 256 words: each vector's offset in F000, 0 = a null pointer
	.word	__trap_start		# the trap table: 4 bytes each (site, vector, kind)
	.word	__trap_count

	.text
# The interrupt vector table kvm-tui writes at 0:0, as offsets in F000.
vector_table:
	.rept	8			# 00h-07h: CPU exceptions; a BIOS ignores them
	.word	ignore
	.endr
	.word	int08_timer		# 08h IRQ 0
	.word	int09_keyboard		# 09h IRQ 1
	.rept	6			# 0Ah-0Fh IRQ 2-7: end the interrupt, nothing more
	.word	irq_master
	.endr
	.word	int10_video		# 10h
	.word	int11_equipment		# 11h
	.word	int12_memory		# 12h
	.word	int13_disk		# 13h
	.word	int14_serial		# 14h
	.word	int15_system		# 15h
	.word	int16_keyboard		# 16h
	.word	int17_printer		# 17h
	.word	int18_boot_failed	# 18h: ROM BASIC on an IBM PC; a reboot here
	.word	int19_reboot		# 19h
	.word	int1a_clock		# 1Ah
	.word	ignore			# 1Bh Ctrl-Break: for programs to hook
	.word	ignore			# 1Ch the timer's user hook
	.word	0			# 1Dh video parameter table: none
	.word	0xefc7			# 1Eh the diskette parameter table (a pointer, not code)
	.word	0			# 1Fh graphics characters: none
	.rept	0x70 - 0x20		# 20h-6Fh: DOS's and the programs' own
	.word	ignore
	.endr
	.rept	8			# 70h-77h IRQ 8-15
	.word	irq_slave
	.endr
	.rept	0x100 - 0x78
	.word	ignore
	.endr

ignore:
	iret

# IRQ 0: count the tick, let the program's INT 1Ch run, end the interrupt.
int08_timer:
	push	%ds
	push	%ax
	xor	%ax, %ax
	mov	%ax, %ds
	addl	$1, BDA_TICKS
	cmpl	$TICKS_PER_DAY, BDA_TICKS
	jb	1f
	movl	$0, BDA_TICKS		# midnight: day rollover, as a PC counts it
	movb	$1, BDA_MIDNIGHT
1:	int	$0x1c
	mov	$PIC_EOI, %al
	out	%al, $PIC1_COMMAND
	pop	%ax
	pop	%ds
	iret

# IRQ 1: the scan code from the 8042 in AL; kvm-tui turns it into a key.
int09_keyboard:
	push	%ax
	in	$KBC_DATA, %al
	TRAP	0x09, 1
	mov	$PIC_EOI, %al
	out	%al, $PIC1_COMMAND
	pop	%ax
	iret

irq_master:
	push	%ax
	mov	$PIC_EOI, %al
	out	%al, $PIC1_COMMAND
	pop	%ax
	iret

# IRQ 8-15: both PICs need their EOI. Reading CMOS register C lets the
# clock interrupt again, in case a program turned it on without a handler.
irq_slave:
	push	%ax
	mov	$0x0c, %al
	out	%al, $CMOS_INDEX
	in	$CMOS_DATA, %al
	mov	$PIC_EOI, %al
	out	%al, $PIC2_COMMAND
	out	%al, $PIC1_COMMAND
	pop	%ax
	iret

# Every service: one trap, then back to the caller with the flags kvm-tui
# set in the frame INT pushed (CF = failed). A service that has nothing yet
# (INT 16h with no key, INT 15h AH=86h before its time, INT 14h with no byte
# received) answers with the carry flag set in the live flags, not the
# caller's: the stub then turns interrupts on and sleeps in HLT until the
# next one (the key's IRQ 1, the timer's IRQ 0), and asks again. The guest
# is asleep meanwhile, as on a PC, not spinning. A call that answers at once
# leaves the interrupt flag alone, so it is exactly one exit.
.macro	SERVICE name, vector
\name:
1:	TRAP	\vector
	jnc	2f
	sti
	hlt
	jmp	1b
2:	iret
.endm

	SERVICE	int10_video, 0x10
	SERVICE	int11_equipment, 0x11
	SERVICE	int12_memory, 0x12
	SERVICE	int13_disk, 0x13
	SERVICE	int14_serial, 0x14
	SERVICE	int15_system, 0x15
	SERVICE	int16_keyboard, 0x16
	SERVICE	int17_printer, 0x17
	SERVICE	int1a_clock, 0x1a

# INT 18h (no bootable disk) and INT 19h (bootstrap): kvm-tui resets the
# machine, which loads the boot sector again; until it does, wait here.
int18_boot_failed:
	TRAP	0x18
	jmp	halt_forever
int19_reboot:
	TRAP	0x19
halt_forever:
	cli
	hlt
	jmp	halt_forever

# The diskette parameter table (INT 1Eh points here, as on every PC): a
# 1.44 MB drive's timings; INT 13h AH=08h returns its address in ES:DI.
	.section .dpt, "a"
	.byte	0xdf, 0x02, 0x25, 0x02, 0x12, 0x1b, 0xff, 0x6c, 0xf6, 0x0f, 0x08

# F000:FFF0, where a PC starts and where programs jump to reboot
# (JMP FFFF:0000): here that is INT 19h. Then the BIOS date and the model
# byte (FCh: an AT) that programs read to know the machine.
	.section .reset, "ax"
	int	$0x19
	jmp	halt_forever
	.ascii	"12/01/26"
	.byte	0
	.byte	0xfc
	.byte	0
