/* SPDX-License-Identifier: MIT */
/* vm_bios.c - the BIOS on a live VM: a trap from the ROM becomes a service
 * call with the guest's registers, and the text screen reaches the console.
 *
 * A stub in the ROM writes to BIOS_TRAP_PORT. By the time the device sees
 * that write, KVM has not yet finished the OUT; it is completed first, so
 * the registers read are those after it (IP past the OUT, which names the
 * stub). The service then works on the registers and on guest RAM; what it
 * returns in the flags goes into the FLAGS word that INT pushed, which the
 * stub's IRET restores.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bios_rom.h"
#include "bios_video.h"
#include "vm_internal.h"

#define SCREEN_LOOK_NS 20000000ull /* the console draws at most ~60 frames a second */
#define FLAGS_CF 0x1ull

static struct cpu_backend *backend(struct vm *vm)
{
	return vm->backend;
}

static bool refresh_memory(struct vm *vm)
{
	uint64_t size = 0;
	struct cpu_backend *be = backend(vm);
	uint8_t *ram = be->ops->memory ? be->ops->memory(be, &size) : NULL;
	vm->bios.bios.mem = (struct bios_mem){ .ram = ram, .size = ram ? size : 0 };
	return ram != NULL;
}

/* ---- registers ---- */

static void regs_from_cpu(const struct cpu_state *cpu, struct bios_regs *r)
{
	r->eax = (uint32_t)cpu->gpr[GPR_RAX];
	r->ebx = (uint32_t)cpu->gpr[GPR_RBX];
	r->ecx = (uint32_t)cpu->gpr[GPR_RCX];
	r->edx = (uint32_t)cpu->gpr[GPR_RDX];
	r->esi = (uint32_t)cpu->gpr[GPR_RSI];
	r->edi = (uint32_t)cpu->gpr[GPR_RDI];
	r->ebp = (uint32_t)cpu->gpr[GPR_RBP];
	r->esp = (uint32_t)cpu->gpr[GPR_RSP];
	r->cs = cpu->seg[SEG_CS].selector;
	r->ds = cpu->seg[SEG_DS].selector;
	r->es = cpu->seg[SEG_ES].selector;
	r->ss = cpu->seg[SEG_SS].selector;
	r->eip = (uint32_t)cpu->rip;
}

static void set_low32(uint64_t *reg, uint32_t v)
{
	*reg = (*reg & ~0xffffffffull) | v;
}

/* A service may return a pointer in ES (int 13h AH=08h's ES:DI): in real
 * mode the selector is the base over 16. */
static void set_real_segment(struct cpu_segment *seg, uint16_t selector)
{
	if (seg->selector == selector)
		return;
	seg->selector = selector;
	seg->base = (uint64_t)selector << 4;
}

static void regs_to_cpu(const struct bios_regs *r, struct cpu_state *cpu)
{
	set_low32(&cpu->gpr[GPR_RAX], r->eax);
	set_low32(&cpu->gpr[GPR_RBX], r->ebx);
	set_low32(&cpu->gpr[GPR_RCX], r->ecx);
	set_low32(&cpu->gpr[GPR_RDX], r->edx);
	set_low32(&cpu->gpr[GPR_RSI], r->esi);
	set_low32(&cpu->gpr[GPR_RDI], r->edi);
	set_low32(&cpu->gpr[GPR_RBP], r->ebp);
	set_real_segment(&cpu->seg[SEG_DS], r->ds);
	set_real_segment(&cpu->seg[SEG_ES], r->es);
}

/* INT pushed FLAGS, CS, IP: the caller's FLAGS are at SS:SP+4. */
static uint64_t stacked_flags_addr(const struct bios_regs *r)
{
	return bios_linear(r->ss, (uint16_t)(r->esp + 4));
}

/* ---- the record the exit log shows ---- */

static void note_call(struct vm *vm, const struct bios_regs *in, const struct bios_regs *out,
		      const struct bios_call *call, bool irq)
{
	struct event ev;
	memset(&ev, 0, sizeof ev);
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
	vcpu_note_bios(&vm->vcpu, &ev);
}

/* ---- the trap ---- */

static void serve(struct vm *vm, const struct bios_trap *t, struct cpu_state *cpu)
{
	struct bios *b = &vm->bios.bios;
	struct bios_regs r, in;
	bool irq = t->kind == BIOS_TRAP_IRQ;
	regs_from_cpu(cpu, &r);
	r.flags = irq ? (uint16_t)cpu->rflags : bios_peek16(&b->mem, stacked_flags_addr(&r));
	in = r;
	struct bios_call call;
	bios_dispatch(b, t->vector, irq, &r, &call);
	if (!call.retry) /* a retry leaves everything as it was, to ask again */
		regs_to_cpu(&r, cpu);
	if (!irq && !call.retry)
		bios_poke16(&b->mem, stacked_flags_addr(&in), r.flags);
	/* The stub's own signal: carry in the live flags means "wait, then ask again". */
	cpu->rflags = call.retry ? cpu->rflags | FLAGS_CF : cpu->rflags & ~FLAGS_CF;
	note_call(vm, &in, call.retry ? &in : &r, &call, irq);
}

