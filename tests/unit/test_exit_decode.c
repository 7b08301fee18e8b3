/* SPDX-License-Identifier: MIT */
/* test_exit_decode.c - kvm_run records to events, and events to JSON lines. */
#include <linux/kvm.h>
#include <stdlib.h>

#include "check.h"
#include "exit_decode.h"
#include "trace_json.h"

/* A kvm_run with room behind it for the I/O data, as KVM maps it. */
static struct kvm_run *fresh_run(void)
{
	struct kvm_run *run = calloc(1, 4096);
	return run;
}

static void test_io_out(void)
{
	struct kvm_run *run = fresh_run();
	run->exit_reason = KVM_EXIT_IO;
	run->io.direction = KVM_EXIT_IO_OUT;
	run->io.port = 0x3f8;
	run->io.size = 1;
	run->io.count = 1;
	run->io.data_offset = 1024;
	((uint8_t *)run)[1024] = 'H';
	struct event ev;
	exit_decode(&ev, run);
	CHECK_EQ(ev.kind, EVENT_EXIT);
	CHECK_EQ(ev.reason, EXIT_IO);
	CHECK_EQ(ev.u.io.port, 0x3f8);
	CHECK_EQ(ev.u.io.dir, IO_OUT);
	CHECK_EQ(ev.u.io.size, 1);
	CHECK_EQ(ev.u.io.count, 1);
	CHECK_EQ(ev.u.io.data[0], 'H');
	ev.seq = 1;
	ev.time_ns = 5231;
	ev.rip = 0x7c1e;
	char line[512];
	trace_json_format(&ev, line, sizeof(line));
	CHECK_STR(line, "{\"seq\":1,\"time_ns\":5231,\"reason\":\"IO\",\"rip\":\"0x7c1e\",\"dir\":\"out\","
			"\"port\":\"0x3f8\",\"size\":1,\"count\":1,\"data\":\"0x48\"}");
	free(run);
}

static void test_rep_outs_keeps_count_and_first_bytes(void)
{
	struct kvm_run *run = fresh_run();
	run->exit_reason = KVM_EXIT_IO;
	run->io.direction = KVM_EXIT_IO_OUT;
	run->io.port = 0xe9;
	run->io.size = 2;
	run->io.count = 10;
	run->io.data_offset = 2048;
	for (int i = 0; i < 20; i++)
		((uint8_t *)run)[2048 + i] = (uint8_t)i;
	struct event ev;
	exit_decode(&ev, run);
	CHECK_EQ(ev.u.io.count, 10);
	CHECK_EQ(ev.u.io.size, 2);
	CHECK_EQ(ev.u.io.data[7], 7); /* the first 8 of 20 bytes */
	free(run);
}

static void test_io_in_has_no_data_yet(void)
{
	struct kvm_run *run = fresh_run();
	run->exit_reason = KVM_EXIT_IO;
	run->io.direction = KVM_EXIT_IO_IN;
	run->io.port = 0x3fd;
	run->io.size = 1;
	run->io.count = 1;
	run->io.data_offset = 1024;
	((uint8_t *)run)[1024] = 0x55; /* stale: the device has not answered */
	struct event ev;
	exit_decode(&ev, run);
	CHECK_EQ(ev.u.io.dir, IO_IN);
	CHECK_EQ(ev.u.io.data[0], 0);
	free(run);
}

static void test_mmio(void)
{
	struct kvm_run *run = fresh_run();
	run->exit_reason = KVM_EXIT_MMIO;
	run->mmio.phys_addr = 0xb8000;
	run->mmio.len = 2;
	run->mmio.is_write = 1;
	run->mmio.data[0] = 0x48;
	run->mmio.data[1] = 0x07;
	struct event ev;
	exit_decode(&ev, run);
	CHECK_EQ(ev.reason, EXIT_MMIO);
	CHECK_EQ(ev.u.mmio.addr, 0xb8000);
	CHECK_EQ(ev.u.mmio.len, 2);
	CHECK_EQ(ev.u.mmio.is_write, 1);
	char line[512];
	trace_json_format(&ev, line, sizeof(line));
	CHECK_CONTAINS(line, "\"dir\":\"write\",\"addr\":\"0xb8000\",\"len\":2,\"data\":\"0x748\"");
	free(run);
}

