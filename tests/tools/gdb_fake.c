/* SPDX-License-Identifier: MIT */
/* gdb_fake.c - the pretend machine of gdb_fake.h. */
#include "gdb_fake.h"

#include <stdlib.h>
#include <string.h>

#define BOOT 0x7c00
#define WATCHED_DI 0x500

static const uint8_t program[] = { 0x90, 0x40, 0x40, 0xaa, 0x90, 0x40, 0xeb, 0xfe };

void gdb_fake_reset(struct gdb_fake *f)
{
	uint8_t *mem = f->mem;
	memset(f, 0, sizeof *f);
	f->mem = mem;
	memset(mem, 0, GDB_FAKE_MEM);
	memcpy(f->mem + BOOT, program, sizeof program);
	f->cpu.rip = BOOT;
	f->cpu.gpr[GPR_RSP] = 0x7000;
	f->cpu.gpr[GPR_RDI] = WATCHED_DI;
	f->cpu.gpr[GPR_RDX] = 0x80; /* the boot drive, as a BIOS leaves it */
	f->cpu.rflags = 0x2;
	f->cpu.cr0 = 0x10;
	for (int i = 0; i < SEG_COUNT; i++)
		f->cpu.seg[i].limit = 0xffff;
	f->cpu.valid = 1;
}

bool gdb_fake_init(struct gdb_fake *f)
{
	f->mem = calloc(1, GDB_FAKE_MEM);
	if (!f->mem)
		return false;
	gdb_fake_reset(f);
	return true;
}

void gdb_fake_free(struct gdb_fake *f)
{
	free(f->mem);
	f->mem = NULL;
}

static void report(struct gdb_fake *f, struct gdb_stop stop)
{
	f->running = false;
	if (f->notify)
		f->notify(f->notify_arg, &stop);
}

static uint64_t pc_linear(const struct gdb_fake *f)
{
	return (f->cpu.seg[SEG_CS].base + (uint16_t)f->cpu.rip) % GDB_FAKE_MEM;
}

static const struct gdb_fake_point *point_at(const struct gdb_fake *f, uint64_t addr, bool code)
{
	for (size_t i = 0; i < f->point_count; i++) {
		const struct gdb_fake_point *p = &f->points[i];
		bool is_code = p->type == GDB_BREAK_SW || p->type == GDB_BREAK_HW;
		bool covers = code ? p->addr == addr : addr >= p->addr && addr < p->addr + (p->kind ? p->kind : 1);
		if (is_code == code && covers && (code || p->type != GDB_WATCH_READ))
			return p;
	}
	return NULL;
}

/* One instruction. A stop it causes (a watch, hlt) goes to *stop. */
static bool execute(struct gdb_fake *f, struct gdb_stop *stop)
{
	uint64_t pc = pc_linear(f);
	uint8_t op = f->mem[pc];
	uint16_t ip = (uint16_t)f->cpu.rip;
	switch (op) {
	case 0x40:
		f->cpu.gpr[GPR_RAX] = (f->cpu.gpr[GPR_RAX] & ~0xffffull) | (uint16_t)(f->cpu.gpr[GPR_RAX] + 1);
		break;
	case 0xaa: {
		uint64_t addr = (f->cpu.seg[SEG_ES].base + (uint16_t)f->cpu.gpr[GPR_RDI]) % GDB_FAKE_MEM;
		f->mem[addr] = (uint8_t)f->cpu.gpr[GPR_RAX];
		f->cpu.gpr[GPR_RDI] = (uint16_t)(f->cpu.gpr[GPR_RDI] + 1);
		const struct gdb_fake_point *w = point_at(f, addr, false);
		if (w)
			*stop = (struct gdb_stop){ .kind = GDB_STOP_WATCHPOINT, .type = w->type, .addr = addr };
		f->cpu.rip = (uint16_t)(ip + 1);
		return w != NULL;
	}
	case 0xeb:
		f->cpu.rip = (uint16_t)(ip + 2 + (int8_t)f->mem[(pc + 1) % GDB_FAKE_MEM]);
		return false;
	case 0xf4:
		*stop = (struct gdb_stop){ .kind = GDB_STOP_EXITED, .status = (uint8_t)f->cpu.gpr[GPR_RAX] };
		return true;
	default:
		break;
	}
	f->cpu.rip = (uint16_t)(ip + 1);
	return false;
}

