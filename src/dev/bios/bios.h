/* SPDX-License-Identifier: MIT */
/* bios.h - the BIOS services kvm-tui answers for the guest's ROM.
 *
 * The BIOS is guest code (src/bios/bios.S) placed in a read-only slot at
 * 0xF0000. Each service the guest calls with INT runs a short stub there
 * that does one OUT to BIOS_TRAP_PORT: a VM exit, and kvm-tui does the
 * work here, on the vCPU thread, with the caller's registers, then the stub
 * IRETs. So each BIOS call is one line in the exit log, with its name and
 * arguments (struct bios_call), as the student would want to see it.
 *
 * Pure device code: no KVM, no threads, no curses. The vmm reads the
 * registers before a call and writes them back after it (vm_bios.c).
 * Everything a PC BIOS keeps in RAM (the BIOS data area at 0x400, the
 * cursor, the keyboard buffer, the tick count) is kept in the guest's RAM
 * here too, so a guest that reads or writes it directly sees a PC.
 */
#ifndef KVMTUI_BIOS_H
#define KVMTUI_BIOS_H

#include <stdbool.h>
#include <stdint.h>

#include "bios_mem.h"

struct disk;
struct vga;

#define BIOS_TRAP_PORT 0x00ef /* free on a PC: beside the 0xe9 debug console */

/* The caller's registers as INT left them. flags: the FLAGS the INT pushed,
 * which the stub's IRET restores: results in CF and ZF go here. */
struct bios_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp;
	uint16_t cs, ds, es, ss;
	uint32_t eip;
	uint16_t flags;
};

#define BIOS_FLAG_CF 0x0001
#define BIOS_FLAG_ZF 0x0040
#define BIOS_FLAG_IF 0x0200

static inline uint8_t bios_ah(const struct bios_regs *r) { return (uint8_t)(r->eax >> 8); }
static inline uint8_t bios_al(const struct bios_regs *r) { return (uint8_t)r->eax; }
static inline uint8_t bios_bh(const struct bios_regs *r) { return (uint8_t)(r->ebx >> 8); }
static inline uint8_t bios_bl(const struct bios_regs *r) { return (uint8_t)r->ebx; }
static inline uint8_t bios_ch(const struct bios_regs *r) { return (uint8_t)(r->ecx >> 8); }
static inline uint8_t bios_cl(const struct bios_regs *r) { return (uint8_t)r->ecx; }
static inline uint8_t bios_dh(const struct bios_regs *r) { return (uint8_t)(r->edx >> 8); }
static inline uint8_t bios_dl(const struct bios_regs *r) { return (uint8_t)r->edx; }
static inline uint16_t bios_ax(const struct bios_regs *r) { return (uint16_t)r->eax; }
static inline uint16_t bios_bx(const struct bios_regs *r) { return (uint16_t)r->ebx; }
static inline uint16_t bios_cx(const struct bios_regs *r) { return (uint16_t)r->ecx; }
static inline uint16_t bios_dx(const struct bios_regs *r) { return (uint16_t)r->edx; }
static inline void bios_set_ah(struct bios_regs *r, uint8_t v) { r->eax = (r->eax & ~0xff00u) | (uint32_t)v << 8; }
static inline void bios_set_al(struct bios_regs *r, uint8_t v) { r->eax = (r->eax & ~0xffu) | v; }
static inline void bios_set_ax(struct bios_regs *r, uint16_t v) { r->eax = (r->eax & ~0xffffu) | v; }
static inline void bios_set_bh(struct bios_regs *r, uint8_t v) { r->ebx = (r->ebx & ~0xff00u) | (uint32_t)v << 8; }
static inline void bios_set_bl(struct bios_regs *r, uint8_t v) { r->ebx = (r->ebx & ~0xffu) | v; }
static inline void bios_set_bx(struct bios_regs *r, uint16_t v) { r->ebx = (r->ebx & ~0xffffu) | v; }
static inline void bios_set_ch(struct bios_regs *r, uint8_t v) { r->ecx = (r->ecx & ~0xff00u) | (uint32_t)v << 8; }
static inline void bios_set_cl(struct bios_regs *r, uint8_t v) { r->ecx = (r->ecx & ~0xffu) | v; }
static inline void bios_set_cx(struct bios_regs *r, uint16_t v) { r->ecx = (r->ecx & ~0xffffu) | v; }
static inline void bios_set_dh(struct bios_regs *r, uint8_t v) { r->edx = (r->edx & ~0xff00u) | (uint32_t)v << 8; }
static inline void bios_set_dl(struct bios_regs *r, uint8_t v) { r->edx = (r->edx & ~0xffu) | v; }
static inline void bios_set_dx(struct bios_regs *r, uint16_t v) { r->edx = (r->edx & ~0xffffu) | v; }
/* CF: set = the call failed (the caller tests it with JC). */
static inline void bios_set_carry(struct bios_regs *r, bool on)
{
	r->flags = (uint16_t)(on ? r->flags | BIOS_FLAG_CF : r->flags & ~BIOS_FLAG_CF);
}
static inline void bios_set_zero(struct bios_regs *r, bool on)
{
	r->flags = (uint16_t)(on ? r->flags | BIOS_FLAG_ZF : r->flags & ~BIOS_FLAG_ZF);
}
/* The usual failure: CF set and AH = status (0x86 "unsupported function"
 * for int 15h, 0x01 "invalid function" for int 13h and most others). */