static void trap_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value)
{
	(void)offset, (void)size, (void)value;
	struct vm *vm = ctx;
	struct cpu_backend *be = backend(vm);
	if (!refresh_memory(vm))
		return;
	be->ops->complete_pending(be); /* the OUT done: IP now follows it */
	struct cpu_state cpu;
	struct bios_trap t;
	if (be->ops->get_regs(be, &cpu) || cpu.seg[SEG_CS].base != BIOS_ROM_BASE ||
	    !bios_rom_trap_at((uint16_t)cpu.rip, &t))
		return; /* a guest's own OUT to the port: nothing to serve */
	serve(vm, &t, &cpu);
	if (be->ops->set_regs(be, &cpu))
		vcpu_fail(&vm->vcpu, "the BIOS could not return its results (KVM_SET_REGS failed)");
}

/* ---- what the services reach on the host side ---- */

static void tty(void *ctx, uint8_t ch)
{
	struct vm *vm = ctx;
	vcpu_text_byte(&vm->vcpu, EVENT_TELETYPE, ch);
}

static void reboot(void *ctx)
{
	struct vm *vm = ctx;
	control_notify(&vm->seam->control, CTRL_RESET); /* inside a port write: post it, no kick */
}

static uint64_t now_ns(void *ctx)
{
	(void)ctx;
	return seam_now_ns();
}

static uint8_t port_in(void *ctx, uint16_t port)
{
	struct vm *vm = ctx;
	uint32_t v = 0xff;
	bus_pio_read(&vm->bus, port, 1, &v);
	return (uint8_t)v;
}

static void port_out(void *ctx, uint16_t port, uint8_t value)
{
	struct vm *vm = ctx;
	bus_pio_write(&vm->bus, port, 1, value);
}

void vm_bios_attach(struct vm *vm)
{
	struct vm_bios *vb = &vm->bios;
	if (!vb->on)
		return;
	vb->bios.vga = &vb->vga;
	vb->bios.host = (struct bios_host){ .ctx = vm, .tty = tty, .reboot = reboot, .now_ns = now_ns,
					    .port_in = port_in, .port_out = port_out };
	vga_init(&vb->vga);
	bus_add_pio(&vm->bus, BIOS_TRAP_PORT, 1, "BIOS", vm, NULL, trap_write);
	bus_add_pio(&vm->bus, VGA_PORT_BASE, VGA_PORT_COUNT, "VGA", &vb->vga, vga_pio_read, vga_pio_write);
}

void vm_bios_reset(struct vm *vm)
{
	struct vm_bios *vb = &vm->bios;
	if (!vb->on)
		return;
	/* The screen as a BIOS leaves it after its mode set: mode 3, blank,
	 * the cursor at the top left (bios_setup wrote the same data area;
	 * this is the VGA's half, kept by the service that owns it). */
	if (refresh_memory(vm))
		bios_video_init(&vb->bios);
	else
		vga_init(&vb->vga);
	vb->bios.wait_until_ns = 0;
	vb->used = false;
	vb->dirty_pages = vb->refreshes = 0;
	vb->last_look_ns = 0;
}

/* ---- the screen ---- */

static unsigned count_bits(uint64_t v)
{
	return (unsigned)__builtin_popcountll(v);
}

void vm_bios_screen(void *ctx, bool force)
{
	struct vm *vm = ctx;
	struct vm_bios *vb = &vm->bios;
	uint64_t now = seam_now_ns();
	if (!vb->on || (!force && now - vb->last_look_ns < SCREEN_LOOK_NS) || !refresh_memory(vm))
		return;
	vb->last_look_ns = now;
	struct cpu_backend *be = backend(vm);
	uint64_t pages = 0;
	if (!be->ops->vga_dirty || be->ops->vga_dirty(be, &pages))
		pages = ~0ull; /* cannot tell: assume it changed */
	if (!pages && !vb->vga.changed && vb->refreshes)
		return;
	if (pages && pages != ~0ull) {
		vb->dirty_pages += count_bits(pages);
		vb->used = true;
	}
	vb->used = vb->used || vb->vga.used;
	vb->vga.changed = false;
	vga_capture(&vb->vga, &vb->bios.mem, &vb->view);
	vb->view.used = vb->used;
	vb->view.dirty_pages = vb->dirty_pages;
	vb->view.refreshes = ++vb->refreshes;
	text_screen_box_publish(&vm->seam->screen, &vb->view);
}

/* ---- disks, before the VM exists ---- */

static int open_disk(struct vm_bios *vb, const char *path, bool write, char *err, size_t errlen)
{
	if (vb->ndisks == VM_MAX_DISKS) {
		snprintf(err, errlen, "%s: at most %d disks (the guest image counts when it is a disk)", path,
			 VM_MAX_DISKS);
		return -1;
	}
	if (disk_open(&vb->disks[vb->ndisks], path, write, err, errlen))
		return -1;
	vb->ndisks++;
	return 0;
}

