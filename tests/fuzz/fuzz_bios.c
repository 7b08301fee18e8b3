/* SPDX-License-Identifier: MIT */
/* fuzz_bios.c - the BIOS services (src/dev/bios: int 10h video, 11h/12h/15h
 * system, 13h disk, 14h serial, 16h keyboard, 17h printer, 18h/19h boot,
 * 1Ah clock, and int 9's keyboard work) with any registers a guest can
 * load before an INT.
 *
 * A guest calls the BIOS with pointers of its choosing (ES:BX for a disk
 * read, DS:SI for an EDD packet, ES:BP for a string, SS:SP for the flags it
 * pushed) and counts, and the services read and write guest RAM through
 * them. Here guest RAM is 1 MiB + 64 KiB (what real-mode seg:off reaches
 * with A20 on), set up by bios_setup_memory as at every boot, with two
 * disks behind int 13h (a 160K floppy and a small hard disk, memfds) and
 * the PC's devices behind the BIOS's port accesses (support/fuzz_board.c).
 * The input is an op-code stream: guest writes to RAM (a packet, a stack,
 * the BIOS data area), INTs with registers, scan codes for int 9, time
 * passing. A call is served as src/vmm/vm_bios.c serves it: FLAGS from the
 * guest's stack and back, registers kept on a retry.
 *
 * What must hold besides the sanitizers (ASan sees any access outside guest
 * RAM): the ROM and the hole without RAM (0xA0000-0xB7FFF, 0xC0000-0xEFFFF)
 * are never written; the disk images are never written (no --disk-write);
 * the BIOS's call record turns into valid trace JSON and screen text; the
 * text screen captured after it stays in the screen.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bios.h"
#include "bios_data_area.h"
#include "bios_rom.h"
#include "bios_setup.h"
#include "disk.h"
#include "fuzz_board.h"
#include "fuzz_event.h"
#include "fuzz_input.h"
#include "text_screen_dump.h"

#define RAM_SIZE 0x110000u
#define FLOPPY_BYTES 163840u     /* 160K: the smallest floppy format */
#define HARD_DISK_BYTES (100u * 512) /* 100 sectors: 1 cylinder, 2 heads, 63 sectors */
#define MAX_CALLS 64

/* RAM as bios_setup_memory leaves it, one copy for each set of drives
 * (it writes 100 KiB a byte at a time: once, not at every input). */
static uint8_t *ram, *pristine[4], *clean;
static struct disk disks[2];
static char disk_paths[2][64];
static FILE *null;

static const uint8_t vectors[] = { 0x10, 0x13, 0x16, 0x15, 0x1a, 0x14, 0x11, 0x12, 0x17, 0x18, 0x19 };

struct run {
	struct bios bios;
	struct fuzz_board board;
	uint64_t tty, reboots;
	uint64_t host_ns;
	struct bios_regs last; /* the registers of the last call: where its pointers point */
};

static void tty(void *ctx, uint8_t ch)
{
	(void)ch;
	((struct run *)ctx)->tty++;
}

static void reboot(void *ctx)
{
	((struct run *)ctx)->reboots++;
}

static uint64_t now_ns(void *ctx)
{
	return ((struct run *)ctx)->host_ns;
}

static uint8_t port_in(void *ctx, uint16_t port)
{
	return (uint8_t)fuzz_board_in(&((struct run *)ctx)->board, port, 1);
}

static void port_out(void *ctx, uint16_t port, uint8_t value)
{
	fuzz_board_out(&((struct run *)ctx)->board, port, 1, value);
}

static void make_disk(int i, uint32_t bytes)
{
	int fd = memfd_create(i ? "kvmtui-fuzz-hd" : "kvmtui-fuzz-fd", MFD_CLOEXEC);
	uint8_t sector[512];
	if (fd < 0)
		fuzz_fail("memfd_create failed");
	for (uint32_t lba = 0; lba < bytes / 512; lba++) {
		for (unsigned j = 0; j < sizeof sector; j++)
			sector[j] = (uint8_t)(lba * 7 + j + i);
		if (pwrite(fd, sector, sizeof sector, (off_t)lba * 512) != (ssize_t)sizeof sector)
			fuzz_fail("cannot write the disk image");
	}
	snprintf(disk_paths[i], sizeof disk_paths[i], "/proc/self/fd/%d", fd);
}

/* Fresh disks for an input (the overlay of the last one dropped), only
 * when the last input wrote to them. */
static void open_disks(void)
{
	char err[256];
	for (int i = 0; i < 2; i++) {
		if (disks[i].path && disks[i].sectors_written == 0)
			continue;
		disk_close(&disks[i]);
		if (disk_open(&disks[i], disk_paths[i], false, err, sizeof err))
			fuzz_fail("disk_open: %s", err);
	}
}

