/* SPDX-License-Identifier: MIT */
/* test_breakpoints.c - breakpoints: their words (bp_parse), the list the
 * console edits, matching exits against it, and the vCPU stopping on them
 * in a replay of hello (12 OUTs to COM1, then HLT): no KVM needed. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "breakpoints.h"
#include "check.h"
#include "vm.h"

#define MS 1000000ull

static void parses(const char *text, int kind, uint64_t addr, const char *tidy)
{
	struct breakpoint b;
	char err[160] = "";
	int rc = bp_parse(text, &b, err, sizeof(err));
	CHECK_EQ(rc, 0);
	if (rc) {
		fprintf(stderr, "  '%s': %s\n", text, err);
		return;
	}
	CHECK_EQ(b.kind, kind);
	CHECK_EQ(b.addr, addr);
	CHECK_STR(b.text, tidy);
	CHECK(b.enabled);
}

static void refused(const char *text, const char *why)
{
	struct breakpoint b;
	char err[160] = "";
	CHECK_EQ(bp_parse(text, &b, err, sizeof(err)), -1);
	CHECK_CONTAINS(err, why);
}

static void test_parse(void)
{
	parses("0x7c10", BRK_ADDR, 0x7c10, "0x7c10");
	parses(" 7c10h ", BRK_ADDR, 0x7c10, "0x7c10");
	parses("0:7c10", BRK_ADDR, 0x7c10, "0x7c10");
	parses("f000:fff0", BRK_ADDR, 0xffff0, "0xffff0");
	parses("io:0x3f8", BRK_PORT, 0x3f8, "io:0x3f8");
	parses("in:0x60", BRK_PORT, 0x60, "in:0x60");
	parses("OUT:1016", BRK_PORT, 0x3f8, "out:0x3f8");
	parses("mmio:0xb8000", BRK_MMIO, 0xb8000, "mmio:0xb8000");
	parses("mmio:write:0xa0000:0x20000", BRK_MMIO, 0xa0000, "mmio:write:0xa0000:0x20000");
	parses("hlt", BRK_EXIT, 0, "hlt");
	parses("IO", BRK_EXIT, 0, "io");
	parses("exit:shutdown", BRK_EXIT, 0, "shutdown");
	parses("mode", BRK_MODE, 0, "mode");
	parses("mode:PE", BRK_MODE, 0, "mode:pe");
	parses("int:0x08", BRK_VECTOR, 8, "int:0x08");
	parses("watch:0x7e00:2", BRK_WATCH, 0x7e00, "watch:0x7e00:2");
	parses("awatch:0x500", BRK_WATCH, 0x500, "awatch:0x500:1");
	refused("", "empty");
	refused("ss:sp", "no breakpoint");
	refused("rip", "no breakpoint");
	refused("io:0x10000", "0xffff");
	refused("int:0x100", "0xff");
	refused("mode:x", "pe, pg or lma");
	refused("watch:0x7e00:3", "1, 2, 4 or 8");
	refused("watch:0x7e01:2", "aligned");
	refused("bogus", "no breakpoint");
}

static struct event io_exit(uint16_t port, enum io_direction dir)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO };
	ev.u.io.port = port;
	ev.u.io.dir = (uint8_t)dir;
	return ev;
}

static void test_match(void)
{
	struct breakpoint b[4];
	char err[160];
	CHECK_EQ(bp_parse("out:0x3f8", &b[0], err, sizeof(err)), 0);
	CHECK_EQ(bp_parse("mmio:read:0xb8000:0x8000", &b[1], err, sizeof(err)), 0);
	CHECK_EQ(bp_parse("mode:pe", &b[2], err, sizeof(err)), 0);
	CHECK_EQ(bp_parse("int:0x08", &b[3], err, sizeof(err)), 0);
	struct event ev = io_exit(0x3f8, IO_OUT);
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), 0);
	ev = io_exit(0x3f8, IO_IN);
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), -1); /* out only */
	ev = io_exit(0x3f9, IO_OUT);
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), -1);
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_MMIO };
	ev.u.mmio.addr = 0xbfff0;
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), 1);
	ev.u.mmio.is_write = 1;
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), -1); /* read only */
	ev.u.mmio.is_write = 0;
	ev.u.mmio.addr = 0xc0000;
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), -1); /* past the range */
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_HLT };
	CHECK_EQ(bp_match(b, 4, &ev, 0, BRK_MODE_PE), 2); /* real -> protected */
	CHECK_EQ(bp_match(b, 4, &ev, BRK_MODE_PE, BRK_MODE_PE | BRK_MODE_PG), -1); /* paging: not asked */
	ev = (struct event){ .kind = EVENT_IRQ };
	ev.u.irq.vector = 8;
	ev.u.irq.how = IRQ_INJECTED;
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), 3);
	b[3].enabled = false;
	CHECK_EQ(bp_match(b, 4, &ev, 0, 0), -1);
	struct cpu_state cpu = { .cr0 = 0x80000011, .efer = 0x500 };
	CHECK_EQ(bp_mode_bits(&cpu), BRK_MODE_PE | BRK_MODE_PG | BRK_MODE_LMA);
}