static void test_errors(void)
{
	struct kvm_run *run = fresh_run();
	struct event ev;
	run->exit_reason = KVM_EXIT_FAIL_ENTRY;
	run->fail_entry.hardware_entry_failure_reason = 0x21;
	exit_decode(&ev, run);
	CHECK_EQ(ev.reason, EXIT_FAIL_ENTRY);
	CHECK_EQ(ev.u.fail_entry.hardware_reason, 0x21);

	run->exit_reason = KVM_EXIT_INTERNAL_ERROR;
	run->emulation_failure.suberror = KVM_INTERNAL_ERROR_EMULATION;
	run->emulation_failure.flags = KVM_INTERNAL_ERROR_EMULATION_FLAG_INSTRUCTION_BYTES;
	run->emulation_failure.insn_size = 2;
	run->emulation_failure.insn_bytes[0] = 0x0f;
	run->emulation_failure.insn_bytes[1] = 0x0b;
	exit_decode(&ev, run);
	CHECK_EQ(ev.u.internal.suberror, 1);
	CHECK_EQ(ev.u.internal.insn_len, 2);
	char line[512];
	trace_json_format(&ev, line, sizeof(line));
	CHECK_CONTAINS(line, "\"reason\":\"INTERNAL_ERROR\"");
	CHECK_CONTAINS(line, "\"insn\":\"0f 0b\"");

	run->exit_reason = KVM_EXIT_SHUTDOWN;
	exit_decode(&ev, run);
	CHECK_STR(exit_reason_name(ev.reason), "SHUTDOWN");

	run->exit_reason = 1000; /* a reason from a newer kernel */
	exit_decode(&ev, run);
	CHECK_EQ(ev.reason, EXIT_UNKNOWN);
	free(run);
}

static void test_linear_rip(void)
{
	struct kvm_run *run = fresh_run();
	run->s.regs.regs.rip = 0x10;
	run->s.regs.sregs.cs.base = 0x7c00;
	CHECK_EQ(exit_linear_rip(run), 0x7c10); /* real/protected: CS base + RIP */
	run->s.regs.sregs.efer = 1u << 10;
	run->s.regs.sregs.cs.l = 1;
	run->s.regs.regs.rip = 0x100010;
	CHECK_EQ(exit_linear_rip(run), 0x100010); /* long mode ignores CS base */
	free(run);
}

static void test_json_truncates_safely(void)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_HLT, .seq = 13, .rip = 0x7c21 };
	char small[16];
	size_t n = trace_json_format(&ev, small, sizeof(small));
	CHECK_EQ(n, sizeof(small) - 1);
	CHECK_EQ(small[sizeof(small) - 1], '\0');
}

/* Interrupts get lines of their own; a device port access carries its
 * words in "decode"; an exit line without one is as it always was. */
static void test_irq_and_decode_lines(void)
{
	char line[512];
	struct event ev = { .kind = EVENT_IRQ, .seq = 6, .time_ns = 10513976 };
	ev.u.irq.irq = 0;
	ev.u.irq.vector = 8;
	ev.u.irq.how = IRQ_INJECTED;
	trace_json_format(&ev, line, sizeof(line));
	CHECK_STR(line, "{\"seq\":6,\"time_ns\":10513976,\"kind\":\"irq\",\"line\":0,\"source\":\"timer\","
			"\"vector\":8,\"how\":\"injected\",\"coalesced\":0}");
	struct event io = { .kind = EVENT_EXIT, .reason = EXIT_IO, .seq = 7, .time_ns = 10, .rip = 0x7c62 };
	io.u.io.port = 0x20;
	io.u.io.dir = IO_OUT;
	io.u.io.size = 1;
	io.u.io.count = 1;
	io.u.io.data[0] = 0x20;
	trace_json_decoded(&io, "PIC1 OCW2 EOI (ends IRQ0)", line, sizeof(line));
	CHECK_STR(line, "{\"seq\":7,\"time_ns\":10,\"reason\":\"IO\",\"rip\":\"0x7c62\",\"dir\":\"out\","
			"\"port\":\"0x20\",\"size\":1,\"count\":1,\"data\":\"0x20\","
			"\"decode\":\"PIC1 OCW2 EOI (ends IRQ0)\"}");
	char plain[512];
	trace_json_decoded(&io, "", line, sizeof(line));
	trace_json_format(&io, plain, sizeof(plain));
	CHECK_STR(line, plain);
	CHECK(!strstr(plain, "decode"));
}

int main(void)
{
	test_irq_and_decode_lines();
	test_io_out();
	test_rep_outs_keeps_count_and_first_bytes();
	test_io_in_has_no_data_yet();
	test_mmio();
	test_errors();
	test_linear_rip();
	test_json_truncates_safely();
	return check_done();
}
