/* SPDX-License-Identifier: MIT */
/* record_bench.c - what recording costs per VM exit: the append on the vCPU
 * thread (an event and a register delta, src/record), the writer thread's
 * compression, and the bytes each exit takes on disk.
 *
 * The stream is synthetic, modelled on guests/flood.bin under kvm-tui: one
 * IO exit per byte (OUT 0x3f8, the byte carried as serial output), exits
 * ~9 us apart with a jittered clock, and the registers that loop moves (AL,
 * BX, ECX, the parity flag, the exit count). The appending thread runs flat
 * out, far faster than KVM's ~110k exits/s here, so its figures are the cost
 * of the code, not of waiting for a guest.
 *
 *   append_cpu_ns_per_exit   CPU time of the appending thread per exit
 *                            (what the vCPU thread would pay; time blocked
 *                            because both buffers were full is not CPU time)
 *   append_wall_ns_per_exit  wall time per exit, waits included: the rate
 *                            the writer thread sustains
 *   writer_cpu_ns_per_exit   the rest of the process's CPU time per exit:
 *                            compression and write(2) on the writer thread
 *   bytes_per_exit           file size / exits
 *
 * usage: record_bench [--quick] [--separate] [FILE]
 *   --quick     a tenth of the exits, for a smoke run
 *   --separate  rec_writer_event + rec_writer_regs (two locks) instead of
 *               rec_writer_exit (one)
 *   FILE        where to write; default a temporary file, removed at the end
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "record.h"

static uint64_t clock_ns(clockid_t id)
{
	struct timespec t;
	clock_gettime(id, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* A deterministic jitter source (no libc rand: the same stream every run). */
static uint64_t lcg(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return *s >> 33;
}

static const char line[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n";

struct flood {
	struct event ev;
	struct cpu_state cpu;
	uint64_t time_ns, rng;
};

static void flood_init(struct flood *f, uint64_t exits)
{
	memset(f, 0, sizeof(*f));
	f->rng = 42;
	f->ev.kind = EVENT_EXIT;
	f->ev.reason = EXIT_IO;
	f->ev.generation = 1;
	f->ev.flags = EVENT_F_SERIAL;
	f->ev.rip = 0x7c2e;
	f->ev.u.io.port = 0x3f8;
	f->ev.u.io.size = 1;
	f->ev.u.io.dir = IO_OUT;
	f->ev.u.io.count = 1;
	f->ev.u.io.serial_len = 1;
	f->cpu.gpr[GPR_RCX] = exits;
	f->cpu.gpr[GPR_RDX] = 0x3f8;
	f->cpu.gpr[GPR_RSP] = 0x7c00;
	f->cpu.rip = 0x2e;
	f->cpu.seg[SEG_CS].base = 0x7c00;
	f->cpu.seg[SEG_CS].selector = 0x7c0;
	f->cpu.seg[SEG_CS].limit = 0xffff;
	f->cpu.seg[SEG_CS].type = 0xb;
	f->cpu.seg[SEG_CS].present = 1;
	f->cpu.cr0 = 0x10;
	f->cpu.generation = 1;
	f->cpu.valid = 1;
}

/* Exit i of the flood: ~9 us after the last, +-1 us, now and then 50 us late
 * (a host interrupt). */
static void flood_next(struct flood *f, uint64_t i)
{
	uint64_t j = lcg(&f->rng);
	f->time_ns += 8000 + j % 2000 + (j % 97 == 0 ? 50000 : 0);
	uint8_t ch = (uint8_t)line[i % 64];
	f->ev.seq = i + 1;
	f->ev.time_ns = f->time_ns;
	f->ev.u.io.data[0] = ch;
	f->ev.u.io.serial[0] = ch;
	f->cpu.gpr[GPR_RAX] = ch;
	f->cpu.gpr[GPR_RBX] = i % 64;
	f->cpu.gpr[GPR_RCX]--;
	f->cpu.rflags = 0x2 | (__builtin_parityll(f->cpu.gpr[GPR_RCX] & 0xff) ? 0 : 0x4);
	f->cpu.exits = i + 1;
}

static off_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : -1;
}

int main(int argc, char **argv)
{
	uint64_t exits = 3000000;
	bool pair = true;
	const char *path = NULL;
	char tmp[] = "/tmp/kvmtui-record-bench.XXXXXX";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			exits = 300000;
		else if (strcmp(argv[i], "--separate") == 0)
			pair = false;
		else
			path = argv[i];
	}
	if (!path) {
		int fd = mkstemp(tmp);
		if (fd < 0) {
			perror("mkstemp");
			return 1;
		}
		close(fd);
		path = tmp;
	}

	struct rec_info info = { .guest = "guests/flood.bin", .image_kind = "boot sector",
				 .start_mode = "real", .mem_size = 16 << 20, .version = "bench" };
	char err[512];
	struct rec_writer *w = rec_writer_open(path, &info, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "record_bench: %s\n", err);
		return 1;
	}
	struct flood f;
	flood_init(&f, exits);

	uint64_t wall0 = clock_ns(CLOCK_MONOTONIC);
	uint64_t cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t proc0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	for (uint64_t i = 0; i < exits; i++) {
		flood_next(&f, i);
		if (pair) {
			rec_writer_exit(w, &f.ev, &f.cpu);
		} else {
			rec_writer_event(w, &f.ev);
			rec_writer_regs(w, &f.cpu);
		}
	}
	uint64_t cpu1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t wall1 = clock_ns(CLOCK_MONOTONIC);
	int rc = rec_writer_close(w, err, sizeof(err));
	uint64_t proc1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	if (rc < 0) {
		fprintf(stderr, "record_bench: %s\n", err);
		return 1;
	}

	/* The same loop without the appends: what making the stream costs. */
	uint64_t gen0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	flood_init(&f, exits);
	for (uint64_t i = 0; i < exits; i++) {
		flood_next(&f, i);
		__asm__ volatile("" : : "r"(&f) : "memory");
	}
	uint64_t gen = clock_ns(CLOCK_THREAD_CPUTIME_ID) - gen0;

	off_t size = file_size(path);
	double n = (double)exits;
	printf("exits: %llu (event + registers each, %s)\n", (unsigned long long)exits,
	       pair ? "rec_writer_exit" : "rec_writer_event + rec_writer_regs");
	printf("stream_ns_per_exit: %.1f (making the synthetic exit, subtracted below)\n", (double)gen / n);
	printf("append_cpu_ns_per_exit: %.1f\n", ((double)(cpu1 - cpu0) - (double)gen) / n);
	printf("append_wall_ns_per_exit: %.1f\n", ((double)(wall1 - wall0) - (double)gen) / n);
	printf("writer_cpu_ns_per_exit: %.1f\n", ((double)(proc1 - proc0) - (double)(cpu1 - cpu0)) / n);
	printf("file_bytes: %lld\n", (long long)size);
	printf("bytes_per_exit: %.2f\n", (double)size / n);
	if (path == tmp)
		unlink(tmp);
	return 0;
}
