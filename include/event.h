/* SPDX-License-Identifier: MIT */
/* event.h - the records that flow from the vCPU thread to its consumer.
 *
 * One record is one cache line. Exit reasons keep KVM's own numbers (they are
 * kernel ABI) so a record can be logged without translation, yet this header
 * needs no <linux/kvm.h>: the UI never sees KVM headers.
 */
#ifndef KVMTUI_EVENT_H
#define KVMTUI_EVENT_H

#include <stdint.h>
#include <stddef.h>

/* KVM_EXIT_* numbers, spelled as KVM names them (checked against <linux/kvm.h>
 * by a static assertion in src/vmm/exit_decode.c). */
enum exit_reason {
	EXIT_UNKNOWN = 0,
	EXIT_EXCEPTION = 1,
	EXIT_IO = 2,
	EXIT_HYPERCALL = 3,
	EXIT_DEBUG = 4,
	EXIT_HLT = 5,
	EXIT_MMIO = 6,
	EXIT_IRQ_WINDOW_OPEN = 7,
	EXIT_SHUTDOWN = 8,
	EXIT_FAIL_ENTRY = 9,
	EXIT_INTR = 10,
	EXIT_SET_TPR = 11,
	EXIT_TPR_ACCESS = 12,
	EXIT_NMI = 16,
	EXIT_INTERNAL_ERROR = 17,
	EXIT_SYSTEM_EVENT = 24,
	EXIT_IOAPIC_EOI = 26,
	EXIT_HYPERV = 27,
	EXIT_X86_RDMSR = 29,
	EXIT_X86_WRMSR = 30,
	EXIT_X86_BUS_LOCK = 33,
	EXIT_NOTIFY = 37,
	EXIT_MEMORY_FAULT = 39,
	EXIT_REASON_MAX = 64, /* counters have this many slots; larger numbers count as UNKNOWN */
};

/* KVM_SYSTEM_EVENT_* types (u.system_event.type), checked like the reasons. */
enum exit_system_event {
	EXIT_SYSTEM_EVENT_SHUTDOWN = 1,
	EXIT_SYSTEM_EVENT_RESET = 2,
	EXIT_SYSTEM_EVENT_CRASH = 3,
};

/* "IO", "HLT", ...: KVM's name without the KVM_EXIT_ prefix; "UNKNOWN" for holes.
 * The exit table's name (exit_table.h has the rest of what it knows). */
const char *exit_reason_name(unsigned reason);

enum event_kind {
	EVENT_EXIT = 1,     /* one VM exit, decoded (u.io, u.mmio, ...) */
	EVENT_UART = 2,     /* bytes the guest sent out of COM1 (u.text) */
	EVENT_DEBUGCON = 3, /* bytes written to the 0xe9 debug console (u.text) */
	EVENT_STATE = 4,    /* the vCPU changed state (u.state) */
	EVENT_IRQ = 5,      /* an interrupt was injected, or a line moved (u.irq) */
	EVENT_TELETYPE = 6, /* characters the guest printed through the BIOS (int 10h), code page 437 (u.text) */
};

enum io_direction { IO_IN = 0, IO_OUT = 1 };

/* What an EVENT_IRQ record tells (u.irq.how). New values go last: recordings keep these numbers. */
enum irq_how {
	IRQ_INJECTED = 0,   /* user-space irqchip: kvm-tui injected the vector (KVM_INTERRUPT) */
	IRQ_LINE_RAISED,    /* in-kernel irqchip: a device of kvm-tui raised its line (KVM_IRQ_LINE) */
	IRQ_LINE_LOWERED,   /* in-kernel irqchip: ... and lowered it */
};

/* The vCPU's state as the console shows it. */
enum vcpu_state {
	VCPU_STARTING = 0,
	VCPU_RUNNING,
	VCPU_PAUSED,
	VCPU_HALTED,         /* HLT with nothing that could wake it: the guest stopped */
	VCPU_DEBUG_EXIT,     /* the guest wrote its status to port 0xf4 */
	VCPU_SHUTDOWN,       /* triple fault */
	VCPU_FAIL_ENTRY,     /* the hardware refused to enter the guest */
	VCPU_INTERNAL_ERROR, /* KVM could not emulate or deliver something */
	VCPU_ERROR,          /* the host side failed (an ioctl, an unhandled exit) */
	VCPU_QUIT,           /* the console asked the vCPU to stop */
	VCPU_EXIT_LIMIT,     /* --max-exits reached */
	VCPU_END,            /* replay: the recording ends here without a final state (truncated) */
	VCPU_WAITING,        /* HLT with interrupts on: asleep until an interrupt is due */
	/* New states go last: recordings keep these numbers. */
	VCPU_STATE_COUNT
};

const char *vcpu_state_name(enum vcpu_state state); /* "RUNNING", "HALTED", ... */
int vcpu_state_is_final(enum vcpu_state state);      /* the guest cannot run on */
int vcpu_state_is_live(enum vcpu_state state);       /* running, or asleep in HLT: guest time runs */

