/* SPDX-License-Identifier: MIT */
/* test_mem_windows.c - windows onto guest memory through the seam
 * (mem_view.h), filled by the vCPU thread of a replay: no KVM needed.
 *
 * The replay of tests/recordings/hello.rec finds guests/hello.bin (by the
 * recorded path, or by name in this source tree) and shows it as loaded:
 * the code window around CS:RIP holds hello.bin's bytes, the PC hole and
 * memory past the end read as nothing, a replay without its guest has no
 * memory at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "record.h"
#include "vm.h"

#define MS 1000000ull

static uint8_t hello[512];

static bool load_hello(void)
{
	FILE *f = fopen(TEST_SOURCE_DIR "/guests/hello.bin", "rb");
	if (!f)
		return false;
	size_t n = fread(hello, 1, sizeof(hello), f);
	fclose(f);
	return n == sizeof(hello);
}

/* Asks for a window and waits for the answer to this request. */
static bool ask(struct seam *seam, enum mem_window_id id, const char *expr, uint32_t len, struct mem_window *w)
{
	struct addr_expr e;
	char err[128];
	if (addr_expr_parse(expr, &e, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", expr, err);
		return false;
	}
	uint64_t request = mem_view_want(&seam->memory, id, &e, len);
	control_notify(&seam->control, CTRL_PEEK);
	uint64_t deadline = seam_now_ns() + 10000 * MS;
	while (seam_now_ns() < deadline) {
		if (mem_view_read(&seam->memory, id, w) && w->request == request)
			return true;
		struct timespec ts = { 0, 500000 };
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "no window for %s\n", expr);
	return false;
}

static struct vm *open_paused(struct seam *seam, const char *rec)
{
	char err[512];
	struct vm *vm = vm_open_replay(rec, seam, true, err, sizeof(err));
	if (!vm || vm_start(vm)) {
		fprintf(stderr, "replay %s: %s\n", rec, err);
		return NULL;
	}
	return vm;
}

static bool all_readable(const struct mem_window *w, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++)
		if (!mem_window_readable(w, i))
			return false;
	return true;
}

static bool none_readable(const struct mem_window *w, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++)
		if (mem_window_readable(w, i))
			return false;
	return true;
}