static void test_list(void)
{
	struct bp_list l;
	bp_list_init(&l);
	struct breakpoint b;
	char err[160];
	CHECK_EQ(bp_parse("hlt", &b, err, sizeof(err)), 0);
	CHECK_EQ(atomic_load(&l.armed), 0);
	int a = bp_add(&l, &b, err, sizeof(err));
	int c = bp_add(&l, &b, err, sizeof(err));
	CHECK_EQ(a, 1);
	CHECK_EQ(c, 2);
	CHECK_EQ(atomic_load(&l.armed), 2);
	CHECK_EQ(bp_set_enabled(&l, 1, false), 0);
	CHECK_EQ(atomic_load(&l.armed), 1);
	CHECK_EQ(bp_remove(&l, 1), 0);
	CHECK_EQ(bp_remove(&l, 1), -1);
	struct breakpoint snap[BRK_MAX];
	uint64_t hits[BRK_MAX];
	CHECK_EQ(bp_snapshot(&l, snap, hits, BRK_MAX), 1);
	CHECK_EQ(snap[0].id, 2);
	char text[BRK_TEXT_MAX];
	bp_describe(&l, 2, text, sizeof(text));
	CHECK_STR(text, "hlt");
	bp_describe(&l, 9, text, sizeof(text));
	CHECK_STR(text, "");
	for (int i = 1; i < BRK_MAX; i++)
		CHECK(bp_add(&l, &b, err, sizeof(err)) > 0);
	CHECK_EQ(bp_add(&l, &b, err, sizeof(err)), -1);
	CHECK_CONTAINS(err, "delete one");
	bp_list_destroy(&l);
}

/* ---- the vCPU stops on them (a replay of hello) ---- */

static bool wait_state(struct seam *s, enum vcpu_state want)
{
	uint64_t deadline = seam_now_ns() + 10000 * MS;
	while (seam_now_ns() < deadline) {
		struct event ev;
		while (ring_pop(&s->ring, &ev))
			;
		if (control_state(&s->control) == want)
			return true;
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "waited for %s, have %s\n", vcpu_state_name(want), vcpu_state_name(control_state(&s->control)));
	return false;
}

/* The last state record's status: the breakpoint it paused for. */
static unsigned regs_exits(struct seam *s)
{
	struct cpu_state cpu;
	snapshot_read(&s->regs, &cpu);
	return (unsigned)cpu.exits;
}

/* Paused (or stopped in `want`) with this many exits done. */
static bool wait_at(struct seam *s, enum vcpu_state want, unsigned exits)
{
	uint64_t deadline = seam_now_ns() + 10000 * MS;
	while (seam_now_ns() < deadline) {
		if (control_state(&s->control) == want && regs_exits(s) == exits)
			return true;
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "waited for %s at exit %u, have %s at %u\n", vcpu_state_name(want), exits,
		vcpu_state_name(control_state(&s->control)), regs_exits(s));
	return false;
}

static void test_replay_stops(void)
{
	struct seam *s = seam_create(0);
	char err[512];
	struct breakpoint b;
	CHECK_EQ(bp_parse("out:0x3f8", &b, err, sizeof(err)), 0);
	int id = bp_add(&s->breaks, &b, err, sizeof(err));
	control_set_replay_speed(&s->control, REPLAY_SPEED_MAX);
	struct vm *vm = vm_open_replay(TEST_SOURCE_DIR "/tests/recordings/hello.rec", s, false, err, sizeof(err));
	CHECK(vm != NULL);
	if (!vm)
		return;
	CHECK_EQ(vm_start(vm), 0);
	CHECK(wait_state(s, VCPU_PAUSED));
	CHECK_EQ(regs_exits(s), 1); /* the first OUT */
	uint64_t hits[BRK_MAX];
	struct breakpoint snap[BRK_MAX];
	bp_snapshot(&s->breaks, snap, hits, BRK_MAX);
	CHECK_EQ(hits[0], 1);
	control_request(&s->control, CTRL_RESUME);
	CHECK(wait_at(s, VCPU_PAUSED, 2));
	/* Disabled: the guest runs to its end. */
	bp_set_enabled(&s->breaks, (unsigned)id, false);
	control_request(&s->control, CTRL_RESUME);
	CHECK(wait_at(s, VCPU_HALTED, 13));
	/* A reset keeps the list: enabled again, the fresh run stops at its first OUT. */
	bp_set_enabled(&s->breaks, (unsigned)id, true);
	control_request(&s->control, CTRL_RESET);
	CHECK(wait_at(s, VCPU_PAUSED, 1));
	vm_destroy(vm);
	seam_destroy(s);
}

int main(void)
{
	test_parse();
	test_match();
	test_list();
	test_replay_stops();
	return check_done();
}