/* Floppy-sized images are drives 00h, 01h; the rest hard disks 80h, 81h. */
static void number_drives(struct vm_bios *vb, struct vm_bios_plan *plan)
{
	for (unsigned i = 0; i < vb->ndisks; i++) {
		bool floppy = vb->disks[i].geo.floppy;
		vb->bios.disks[i] = &vb->disks[i];
		vb->bios.drive_number[i] = floppy ? plan->floppies++ : (uint8_t)(0x80 + plan->hard_disks++);
	}
}

static bool drive_exists(const struct vm_bios *vb, uint8_t drive)
{
	for (unsigned i = 0; i < vb->ndisks; i++)
		if (vb->bios.drive_number[i] == drive)
			return true;
	return false;
}

/* A disk image (or a --disk) means the BIOS: nothing else reads a disk.
 * A 512-byte boot sector gets it with --bios for now: the lesson guests
 * are boot sectors that drive the hardware themselves, and they keep
 * running without it until the BIOS has been through the whole suite on
 * KVM (issue 10 turns it on for them then). */
static bool wants_bios(const struct vm *vm)
{
	if (vm->opts.bios != VM_BIOS_AUTO)
		return vm->opts.bios == VM_BIOS_ON;
	return vm->image.kind == IMAGE_DISK || vm->opts.ndisks > 0 || vm->opts.has_boot_drive;
}

/* --boot another drive than the guest image: its first sector is what the
 * machine loads at 0x7C00 (the guest image's, otherwise). */
static int boot_sector_of(struct vm *vm, uint8_t drive, char *err, size_t errlen)
{
	struct vm_bios *vb = &vm->bios;
	for (unsigned i = 0; i < vb->ndisks; i++) {
		if (vb->bios.drive_number[i] != drive || strcmp(vb->disks[i].path, vm->guest_path) == 0)
			continue;
		uint8_t sector[DISK_SECTOR];
		uint8_t *copy = malloc(DISK_SECTOR);
		if (!copy || disk_read(&vb->disks[i], 0, 1, sector)) {
			free(copy);
			snprintf(err, errlen, "%s: cannot read its boot sector", vb->disks[i].path);
			return -1;
		}
		memcpy(copy, sector, DISK_SECTOR);
		free(vm->image.data);
		vm->image.data = copy;
		vm->image.size = DISK_SECTOR;
		vm->image.kind = IMAGE_DISK;
		return 0;
	}
	return 0;
}

int vm_bios_plan(struct vm *vm, char *err, size_t errlen)
{
	struct vm_bios *vb = &vm->bios;
	struct vm_bios_plan *plan = &vm->opts.bios_plan;
	memset(plan, 0, sizeof *plan);
	vb->on = plan->on = wants_bios(vm);
	if (!vb->on) {
		if (vm->opts.ndisks || vm->opts.has_boot_drive) {
			snprintf(err, errlen, "%s: disks need the BIOS, which is off for a %s (add --bios)",
				 vm->opts.ndisks ? vm->opts.disks[0] : "--boot", image_kind_name(vm->image.kind));
			return -1;
		}
		/* Here, before KVM: after it, a host without KVM said only that. */
		if (vm->opts.needs_text_screen) {
			snprintf(err, errlen, "--screen-dump: the guest has no text screen without the BIOS, "
				 "which is off for a %s (add --bios)", image_kind_name(vm->image.kind));
			return -1;
		}
		return 0;
	}
	bool guest_is_disk = vm->image.kind == IMAGE_BOOT_SECTOR || vm->image.kind == IMAGE_DISK;
	if (guest_is_disk && open_disk(vb, vm->guest_path, vm->opts.disk_write, err, errlen))
		return -1;
	for (unsigned i = 0; i < vm->opts.ndisks; i++)
		if (open_disk(vb, vm->opts.disks[i], vm->opts.disk_write, err, errlen))
			return -1;
	number_drives(vb, plan);
	plan->boot_drive = vb->ndisks ? vb->bios.drive_number[0] : 0x80;
	if (vm->opts.has_boot_drive) {
		if (!drive_exists(vb, vm->opts.boot_drive)) {
			snprintf(err, errlen, "--boot: there is no drive %02Xh (the disks are numbered 00h, 01h "
				 "for floppy sizes, 80h, 81h for the rest)", vm->opts.boot_drive);
			return -1;
		}
		plan->boot_drive = vm->opts.boot_drive;
	}
	vb->bios.boot_drive = plan->boot_drive;
	return boot_sector_of(vm, plan->boot_drive, err, errlen);
}

void vm_bios_close(struct vm *vm)
{
	for (unsigned i = 0; i < vm->bios.ndisks; i++)
		disk_close(&vm->bios.disks[i]);
	vm->bios.ndisks = 0;
}