static void setup_once(void)
{
	ram = malloc(RAM_SIZE);
	null = fopen("/dev/null", "w");
	if (!ram || !null)
		fuzz_fail("out of memory");
	for (unsigned how = 0; how < 4; how++) {
		if (!(pristine[how] = calloc(1, RAM_SIZE)))
			fuzz_fail("out of memory");
		struct bios_mem mem = { .ram = pristine[how], .size = RAM_SIZE };
		struct bios_boot_config cfg = { .ram_size = RAM_SIZE, .floppies = how & 1,
						.hard_disks = (how >> 1) & 1 };
		bios_setup_memory(&mem, &cfg);
	}
	make_disk(0, FLOPPY_BYTES);
	make_disk(1, HARD_DISK_BYTES);
}

/* Which drives the machine has: none, the floppy, the hard disk, both. */
static void attach(struct run *r, uint8_t how)
{
	memset(r->bios.disks, 0, sizeof r->bios.disks);
	unsigned n = 0;
	if (how & 1) {
		r->bios.disks[n] = &disks[0];
		r->bios.drive_number[n++] = 0x00;
	}
	if (how & 2) {
		r->bios.disks[n] = &disks[1];
		r->bios.drive_number[n++] = 0x80;
	}
	r->bios.boot_drive = n ? r->bios.drive_number[0] : 0x80;
}

/* The record vm_bios.c's note_call makes, through the exit log's writers. */
static void note_call(struct run *r, const struct bios_regs *in, const struct bios_regs *out,
		      const struct bios_call *call, bool irq)
{
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_EXIT;
	ev.reason = EXIT_IO;
	ev.flags = EVENT_F_BIOS;
	ev.seq = ++r->board.seq;
	ev.u.bios.port = BIOS_TRAP_PORT;
	ev.u.bios.size = 1;
	ev.u.bios.dir = IO_OUT;
	ev.u.bios.count = 1;
	ev.u.bios.vector = call->vector;
	ev.u.bios.result = (uint8_t)((call->unknown ? BIOS_EV_UNKNOWN : 0) | (call->retry ? BIOS_EV_RETRY : 0) |
				     (irq ? BIOS_EV_IRQ : 0) | (out->flags & BIOS_FLAG_CF ? BIOS_EV_CARRY : 0) |
				     (out->flags & BIOS_FLAG_ZF ? BIOS_EV_ZERO : 0));
	ev.u.bios.ah_out = bios_ah(out);
	ev.u.bios.al_out = bios_al(out);
	ev.u.bios.ax = bios_ax(in);
	ev.u.bios.bx = bios_bx(in);
	ev.u.bios.cx = bios_cx(in);
	ev.u.bios.dx = bios_dx(in);
	ev.u.bios.si = (uint16_t)in->esi;
	ev.u.bios.di = (uint16_t)in->edi;
	ev.u.bios.ds = in->ds;
	ev.u.bios.es = in->es;
	ev.u.bios.detail = call->detail;
	fuzz_event_feed(NULL, &ev, true);
}

/* vm_bios.c's serve(): FLAGS from the guest's stack (SS:SP+4, where INT
 * pushed them) for a call, the live flags for an interrupt's work. */
static void serve(struct run *r, uint8_t vector, bool irq, struct bios_regs *regs)
{
	struct bios_mem *m = &r->bios.mem;
	uint64_t stacked = bios_linear(regs->ss, (uint16_t)(regs->esp + 4));
	if (!irq)
		regs->flags = bios_peek16(m, stacked);
	struct bios_regs in = *regs;
	struct bios_call call;
	bios_dispatch(&r->bios, vector, irq, regs, &call);
	if (call.vector != vector)
		fuzz_fail("call record names vector 0x%02x for 0x%02x", call.vector, vector);
	if (call.retry)
		*regs = in; /* asked again after an interrupt, with the same registers */
	else if (!irq)
		bios_poke16(m, stacked, regs->flags);
	note_call(r, &in, call.retry ? &in : regs, &call, irq);
}

static void read_regs(struct fuzz_in *in, struct bios_regs *r)
{
	r->eax = fuzz_u32(in);
	r->ebx = fuzz_u32(in);
	r->ecx = fuzz_u32(in);
	r->edx = fuzz_u32(in);
	r->esi = fuzz_u32(in);
	r->edi = fuzz_u32(in);
	r->ebp = fuzz_u32(in);
	r->esp = fuzz_u16(in);
	r->ds = fuzz_u16(in);
	r->es = fuzz_u16(in);
	r->ss = fuzz_u16(in);
	r->cs = 0;
	r->eip = 0x7c00;
	r->flags = fuzz_u16(in);
}

/* The guest's own store: RAM only (no ROM, nothing in the hole but VGA
 * text memory), as KVM's memory slots let it. */
static void guest_store(uint64_t addr, const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t a = addr + i;
		if (a >= RAM_SIZE || (a >= 0xa0000 && a < 0xb8000) || (a >= 0xc0000 && a < 0x100000))
			continue;
		ram[a] = bytes[i];
	}
}

/* Where the last call's pointers point: what a guest fills before it calls
 * again (a disk address packet at DS:SI, a buffer at ES:BX, its stack). */