static void test_hello_as_loaded(void)
{
	struct seam *seam = seam_create(0);
	struct vm *vm = open_paused(seam, TEST_SOURCE_DIR "/tests/recordings/hello.rec");
	CHECK(vm != NULL);
	if (!vm)
		return;
	CHECK(vm_replay_memory_from(vm)[0] != 0);
	CHECK_CONTAINS(vm_replay_memory_from(vm), "hello.bin");
	struct mem_window w;
	/* Paused at the start: CS:IP 0:7c00, the window 16 bytes before it. */
	CHECK(ask(seam, MEM_WIN_CODE, "cs:rip-0x10", 64, &w));
	CHECK_EQ(w.anchor, 0x7c00);
	CHECK_EQ(w.addr, 0x7bf0);
	CHECK_EQ(w.len, 64);
	CHECK(w.flags & MEM_F_AS_LOADED);
	CHECK(!(w.flags & (MEM_F_NO_MEMORY | MEM_F_PAGED | MEM_F_PHYSICAL)));
	CHECK(all_readable(&w, 0, 64));
	CHECK(memcmp(w.bytes + 16, hello, 48) == 0);
	/* Below the image: memory, zero as loaded. */
	CHECK_EQ(w.bytes[0], 0);

	/* Straddling the PC hole: RAM up to 0xA0000, nothing after. */
	CHECK(ask(seam, MEM_WIN_DATA, "phys:0x9fff0", 32, &w));
	CHECK(w.flags & MEM_F_PHYSICAL);
	CHECK(all_readable(&w, 0, 16));
	CHECK(none_readable(&w, 16, 32));
	/* Past the end of the recorded memory (16 MiB). */
	CHECK(ask(seam, MEM_WIN_DATA, "0xfffff8", 16, &w));
	CHECK(all_readable(&w, 0, 8));
	CHECK(none_readable(&w, 8, 16));
	/* The largest window, capped. */
	CHECK(ask(seam, MEM_WIN_DATA, "0:7c00", 100000, &w));
	CHECK_EQ(w.len, MEM_VIEW_MAX);
	CHECK(memcmp(w.bytes, hello, 512) == 0);

	/* Step to the first exit: the code window follows RIP. */
	struct cpu_state before;
	snapshot_read(&seam->regs, &before);
	control_request(&seam->control, CTRL_NEXT_EXIT);
	uint64_t deadline = seam_now_ns() + 10000 * MS;
	struct cpu_state cpu;
	do {
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
		snapshot_read(&seam->regs, &cpu);
	} while ((cpu.exits == 0 || control_state(&seam->control) != VCPU_PAUSED) && seam_now_ns() < deadline);
	CHECK(cpu.exits >= 1);
	CHECK(ask(seam, MEM_WIN_CODE, "cs:rip", 16, &w));
	uint64_t rip = cpu.seg[SEG_CS].base + cpu.rip;
	CHECK_EQ(w.addr, rip);
	CHECK(rip >= 0x7c00 && rip < 0x7e00);
	if (rip >= 0x7c00 && rip + 16 <= 0x7e00)
		CHECK(memcmp(w.bytes, hello + (rip - 0x7c00), 16) == 0);
	/* KVM leaves RIP past the OUT that exited (disasm_exit_cause). */
	CHECK(ask(seam, MEM_WIN_INSN, "cs:rip-0x1", 1, &w));
	CHECK_EQ(w.bytes[0], 0xee); /* out dx, al */

	/* Dropped: the vCPU stops filling it. */
	mem_view_drop(&seam->memory, MEM_WIN_CODE);
	CHECK(!(mem_view_wanted(&seam->memory) & (1u << MEM_WIN_CODE)));
	vm_destroy(vm);
	seam_destroy(seam);
}

/* A recording whose guest is nowhere: the replay plays, with no memory. */
static void test_no_guest(void)
{
	char rec[] = "/tmp/kvmtui-memwin-XXXXXX";
	int fd = mkstemp(rec);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	struct rec_info info = { .guest = "/nonexistent/kvmtui-no-such-guest.bin", .image_kind = "boot sector",
				 .start_mode = "real", .mem_size = 1 << 20 };
	char err[256];
	struct rec_writer *w = rec_writer_open(rec, &info, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	struct event ev = { .kind = EVENT_STATE };
	ev.u.state.state = VCPU_RUNNING;
	rec_writer_event(w, &ev);
	struct cpu_state regs = { .rip = 0x7c00, .valid = 1 };
	rec_writer_regs(w, &regs);
	struct event exit = { .kind = EVENT_EXIT, .reason = EXIT_HLT, .seq = 1, .time_ns = 1000, .rip = 0x7c01 };
	rec_writer_exit(w, &exit, &regs);
	ev.seq = 1;
	ev.u.state.state = VCPU_HALTED;
	rec_writer_event(w, &ev);
	CHECK(rec_writer_close(w, err, sizeof(err)) == 0);

	struct seam *seam = seam_create(0);
	struct vm *vm = open_paused(seam, rec);
	CHECK(vm != NULL);
	if (vm) {
		CHECK_STR(vm_replay_memory_from(vm), "");
		struct mem_window win;
		CHECK(ask(seam, MEM_WIN_DATA, "0x7c00", 4, &win));
		CHECK(none_readable(&win, 0, 4));
		CHECK(win.flags & MEM_F_NO_MEMORY);
		vm_destroy(vm);
	}
	seam_destroy(seam);
	unlink(rec);
}

int main(void)
{
	CHECK(load_hello());
	test_hello_as_loaded();
	test_no_guest();
	return check_done();
}
