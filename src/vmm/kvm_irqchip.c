/* SPDX-License-Identifier: MIT */
/* kvm_irqchip.c - KVM's in-kernel PIC, I/O APIC and PIT (see kvm_irqchip.h). */
#include "kvm_irqchip.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kvm_device.h"

/* Local APIC register offsets in struct kvm_lapic_state, and LVT values. */
#define LAPIC_LVT0 0x350
#define LAPIC_LVT1 0x360
#define LVT_EXTINT 0x700u /* delivery mode ExtINT, unmasked: the 8259's INTR */
#define LVT_NMI 0x400u    /* delivery mode NMI, unmasked */

static int write_pic(int vm_fd, uint32_t id, uint8_t vector_base, uint8_t imr)
{
	struct kvm_irqchip chip;
	memset(&chip, 0, sizeof(chip));
	chip.chip_id = id;
	if (kvm_ioctl(vm_fd, KVM_GET_IRQCHIP, &chip) < 0)
		return -1;
	struct kvm_pic_state *pic = &chip.chip.pic;
	pic->irq_base = vector_base;
	pic->imr = imr;
	pic->init4 = 1;      /* 8086 mode, normal EOI */
	pic->init_state = 0; /* initialized: no ICW expected */
	pic->elcr = 0;       /* every line edge-triggered */
	return kvm_ioctl(vm_fd, KVM_SET_IRQCHIP, &chip) < 0 ? -1 : 0;
}

static void pit_channel(struct kvm_pit_channel_state *c, uint8_t mode, uint32_t count, uint8_t gate)
{
	c->mode = mode;
	c->count = count; /* 0 counts 65536 */
	c->rw_mode = 3;   /* low byte, then high byte */
	c->read_state = c->write_state = 3;
	c->gate = gate;
}

/* KVM makes its PICs uninitialized (vector base 0, nothing masked) and its
 * PIT stopped. kvm-tui starts guests without a BIOS, so both get the state
 * a PC BIOS leaves, as kvm-tui's own chips do (pic8259.h, pit8254.h):
 * vectors 08h/70h, IMR f8/ff, counter 0 at 18.2 Hz. The same guest then
 * behaves the same with either --irqchip. */
static int bios_state(int vm_fd, char *err, size_t errlen)
{
	struct kvm_pit_state2 pit;
	if (write_pic(vm_fd, KVM_IRQCHIP_PIC_MASTER, 0x08, 0xf8) ||
	    write_pic(vm_fd, KVM_IRQCHIP_PIC_SLAVE, 0x70, 0xff) ||
	    kvm_ioctl(vm_fd, KVM_GET_PIT2, &pit) < 0)
		goto fail;
	pit_channel(&pit.channels[0], 3, 0, 1);
	pit_channel(&pit.channels[1], 2, 18, 1);
	pit_channel(&pit.channels[2], 3, 0, 0);
	if (kvm_ioctl(vm_fd, KVM_SET_PIT2, &pit) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "setting KVM's PIC and PIT as a BIOS leaves them: %s", strerror(errno));
	return -1;
}

int kvm_irqchip_create(int vm_fd, char *err, size_t errlen)
{
	if (kvm_ioctl(vm_fd, KVM_CREATE_IRQCHIP, 0) < 0) {
		snprintf(err, errlen, "KVM_CREATE_IRQCHIP: %s (this host's KVM has no in-kernel "
			 "interrupt controller: use --irqchip user)", strerror(errno));
		return -1;
	}
	/* SPEAKER_DUMMY: the kernel owns port 61h too, so channel 2's gate
	 * (bit 0) and output (bit 5) work for a guest that polls it for short
	 * delays; without it 61h would exit to kvm-tui, which cannot see the
	 * kernel PIT's channel 2. The speaker's tone is then not shown. */
	struct kvm_pit_config pit = { .flags = KVM_PIT_SPEAKER_DUMMY };
	if (kvm_ioctl(vm_fd, KVM_CREATE_PIT2, &pit) < 0) {
		snprintf(err, errlen, "KVM_CREATE_PIT2: %s (this host's KVM has no in-kernel "
			 "timer: use --irqchip user)", strerror(errno));
		return -1;
	}
	return bios_state(vm_fd, err, errlen);
}

/* A vCPU made with an in-kernel irqchip has a local APIC, enabled, with its
 * LINT0 masked: the PIC's interrupts would never reach a real-mode guest.
 * Every PC BIOS programs LINT0 as ExtINT and LINT1 as NMI (virtual wire). */
int kvm_irqchip_wire_lapic(int vcpu_fd, char *err, size_t errlen)
{
	struct kvm_lapic_state lapic;
	if (kvm_ioctl(vcpu_fd, KVM_GET_LAPIC, &lapic) < 0)
		goto fail;
	uint32_t lvt0 = LVT_EXTINT, lvt1 = LVT_NMI;
	memcpy(&lapic.regs[LAPIC_LVT0], &lvt0, sizeof(lvt0));
	memcpy(&lapic.regs[LAPIC_LVT1], &lvt1, sizeof(lvt1));
	if (kvm_ioctl(vcpu_fd, KVM_SET_LAPIC, &lapic) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "the local APIC's LINT0 (KVM_GET/SET_LAPIC): %s", strerror(errno));
	return -1;
}

int kvm_irqchip_line(int vm_fd, unsigned irq, bool level)
{
	struct kvm_irq_level line = { .irq = irq, .level = level ? 1 : 0 };
	return kvm_ioctl(vm_fd, KVM_IRQ_LINE, &line) < 0 ? -1 : 0;
}

int kvm_irqchip_halted(int vcpu_fd)
{
	struct kvm_mp_state mp;
	if (kvm_ioctl(vcpu_fd, KVM_GET_MP_STATE, &mp) < 0)
		return -1;
	return mp.mp_state == KVM_MP_STATE_HALTED;
}

static int read_chip(int vm_fd, uint32_t id, struct kvm_pic_state *out)
{
	struct kvm_irqchip chip;
	memset(&chip, 0, sizeof(chip));
	chip.chip_id = id;
	if (kvm_ioctl(vm_fd, KVM_GET_IRQCHIP, &chip) < 0)
		return -1;
	*out = chip.chip.pic;
	return 0;
}

int kvm_irqchip_read_pic(int vm_fd, struct cpu_irq_lines *out)
{
	struct kvm_pic_state m, s;
	if (read_chip(vm_fd, KVM_IRQCHIP_PIC_MASTER, &m) || read_chip(vm_fd, KVM_IRQCHIP_PIC_SLAVE, &s))
		return -1;
	out->irr = (uint16_t)(m.irr | s.irr << 8);
	out->isr = (uint16_t)(m.isr | s.isr << 8);
	out->imr = (uint16_t)(m.imr | s.imr << 8);
	out->valid = CPU_IRQ_LINES_VALID;
	return 0;
}

int kvm_irqchip_pit_save(int vm_fd, struct kvm_pit_state2 *out)
{
	return kvm_ioctl(vm_fd, KVM_GET_PIT2, out) < 0 ? -1 : 0;
}

int kvm_irqchip_pit_restore(int vm_fd, const struct kvm_pit_state2 *in)
{
	return kvm_ioctl(vm_fd, KVM_SET_PIT2, in) < 0 ? -1 : 0;
}