static uint64_t pointer(const struct bios_regs *r, uint8_t which)
{
	switch (which % 6) {
	case 0: return bios_linear(r->es, (uint16_t)r->ebx);
	case 1: return bios_linear(r->ds, (uint16_t)r->esi);
	case 2: return bios_linear(r->es, (uint16_t)r->edi);
	case 3: return bios_linear(r->ss, (uint16_t)r->esp);
	case 4: return bios_linear(r->es, (uint16_t)r->ebp);
	default: return 0x400 + which / 6; /* the BIOS data area */
	}
}

static void guest_write(struct run *r, struct fuzz_in *in, bool relative)
{
	uint64_t addr = relative ? pointer(&r->last, fuzz_u8(in)) : fuzz_u32(in) % RAM_SIZE;
	size_t got;
	const uint8_t *bytes = fuzz_take(in, fuzz_u8(in) % 64, &got);
	guest_store(addr, bytes, got);
}

static void check_memory(void)
{
	if (memcmp(ram + BIOS_ROM_BASE, bios_rom_image, BIOS_ROM_SIZE) != 0)
		fuzz_fail("the ROM was written");
	if (memcmp(ram + 0xa0000, clean + 0xa0000, 0xb8000 - 0xa0000) != 0 ||
	    memcmp(ram + 0xc0000, clean + 0xc0000, 0xf0000 - 0xc0000) != 0)
		fuzz_fail("memory in the PC hole (no RAM there) was written");
}

static void check_disks(void)
{
	uint8_t sector[512];
	for (int i = 0; i < 2; i++) {
		if (pread(disks[i].fd, sector, sizeof sector, 0) != (ssize_t)sizeof sector || sector[0] != (uint8_t)i ||
		    sector[511] != (uint8_t)(511 + i))
			fuzz_fail("disk image %d was written to the file", i);
	}
}

static void capture(struct run *r)
{
	struct text_screen s;
	memset(&s, 0, sizeof s);
	vga_capture(r->bios.vga, &r->bios.mem, &s);
	if (s.cols == 0 || s.cols > TEXT_SCREEN_COLS || s.rows == 0 || s.rows > TEXT_SCREEN_ROWS)
		fuzz_fail("captured screen of %ux%u", s.cols, s.rows);
	if (s.cursor_visible && (s.cursor_row >= s.rows || s.cursor_col >= s.cols))
		fuzz_fail("visible cursor at %u,%u on a %ux%u screen", s.cursor_row, s.cursor_col,
			  s.cols, s.rows);
	text_screen_dump(&s, null);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct run r;
	struct fuzz_in in = fuzz_in_init(data, size);

	if (!ram)
		setup_once();
	open_disks();
	uint8_t how = fuzz_u8(&in);
	clean = pristine[how & 3];
	memcpy(ram, clean, RAM_SIZE);
	memset(&r, 0, sizeof r);
	fuzz_board_init(&r.board, RAM_SIZE, 0);
	r.host_ns = 1000000000ull;
	r.bios.mem = (struct bios_mem){ .ram = ram, .size = RAM_SIZE };
	r.bios.vga = &r.board.vga;
	r.bios.host = (struct bios_host){ .ctx = &r, .tty = tty, .reboot = reboot, .now_ns = now_ns,
					  .port_in = port_in, .port_out = port_out };
	attach(&r, how);
	/* The rest of what bios_setup_memory would write for this input: the
	 * tick count for the time of day. */
	bios_poke32(&r.bios.mem, BDA_TICKS, bios_ticks_for((uint64_t)fuzz_u32(&in) * 1000000ull));

	unsigned calls = 0;
	while (!fuzz_in_empty(&in) && calls < MAX_CALLS) {
		uint8_t op = fuzz_u8(&in);
		struct bios_regs regs;
		switch (op & 7) {
		case 0: case 1: case 2: /* INT nn from the guest */
		case 3: /* int 9's work: the stub read port 0x60 into AL */
			if (op & 0x40) { /* again, with new AX: after filling what the last call pointed at */
				regs = r.last;
				regs.eax = fuzz_u16(&in);
			} else {
				read_regs(&in, &regs);
			}
			r.last = regs;
			if ((op & 7) == 3)
				serve(&r, op & 0x80 ? fuzz_u8(&in) : 0x09, true, &regs);
			else
				serve(&r, op & 0x80 ? fuzz_u8(&in) : vectors[(op >> 3 & 7) + (op & 1) * 3], false, &regs);
			calls++;
			break;
		case 4: case 5:
			guest_write(&r, &in, op & 1);
			break;
		case 6: /* time passes for waits (int 15h 86h) and the clock */
			r.host_ns += (uint64_t)fuzz_u16(&in) << (fuzz_u8(&in) % 40);
			fuzz_board_advance(&r.board, fuzz_u16(&in));
			break;
		default: /* the guest programs a device between calls */
			fuzz_board_out(&r.board, fuzz_u16(&in) & 0x3ff, 1, fuzz_u8(&in));
			break;
		}
	}
	check_memory();
	check_disks();
	capture(&r);
	fuzz_board_check(&r.board);
	return 0;
}
