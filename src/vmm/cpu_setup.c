/* SPDX-License-Identifier: MIT */
/* cpu_setup.c - registers, GDT and page tables for the chosen start mode. */
#include "cpu_setup.h"

#include <errno.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "kvm_device.h"

/* Offsets inside the setup area. */
#define GDT_OFFSET 0x0000
#define PML4_OFFSET 0x1000 /* also the 32-bit page directory in paged mode */
#define PDPT_OFFSET 0x2000
#define PD_OFFSET 0x3000   /* four page directories: 4 GiB of 2 MiB pages */

#define SEL_CODE32 0x08
#define SEL_DATA 0x10
#define SEL_CODE64 0x18

#define CR0_PE (1ull << 0)
#define CR0_ET (1ull << 4)
#define CR0_NE (1ull << 5)
#define CR0_PG (1ull << 31)
#define CR4_PSE (1ull << 4)
#define CR4_PAE (1ull << 5)
#define EFER_LME (1ull << 8)
#define EFER_LMA (1ull << 10)
#define PTE_P 0x1ull
#define PTE_RW 0x2ull
#define PTE_PS 0x80ull

uint64_t cpu_setup_area(uint64_t mem_size, enum guest_mode mode)
{
	if (mode == GUEST_MODE_REAL || mode == GUEST_MODE_AUTO)
		return 0;
	return mem_size - SETUP_AREA_SIZE;
}

static void write_u64(uint8_t *at, uint64_t v)
{
	memcpy(at, &v, sizeof(v));
}

static void write_gdt(uint8_t *gdt)
{
	write_u64(gdt + 0x00, 0);
	write_u64(gdt + SEL_CODE32, 0x00cf9a000000ffffull); /* base 0, 4 GiB, 32-bit code */
	write_u64(gdt + SEL_DATA, 0x00cf92000000ffffull);   /* base 0, 4 GiB, data */
	write_u64(gdt + SEL_CODE64, 0x00af9a000000ffffull); /* 64-bit code (L=1) */
}

static void write_long_tables(uint8_t *area, uint64_t area_gpa)
{
	write_u64(area + PML4_OFFSET, (area_gpa + PDPT_OFFSET) | PTE_P | PTE_RW);
	for (int g = 0; g < 4; g++) {
		uint64_t pd = PD_OFFSET + (uint64_t)g * 0x1000;
		write_u64(area + PDPT_OFFSET + g * 8, (area_gpa + pd) | PTE_P | PTE_RW);
		for (int i = 0; i < 512; i++) {
			uint64_t phys = ((uint64_t)g << 30) | ((uint64_t)i << 21);
			write_u64(area + pd + i * 8, phys | PTE_P | PTE_RW | PTE_PS);
		}
	}
}

static void write_paged_tables(uint8_t *area)
{
	for (uint32_t i = 0; i < 1024; i++) {
		uint32_t pde = (i << 22) | PTE_P | PTE_RW | PTE_PS;
		memcpy(area + PML4_OFFSET + i * 4, &pde, 4);
	}
}

static struct kvm_segment flat_segment(uint16_t selector, uint8_t type, bool code64)
{
	struct kvm_segment s = {
		.base = 0, .limit = 0xffffffff, .selector = selector, .type = type,
		.present = 1, .dpl = 0, .db = code64 ? 0 : 1, .s = 1, .l = code64, .g = 1,
	};
	return s;
}

static void real_mode_sregs(struct kvm_sregs *s, uint64_t entry)
{
	struct kvm_segment *segs[] = { &s->ds, &s->es, &s->fs, &s->gs, &s->ss };
	for (size_t i = 0; i < sizeof(segs) / sizeof(segs[0]); i++) {
		segs[i]->selector = 0;
		segs[i]->base = 0;
	}
	/* Largest CS that reaches entry: CS = entry's 64 KiB block. */
	s->cs.selector = (uint16_t)((entry >> 4) & 0xf000);
	s->cs.base = (uint64_t)s->cs.selector << 4;
}

static void protected_sregs(struct kvm_sregs *s, uint64_t area_gpa, bool code64)
{
	s->gdt.base = area_gpa + GDT_OFFSET;
	s->gdt.limit = 4 * 8 - 1;
	s->cs = code64 ? flat_segment(SEL_CODE64, 0xb, true) : flat_segment(SEL_CODE32, 0xb, false);
	s->ds = s->es = s->fs = s->gs = s->ss = flat_segment(SEL_DATA, 0x3, false);
	s->cr0 = CR0_PE | CR0_ET | CR0_NE;
}