static inline void bios_fail(struct bios_regs *r, uint8_t status)
{
	bios_set_ah(r, status);
	bios_set_carry(r, true);
}

/* What one call did, for the exit log and --trace (the vmm copies it into
 * the IO exit's record; src/seam/bios_describe.c turns it into words). */
struct bios_call {
	uint8_t vector;   /* 0x10, 0x13, ... (set by the dispatcher) */
	bool unknown;     /* a function this BIOS does not have: answered as failed */
	bool retry;       /* nothing yet (int 16h with no key, int 15h 86h still
			   * waiting): the stub halts until an interrupt and calls again */
	uint32_t detail;  /* service-specific: an extended read's LBA, a wait's us left */
};

/* Where the BIOS's output goes besides guest memory. */
struct bios_host {
	void *ctx;
	/* A character printed through int 10h's teletype or write string (not
	 * 09h/0Ah, which paint cells): headless mode prints these on stdout. */
	void (*tty)(void *ctx, uint8_t ch);
	/* int 18h/19h: reboot (the machine resets after the call returns). */
	void (*reboot)(void *ctx);
	/* Host time in ns (CLOCK_MONOTONIC), for int 15h 86h waits. */
	uint64_t (*now_ns)(void *ctx);
	/* The hardware, as a real BIOS reaches it: through I/O ports (int 14h
	 * talks to COM1's registers, int 1Ah to the CMOS clock's). These go to
	 * the device models directly, not through an exit. */
	uint8_t (*port_in)(void *ctx, uint16_t port);
	void (*port_out)(void *ctx, uint16_t port, uint8_t value);
};

#define BIOS_MAX_DISKS 2

/* The BIOS's own state (everything else is in guest RAM). */
struct bios {
	struct bios_mem mem;
	struct vga *vga;                     /* the text screen's registers (vga_text.h) */
	struct disk *disks[BIOS_MAX_DISKS];  /* NULL: no such drive */
	uint8_t drive_number[BIOS_MAX_DISKS]; /* 0x00 (floppy A:) or 0x80 (first hard disk), 0x81 */
	uint8_t boot_drive;
	struct bios_host host;
	uint64_t wait_until_ns;              /* int 15h 86h in progress: 0 none */
	uint8_t last_disk_status[BIOS_MAX_DISKS]; /* int 13h 01h reads it back */
};

/* One trap: the service for `vector` (irq: an interrupt handler's work,
 * not a call), with *call filled for the exit log. */
void bios_dispatch(struct bios *b, uint8_t vector, bool irq, struct bios_regs *r, struct bios_call *call);

/* The services, one file each. r is updated in place; call says what happened. */
void bios_video_call(struct bios *b, struct bios_regs *r, struct bios_call *call);    /* int 10h */
void bios_disk_call(struct bios *b, struct bios_regs *r, struct bios_call *call);     /* int 13h */
void bios_keyboard_call(struct bios *b, struct bios_regs *r, struct bios_call *call); /* int 16h */
void bios_system_call(struct bios *b, struct bios_regs *r, struct bios_call *call);   /* int 11h 12h 15h */
void bios_serial_call(struct bios *b, struct bios_regs *r, struct bios_call *call);   /* int 14h */
void bios_clock_call(struct bios *b, struct bios_regs *r, struct bios_call *call);    /* int 1Ah */
void bios_printer_call(struct bios *b, struct bios_regs *r, struct bios_call *call);  /* int 17h */
void bios_boot_call(struct bios *b, struct bios_regs *r, struct bios_call *call);     /* int 18h 19h */
/* The keyboard interrupt's work (int 9, after the stub read port 0x60 into
 * AL): shift states, and the key into the BDA's buffer. */
void bios_keyboard_irq(struct bios *b, struct bios_regs *r, struct bios_call *call);

#endif
