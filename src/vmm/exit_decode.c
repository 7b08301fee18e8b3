/* SPDX-License-Identifier: MIT */
/* exit_decode.c - struct kvm_run to struct event.
 *
 * Keeps the detail a student needs for each exit: the port and bytes of an
 * OUT, the address of an MMIO access, the hardware's reason for a failed
 * entry, the instruction bytes KVM could not emulate.
 */
#include "exit_decode.h"

#include <string.h>

/* event.h mirrors KVM's numbers so the UI needs no KVM headers. */
_Static_assert(EXIT_IO == KVM_EXIT_IO && EXIT_HLT == KVM_EXIT_HLT && EXIT_MMIO == KVM_EXIT_MMIO &&
		       EXIT_SHUTDOWN == KVM_EXIT_SHUTDOWN && EXIT_FAIL_ENTRY == KVM_EXIT_FAIL_ENTRY &&
		       EXIT_INTR == KVM_EXIT_INTR && EXIT_DEBUG == KVM_EXIT_DEBUG &&
		       EXIT_INTERNAL_ERROR == KVM_EXIT_INTERNAL_ERROR &&
		       EXIT_SYSTEM_EVENT == KVM_EXIT_SYSTEM_EVENT &&
		       EXIT_IRQ_WINDOW_OPEN == KVM_EXIT_IRQ_WINDOW_OPEN &&
		       EXIT_X86_RDMSR == KVM_EXIT_X86_RDMSR && EXIT_X86_WRMSR == KVM_EXIT_X86_WRMSR &&
		       EXIT_NOTIFY == KVM_EXIT_NOTIFY && EXIT_EXCEPTION == KVM_EXIT_EXCEPTION,
	       "event.h exit numbers match <linux/kvm.h>");
_Static_assert(EXIT_SYSTEM_EVENT_SHUTDOWN == KVM_SYSTEM_EVENT_SHUTDOWN &&
		       EXIT_SYSTEM_EVENT_RESET == KVM_SYSTEM_EVENT_RESET &&
		       EXIT_SYSTEM_EVENT_CRASH == KVM_SYSTEM_EVENT_CRASH,
	       "event.h system event types match <linux/kvm.h>");

static void decode_io(struct event *ev, const struct kvm_run *run)
{
	const uint8_t *data = (const uint8_t *)run + run->io.data_offset;
	size_t bytes = (size_t)run->io.size * run->io.count;
	ev->u.io.port = run->io.port;
	ev->u.io.size = run->io.size;
	ev->u.io.dir = run->io.direction == KVM_EXIT_IO_OUT ? IO_OUT : IO_IN;
	ev->u.io.count = run->io.count;
	if (ev->u.io.dir == IO_OUT)
		memcpy(ev->u.io.data, data, bytes < 8 ? bytes : 8);
}

static void decode_mmio(struct event *ev, const struct kvm_run *run)
{
	ev->u.mmio.addr = run->mmio.phys_addr;
	ev->u.mmio.len = (uint8_t)run->mmio.len;
	ev->u.mmio.is_write = run->mmio.is_write;
	if (run->mmio.is_write)
		memcpy(ev->u.mmio.data, run->mmio.data, run->mmio.len <= 8 ? run->mmio.len : 8);
}

static void decode_internal(struct event *ev, const struct kvm_run *run)
{
	ev->u.internal.suberror = run->internal.suberror;
	ev->u.internal.insn_len = 0;
	if (run->internal.suberror == KVM_INTERNAL_ERROR_EMULATION &&
	    (run->emulation_failure.flags & KVM_INTERNAL_ERROR_EMULATION_FLAG_INSTRUCTION_BYTES)) {
		uint8_t n = run->emulation_failure.insn_size;
		if (n > sizeof(ev->u.internal.insn))
			n = sizeof(ev->u.internal.insn);
		memcpy(ev->u.internal.insn, run->emulation_failure.insn_bytes, n);
		ev->u.internal.insn_len = n;
	}
}

void exit_decode(struct event *ev, const struct kvm_run *run)
{
	ev->kind = EVENT_EXIT;
	ev->len = 0;
	ev->flags = 0;
	ev->reason = run->exit_reason < EXIT_REASON_MAX ? (uint8_t)run->exit_reason : EXIT_UNKNOWN;
	memset(&ev->u, 0, sizeof(ev->u));
	switch (run->exit_reason) {
	case KVM_EXIT_IO:
		decode_io(ev, run);
		break;
	case KVM_EXIT_MMIO:
		decode_mmio(ev, run);
		break;
	case KVM_EXIT_FAIL_ENTRY:
		ev->u.fail_entry.hardware_reason = run->fail_entry.hardware_entry_failure_reason;
		ev->u.fail_entry.cpu = run->fail_entry.cpu;
		break;
	case KVM_EXIT_INTERNAL_ERROR:
		decode_internal(ev, run);
		break;
	case KVM_EXIT_SYSTEM_EVENT:
		ev->u.system_event.type = run->system_event.type;
		ev->u.system_event.ndata = run->system_event.ndata;
		ev->u.system_event.data0 = run->system_event.ndata ? run->system_event.data[0] : 0;
		break;
	case KVM_EXIT_DEBUG:
		ev->u.debug.exception = run->debug.arch.exception;
		ev->u.debug.dr6 = run->debug.arch.dr6;
		ev->u.debug.pc = run->debug.arch.pc;
		break;
	case KVM_EXIT_X86_RDMSR:
	case KVM_EXIT_X86_WRMSR:
		ev->u.msr.index = run->msr.index;
		ev->u.msr.data = run->msr.data;
		break;
	default:
		break;
	}
}

uint64_t exit_linear_rip(const struct kvm_run *run)
{
	const struct kvm_sregs *s = &run->s.regs.sregs;
	/* In long mode CS base is ignored (and zero); elsewhere it matters. */
	if (s->efer & (1u << 10) && s->cs.l)
		return run->s.regs.regs.rip;
	return s->cs.base + run->s.regs.regs.rip;
}
