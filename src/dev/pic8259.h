/* SPDX-License-Identifier: MIT */
/* pic8259.h - the PC's two 8259A interrupt controllers and their ELCR.
 *
 * The pair as a PC/AT wires it: the master answers ports 0x20-0x21 and
 * takes IRQ 0-7 on its IR0-IR7; the slave answers 0xa0-0xa1, takes IRQ 8-15
 * and drives the master's IR2 with its INT pin. The ELCR (0x4d0 master,
 * 0x4d1 slave) says, per IRQ, edge (0) or level (1) triggering; IRQ 0, 1,
 * 2, 8 and 13 are always edge on a PC, so those bits stay 0.
 *
 * A pure state machine: devices move their lines with pic_set_irq, the vmm
 * reads pic_int_output (the master's INT pin) and, when the CPU takes the
 * interrupt, calls pic_acknowledge (the INTA cycle) for the vector. Nothing
 * here knows KVM, threads or the screen; the caller serializes the calls.
 *
 * Model, after the Intel 8259A data sheet, and where it chooses:
 * - Port 0 writes with D4=1 are ICW1 (any time: it restarts initialization);
 *   D4=0 D3=0 is OCW2, D4=0 D3=1 is OCW3. Port 1 writes are ICW2, ICW3,
 *   ICW4 while the chip waits for them, OCW1 (IMR) otherwise. Port 0 reads
 *   IRR or ISR as OCW3 selected; port 1 reads IMR. After an OCW3 poll, the
 *   next read at either port is the poll word (the data sheet: "the next RD
 *   pulse"), which acknowledges like INTA, auto-EOI included.
 * - ICW1 does what the data sheet lists (edge sense reset, IMR cleared, IR7
 *   lowest priority, slave address 7, special mask off, IRR selected, ICW4
 *   functions zeroed when IC4=0) and also clears ISR and the AEOI rotation:
 *   the sheet is silent on them, and software re-initializing a PIC means
 *   to start over, not to wait forever for an EOI it will never send.
 * - While a chip waits for ICW2-4 its INT stays low: its vector is not known.
 * - Triggering: an IR is level-triggered when ICW1.LTIM or its ELCR bit is
 *   set. A level request is the line itself and vanishes when the line drops.
 *   An edge request is latched by the rising edge and kept until the chip
 *   acknowledges it, even if the line drops first; only a new rising edge
 *   makes a new request. (On the chip the request latch is transparent, so a
 *   dropped edge request becomes a default IR7; kvm-tui keeps it, as KVM's
 *   in-kernel PIC does, so both interrupt paths agree and a device may
 *   signal with a pulse.) Changing an ELCR bit resets that IR's edge sense.
 * - Spurious interrupts: when the INTA finds no request (a level line
 *   dropped, or the IRQ was masked, after INT went high) the chip answers
 *   its IR7 vector and sets no ISR bit. When the master has named the slave
 *   but the slave has nothing, the slave answers its IR7 vector (IRQ 15)
 *   and the master keeps its IR2 ISR bit, as on a PC: the handler must EOI
 *   the master only. If no chip answers the cascade code (the slave's ICW3
 *   ID differs), the floating bus gives 0xff.
 * - The cascade: after the master commits to an IR its ICW3 marks as a
 *   slave input (cascade mode), the slave whose ID equals that IR gives the
 *   vector. The slave's INT reaches IR2 like any device line, so on a PC
 *   (IR2 edge) the master sees a slave request on a rising edge of that
 *   INT: a first request, one above what the slave has in service, or one
 *   left waiting when the slave's EOI (or auto-EOI) ends the IR in service.
 * - ICW4: µPM=0 (also what IC4=0 means) is MCS-80/85 mode: an x86 reads the
 *   byte of its second INTA pulse, which there is the low byte of the CALL
 *   address (ICW1 A7-A5 with the ADI interval); the third pulse never comes.
 *   AEOI and SFNM are implemented; buffered mode is stored and ignored (who
 *   is master is the wiring, not ICW4.M/S).
 * - Special mask mode: an in-service IR whose mask bit is set no longer
 *   holds back other levels (data sheet: "enables interrupts from all other
 *   levels (lower as well as higher) that are not masked").
 *
 * The state after pic_init and pic_reset is what a PC BIOS leaves after POST,
 * because kvm-tui starts boot sectors without running one. Both chips are
 * initialized with ICW1 0x11 (edge, cascade, ICW4), ICW2 0x08 / 0x70, ICW3
 * 0x04 / 0x02, ICW4 0x01 (8086 mode, normal EOI), and the ELCR is all edge.
 * IMR: master 0xf8, slave 0xff: IRQ 0 (timer), 1 (keyboard) and 2 (cascade)
 * unmasked, as a PC BIOS leaves them because it services them; the rest
 * masked, as a BIOS leaves a device it installed no handler for (COM1's
 * IRQ 4 among them) and as is safe with no BIOS at all: an IRQ a guest did
 * not ask for cannot vector through an empty IVT entry. (BIOSes vary; many
 * also unmask IRQ 6, the floppy, for the familiar 0xb8: kvm-tui has none.)
 *
 * Bus registration: one adapter pair per range, all with the struct pic8259
 * as ctx (pic_register does the three bus_add_pio calls). A 2- or 4-byte
 * access is split into byte accesses at consecutive ports, low byte first,
 * as the AT bus does for 8-bit devices; a byte past the range reads 0xff and
 * is not written.
 */