#define EVENT_TEXT_MAX 32

struct event {
	uint8_t kind;   /* enum event_kind */
	uint8_t reason; /* enum exit_reason, for EVENT_EXIT */
	uint8_t len;    /* bytes used in u.text */
	uint8_t flags;  /* EVENT_F_* */
	uint16_t generation; /* bumps at every reset: a fresh VM (compare as int16_t differences) */
	uint16_t vcpu;       /* which vCPU (always 0 for now: one vCPU per VM) */
	uint64_t seq;     /* exit number since the VM (re)started, from 1 */
	uint64_t time_ns; /* since the VM (re)started */
	uint64_t rip;     /* guest RIP when it exited (linear: CS base + RIP) */
	union {
		struct {
			uint16_t port;
			uint8_t size;  /* 1, 2 or 4 */
			uint8_t dir;   /* enum io_direction */
			uint32_t count; /* > 1 for rep ins/outs */
			uint8_t data[8]; /* first bytes moved (IN: what the device answered) */
			uint8_t serial_len; /* with EVENT_F_SERIAL: bytes COM1 sent out */
			uint8_t serial[7];
		} io;
		struct {
			/* With EVENT_F_BIOS: the IO exit of a BIOS stub's trap.
			 * The first fields are u.io's (the OUT itself). */
			uint16_t port;
			uint8_t size;
			uint8_t dir;
			uint32_t count;
			uint8_t vector;  /* 0x10, 0x13, ...; 0x09 for the keyboard interrupt's work */
			uint8_t result;  /* BIOS_EV_* */
			uint8_t ah_out;  /* AH and AL as the call returned them */
			uint8_t al_out;
			uint16_t ax, bx, cx, dx, si, di, ds, es; /* as the guest called */
			uint32_t detail; /* service-specific: an LBA, a key, microseconds left */
		} bios;
		struct {
			uint64_t addr;
			uint8_t len;
			uint8_t is_write;
			uint8_t data[8];
		} mmio;
		struct {
			uint64_t hardware_reason;
			uint32_t cpu;
		} fail_entry;
		struct {
			uint32_t suberror;
			uint8_t insn_len;  /* bytes in insn (emulation failures) */
			uint8_t insn[15];
		} internal;
		struct {
			uint32_t type;
			uint32_t ndata;
			uint64_t data0;
		} system_event;
		struct {
			uint32_t exception;
			uint32_t pad;
			uint64_t dr6;
			uint64_t pc;
		} debug;
		struct {
			uint32_t index;
			uint32_t error;
			uint64_t data;
		} msr;
		struct {
			uint8_t irq;        /* the line (0-15) */
			uint8_t vector;     /* what the guest's IDT/IVT is indexed with (IRQ_INJECTED) */
			uint8_t how;        /* enum irq_how */
			uint8_t pad;
			uint32_t coalesced; /* timer ticks folded into this one (a PIT faster than delivery) */
		} irq;
		struct {
			uint32_t state;  /* enum vcpu_state */
			int32_t status;  /* for VCPU_DEBUG_EXIT: the exit status (v<<1)|1 */
		} state;
		uint8_t text[EVENT_TEXT_MAX];
	} u;
};

#define EVENT_F_STEP 0x01   /* this exit ended a single step */
#define EVENT_F_SERIAL 0x02 /* this IO exit also carries COM1's output (u.io.serial):
			     * one record per OUT instead of two, in a flood */
#define EVENT_F_BIOS 0x04   /* this IO exit is a BIOS call: u.bios instead of u.io's data */

/* The COM1 output an event carries, from an EVENT_UART record or piggybacked
 * on the OUT exit that produced it. Returns the byte count (0: none).
 * The count is capped at the record's array: a replayed record comes from
 * a file and may claim more (len up to 255 where u.text holds 32), which
 * would read past the record (found by tests/fuzz/fuzz_exits). */
static inline size_t event_serial_bytes(const struct event *ev, const uint8_t **bytes)
{
	if (ev->kind == EVENT_UART) {
		*bytes = ev->u.text;
		return ev->len <= sizeof(ev->u.text) ? ev->len : sizeof(ev->u.text);
	}
	if (ev->kind == EVENT_EXIT && (ev->flags & EVENT_F_SERIAL)) {
		*bytes = ev->u.io.serial;
		return ev->u.io.serial_len <= sizeof(ev->u.io.serial) ? ev->u.io.serial_len
								       : sizeof(ev->u.io.serial);
	}
	return 0;
}

/* u.bios.result */
#define BIOS_EV_CARRY 0x01   /* returned with CF set: it failed */
#define BIOS_EV_UNKNOWN 0x02 /* a function this BIOS does not have */
#define BIOS_EV_RETRY 0x04   /* nothing yet: the stub waits for an interrupt and asks again */
#define BIOS_EV_IRQ 0x08     /* an interrupt handler's work, not a call */
#define BIOS_EV_ZERO 0x10    /* returned with ZF set (int 16h 01h: no key) */

_Static_assert(sizeof(struct event) == 64, "one event is one cache line");

#endif