static int set_cpuid(int kvm_fd, int vcpu_fd, char *err, size_t errlen)
{
	/* The guest's CPUID must announce long mode, or KVM refuses EFER.LME. */
	for (int nent = 64; nent <= 1024; nent *= 2) {
		struct kvm_cpuid2 *c = calloc(1, sizeof(*c) + nent * sizeof(c->entries[0]));
		if (!c)
			break;
		c->nent = nent;
		if (kvm_ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, c) == 0) {
			int rc = kvm_ioctl(vcpu_fd, KVM_SET_CPUID2, c);
			free(c);
			if (rc < 0) {
				snprintf(err, errlen, "KVM_SET_CPUID2: %s", strerror(errno));
				return -1;
			}
			return 0;
		}
		int e = errno;
		free(c);
		if (e != E2BIG) {
			snprintf(err, errlen, "KVM_GET_SUPPORTED_CPUID: %s", strerror(e));
			return -1;
		}
	}
	snprintf(err, errlen, "KVM_GET_SUPPORTED_CPUID: too many entries");
	return -1;
}

static int build_sregs(struct kvm_sregs *s, struct guest_memory *gm, const struct cpu_start *st)
{
	uint64_t area_gpa = cpu_setup_area(gm->size, st->mode);
	uint8_t *area = gm->host + area_gpa;
	switch (st->mode) {
	case GUEST_MODE_AUTO:
	case GUEST_MODE_REAL:
		real_mode_sregs(s, st->entry);
		return 0;
	case GUEST_MODE_PROTECTED:
		write_gdt(area);
		protected_sregs(s, area_gpa, false);
		return 0;
	case GUEST_MODE_PAGED:
		write_gdt(area);
		write_paged_tables(area);
		protected_sregs(s, area_gpa, false);
		s->cr3 = area_gpa + PML4_OFFSET;
		s->cr4 = CR4_PSE;
		s->cr0 |= CR0_PG;
		return 0;
	case GUEST_MODE_LONG:
		write_gdt(area);
		write_long_tables(area, area_gpa);
		protected_sregs(s, area_gpa, true);
		s->cr3 = area_gpa + PML4_OFFSET;
		s->cr4 = CR4_PAE;
		s->efer = EFER_LME | EFER_LMA;
		s->cr0 |= CR0_PG;
		return 0;
	}
	return -1;
}

static void build_regs(struct kvm_regs *r, const struct cpu_start *st, uint64_t mem_size)
{
	memset(r, 0, sizeof(*r));
	r->rflags = 0x2; /* bit 1 is reserved and always set; IF clear */
	if (st->mode == GUEST_MODE_REAL || st->mode == GUEST_MODE_AUTO) {
		r->rip = st->entry & 0xffff;
		r->rsp = st->boot_sector ? 0x7c00 : 0xfffe;
		if (st->boot_sector)
			r->rdx = 0x80; /* DL: the drive we "booted" from, the first hard disk */
		if (st->bios) {
			r->rdx = st->boot_drive;
			r->rflags |= 0x200; /* IF: a BIOS jumps to the boot sector with interrupts on */
		}
	} else {
		r->rip = st->entry;
		r->rsp = cpu_setup_area(mem_size, st->mode);
	}
}

int cpu_setup(int kvm_fd, int vcpu_fd, struct guest_memory *gm, const struct cpu_start *st,
	      char *err, size_t errlen)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;
	if (set_cpuid(kvm_fd, vcpu_fd, err, errlen))
		return -1;
	if (kvm_ioctl(vcpu_fd, KVM_GET_SREGS, &sregs) < 0) {
		snprintf(err, errlen, "KVM_GET_SREGS: %s", strerror(errno));
		return -1;
	}
	if (build_sregs(&sregs, gm, st)) {
		snprintf(err, errlen, "no start-up registers for mode %d", (int)st->mode);
		return -1;
	}
	if (kvm_ioctl(vcpu_fd, KVM_SET_SREGS, &sregs) < 0) {
		snprintf(err, errlen, "KVM_SET_SREGS (%s mode): %s", guest_mode_name(st->mode),
			 strerror(errno));
		return -1;
	}
	build_regs(&regs, st, gm->size);
	if (kvm_ioctl(vcpu_fd, KVM_SET_REGS, &regs) < 0) {
		snprintf(err, errlen, "KVM_SET_REGS: %s", strerror(errno));
		return -1;
	}
	return 0;
}