#ifndef KVMTUI_PIC8259_H
#define KVMTUI_PIC8259_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bus;

#define PIC_MASTER_BASE 0x20
#define PIC_SLAVE_BASE 0xa0
#define PIC_ELCR_BASE 0x4d0
#define PIC_CASCADE_IR 2 /* the master's input the slave's INT drives */

/* The PC defaults (see above) */
#define PIC_BIOS_MASTER_BASE 0x08
#define PIC_BIOS_SLAVE_BASE 0x70
#define PIC_BIOS_MASTER_IMR 0xf8
#define PIC_BIOS_SLAVE_IMR 0xff

/* ELCR bits that exist: IRQ 0, 1, 2 (master) and 8, 13 (slave) are edge only */
#define PIC_ELCR_MASTER_MASK 0xf8
#define PIC_ELCR_SLAVE_MASK 0xde

/* ICW1 (port 0, D4=1) */
#define PIC_ICW1_IC4 0x01   /* ICW4 follows */
#define PIC_ICW1_SNGL 0x02  /* single chip: no ICW3 */
#define PIC_ICW1_ADI 0x04   /* MCS-80 call address interval 4 (else 8) */
#define PIC_ICW1_LTIM 0x08  /* level-triggered inputs */
#define PIC_ICW1_INIT 0x10
/* ICW4 */
#define PIC_ICW4_UPM 0x01   /* 8086/8088 mode (0: MCS-80/85) */
#define PIC_ICW4_AEOI 0x02
#define PIC_ICW4_MS 0x04    /* buffered master (ignored) */
#define PIC_ICW4_BUF 0x08   /* buffered mode (ignored) */
#define PIC_ICW4_SFNM 0x10  /* special fully nested mode */
/* OCW2 (port 0, D4=0 D3=0): R, SL, EOI in D7-D5, the level in D2-D0 */
#define PIC_OCW2_EOI 0x20
#define PIC_OCW2_SL 0x40
#define PIC_OCW2_R 0x80
/* OCW3 (port 0, D4=0 D3=1) */
#define PIC_OCW3_RIS 0x01   /* with RR: read ISR (else IRR) */
#define PIC_OCW3_RR 0x02
#define PIC_OCW3_P 0x04     /* poll */
#define PIC_OCW3_SEL 0x08
#define PIC_OCW3_SMM 0x20   /* with ESMM: special mask mode on (else off) */
#define PIC_OCW3_ESMM 0x40