static void run(struct gdb_fake *f)
{
	struct gdb_stop stop;
	unsigned budget = f->budget ? f->budget : GDB_FAKE_BUDGET;
	for (unsigned n = 0; n < budget; n++) {
		const struct gdb_fake_point *bp = n > 0 ? point_at(f, pc_linear(f), true) : NULL;
		if (bp) {
			report(f, (struct gdb_stop){ .kind = GDB_STOP_BREAKPOINT, .type = bp->type });
			return;
		}
		if (execute(f, &stop)) {
			report(f, stop);
			return;
		}
	}
	/* spinning: only interrupt stops it now */
}

static int fake_get_regs(void *ctx, struct cpu_state *cpu)
{
	struct gdb_fake *f = ctx;
	if (f->fail_regs)
		return -1;
	*cpu = f->cpu;
	return 0;
}

static int fake_set_regs(void *ctx, const struct cpu_state *cpu)
{
	struct gdb_fake *f = ctx;
	if (f->fail_regs)
		return -1;
	f->cpu = *cpu;
	return 0;
}

static size_t fake_read_mem(void *ctx, uint64_t addr, uint8_t *buf, size_t len)
{
	struct gdb_fake *f = ctx;
	if (addr >= GDB_FAKE_MEM)
		return 0;
	size_t n = len < GDB_FAKE_MEM - addr ? len : (size_t)(GDB_FAKE_MEM - addr);
	memcpy(buf, f->mem + addr, n);
	return n;
}

static int fake_write_mem(void *ctx, uint64_t addr, const uint8_t *buf, size_t len)
{
	struct gdb_fake *f = ctx;
	if (addr >= GDB_FAKE_MEM || len > GDB_FAKE_MEM - addr)
		return -1;
	memcpy(f->mem + addr, buf, len);
	return 0;
}

static size_t hardware_in_use(const struct gdb_fake *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->point_count; i++)
		n += f->points[i].type != GDB_BREAK_SW;
	return n;
}

static int fake_insert_break(void *ctx, enum gdb_break_type type, uint64_t addr, uint64_t kind)
{
	struct gdb_fake *f = ctx;
	if (type == GDB_BREAK_SW && f->no_sw_breaks)
		return GDB_TARGET_UNSUPPORTED;
	if (f->point_count == GDB_FAKE_MAX_POINTS ||
	    (type != GDB_BREAK_SW && hardware_in_use(f) == GDB_FAKE_HW_POINTS) || addr >= GDB_FAKE_MEM)
		return -1;
	f->points[f->point_count++] = (struct gdb_fake_point){ type, addr, kind };
	return 0;
}

static int fake_remove_break(void *ctx, enum gdb_break_type type, uint64_t addr, uint64_t kind)
{
	struct gdb_fake *f = ctx;
	for (size_t i = 0; i < f->point_count; i++) {
		struct gdb_fake_point *p = &f->points[i];
		if (p->type == type && p->addr == addr && p->kind == kind) {
			*p = f->points[--f->point_count];
			return 0;
		}
	}
	return -1;
}

static int fake_resume(void *ctx, enum gdb_resume_kind how)
{
	struct gdb_fake *f = ctx;
	struct gdb_stop stop;
	f->resumes++;
	f->running = true;
	if (how == GDB_RESUME_CONTINUE) {
		run(f);
		return 0;
	}
	if (execute(f, &stop))
		report(f, stop);
	else
		report(f, (struct gdb_stop){ .kind = GDB_STOP_STEP_DONE });
	return 0;
}

static void fake_interrupt(void *ctx)
{
	struct gdb_fake *f = ctx;
	f->interrupts++;
	report(f, (struct gdb_stop){ .kind = GDB_STOP_INTERRUPTED });
}

static void fake_kill(void *ctx)
{
	struct gdb_fake *f = ctx;
	f->kills++;
	f->running = false;
}

const struct gdb_target_ops gdb_fake_ops = {
	.get_regs = fake_get_regs,
	.set_regs = fake_set_regs,
	.read_mem = fake_read_mem,
	.write_mem = fake_write_mem,
	.insert_break = fake_insert_break,
	.remove_break = fake_remove_break,
	.resume = fake_resume,
	.interrupt = fake_interrupt,
	.kill = fake_kill,
};