/* One 8259A. The fields are its state; use the functions below. */
struct pic_chip {
	uint8_t line;      /* IR input levels, as the devices drive them */
	uint8_t edge;      /* rising edges latched and not yet acknowledged */
	uint8_t isr, imr, elcr;
	uint8_t icw1, icw2, icw3, icw4; /* as written; icw4 0 when ICW1 had no IC4 */
	uint8_t lowest;    /* the IR with the lowest priority: 7 until rotated */
	uint8_t init_next; /* 0: initialized; 2, 3 or 4: the ICW port 1 expects */
	bool read_isr;     /* OCW3: port 0 reads ISR (else IRR) */
	bool poll;         /* OCW3 poll: the next read is the poll word */
	bool special_mask; /* OCW3 special mask mode */
	bool rotate_aeoi;  /* OCW2: rotate in automatic EOI mode */
	bool is_slave;     /* the wiring (SP/EN pin), not programmable */
};

/* The pair. */
struct pic8259 {
	struct pic_chip master, slave;
};

void pic_init(struct pic8259 *p);  /* power-on, then the PC defaults above */
/* The PC defaults again; the input lines keep their levels (they are the
 * devices'), and as after ICW1 a line already high must rise again. */
void pic_reset(struct pic8259 *p);

/* A device's line, IRQ 0-15. IRQ 2 is the cascade, driven only by the slave
 * (an ISA card's "IRQ 2" is wired to IRQ 9 on an AT): setting it, or an IRQ
 * above 15, does nothing. */
void pic_set_irq(struct pic8259 *p, unsigned irq, bool level);
/* The same, shaped as a device's IRQ callback (ctx is the struct pic8259). */
void pic_irq_line(void *ctx, unsigned irq, bool level);

/* The master's INT pin: a request the CPU should take. */
bool pic_int_output(const struct pic8259 *p);
/* The INTA cycle: the vector (0-255), with ISR and IRR updated. Meant for
 * when pic_int_output is true; otherwise it is the spurious IR7 above. */
int pic_acknowledge(struct pic8259 *p);
/* The IRQ (0-15) the next acknowledge would deliver, for display; -1 when
 * there is none or it would be spurious. Changes nothing. */
int pic_pending_irq(const struct pic8259 *p);

/* 16-bit views, the slave in the high byte. IRR's bit 2 is the cascade. */
uint16_t pic_irr(const struct pic8259 *p);
uint16_t pic_isr(const struct pic8259 *p);
uint16_t pic_imr(const struct pic8259 *p);
uint16_t pic_elcr(const struct pic8259 *p);

/* Register access as a guest makes it: chip 0 master, 1 slave; port 0/1. */
uint8_t pic_read(struct pic8259 *p, unsigned chip, unsigned port);
void pic_write(struct pic8259 *p, unsigned chip, unsigned port, uint8_t value);
uint8_t pic_elcr_read(const struct pic8259 *p, unsigned chip);
void pic_elcr_write(struct pic8259 *p, unsigned chip, uint8_t value);

/* Bus adapters, ctx the struct pic8259: master at 0x20 (len 2), slave at
 * 0xa0 (len 2), ELCR at 0x4d0 (len 2). */
uint32_t pic_master_pio_read(void *ctx, uint16_t offset, uint8_t size);
void pic_master_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
uint32_t pic_slave_pio_read(void *ctx, uint16_t offset, uint8_t size);
void pic_slave_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
uint32_t pic_elcr_pio_read(void *ctx, uint16_t offset, uint8_t size);
void pic_elcr_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);
/* The three registrations; 0, or -1 if the bus refused one (it may then
 * hold the earlier ones). */
int pic_register(struct bus *bus, struct pic8259 *p);

/* The exit log's decoder: what an access to a PIC or ELCR port means, from
 * the byte alone (no device state): "PIC1 OCW2 EOI". On the data ports a
 * written byte is shown as OCW1, noting it may be ICW2-4 of an init sequence.
 * Returns the length written (truncated to len - 1); 0 and an empty string
 * for a port that is not the PIC's. */
size_t pic_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len);

#endif
