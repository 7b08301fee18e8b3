/* SPDX-License-Identifier: MIT */
/* bios_disk_edd.c - int 13h's enhanced disk drive (EDD) functions: sectors
 * by a 64-bit LBA instead of cylinder/head/sector, so all of a disk is
 * reachable, not only its first 1024 cylinders.
 *
 * This BIOS says EDD 1.1 (AH=21h from 41h) with the fixed-disk access
 * subset: 42h read, 43h write, 44h verify, 47h seek, 48h parameters. As
 * on most PCs, only hard disks have them; a floppy drive answers 01h.
 *
 * 42h-47h take a disk address packet at DS:SI:
 *   +0 byte  size (16 or more)   +1 byte reserved   +2 word sectors
 *   +4 word  buffer offset       +6 word buffer segment
 *   +8 qword first LBA
 * and, as EDD says, leave in its count the sectors done: all or none.
 */
#include "bios_disk_internal.h"

#define EDD_VERSION 0x21       /* EDD 1.1 */
#define EDD_FIXED_DISK_ACCESS 0x0001
#define DAP_MIN_SIZE 16
#define DAP_MAX_COUNT 127      /* EDD's limit: larger counts are refused */
#define PARAMS_V1_SIZE 26      /* 48h's result through the sector size */
#define PARAMS_V2_SIZE 30      /* ... and the DPTE pointer (none here) */
#define PARAMS_CHS_VALID 0x0002

static uint64_t ds_si(const struct bios_regs *r)
{
	return bios_linear(r->ds, (uint16_t)r->esi);
}

/* 41h: BX=55AAh asks; BX=AA55h, the version in AH and the subsets in CX
 * answer. */
uint8_t bios_disk_edd_check(struct bios_disk_op *op)
{
	if (bios_disk_is_floppy(op) || bios_bx(op->r) != 0x55aa)
		return DISK_BAD_COMMAND;
	bios_set_bx(op->r, 0xaa55);
	bios_set_cx(op->r, EDD_FIXED_DISK_ACCESS);
	op->ah_out = EDD_VERSION;
	return DISK_OK;
}

struct dap {
	uint64_t at;     /* where the packet is */
	uint16_t count;
	uint64_t buffer; /* linear */
	uint64_t lba;
};

/* false if there is no packet at DS:SI to speak of (not guest memory, or
 * smaller than 16 bytes): then it is not written to either. */
static bool read_dap(struct bios_disk_op *op, struct dap *p)
{
	const struct bios_mem *m = &op->b->mem;
	p->at = ds_si(op->r);
	if (!bios_mem_ok(m, p->at, DAP_MIN_SIZE) || bios_peek8(m, p->at) < DAP_MIN_SIZE)
		return false;
	p->count = bios_peek16(m, p->at + 2);
	p->buffer = bios_linear(bios_peek16(m, p->at + 6), bios_peek16(m, p->at + 4));
	p->lba = bios_peek32(m, p->at + 8) | (uint64_t)bios_peek32(m, p->at + 12) << 32;
	return true;
}

static uint8_t extended(struct bios_disk_op *op, enum bios_disk_xfer kind)
{
	struct dap p;
	if (bios_disk_is_floppy(op) || !read_dap(op, &p))
		return DISK_BAD_COMMAND;
	op->call->detail = (uint32_t)p.lba;
	if (p.count == 0) /* EDD: nothing to transfer is not an error */
		return DISK_OK;
	uint8_t status = p.count > DAP_MAX_COUNT ? DISK_BAD_COMMAND
						 : bios_disk_transfer(op, kind, p.lba, p.count, p.buffer);
	if (status != DISK_OK)
		bios_poke16(&op->b->mem, p.at + 2, 0); /* all or nothing: none done */
	return status;
}

uint8_t bios_disk_ext_read(struct bios_disk_op *op)
{
	return extended(op, BIOS_DISK_READ);
}

uint8_t bios_disk_ext_write(struct bios_disk_op *op)
{
	return extended(op, BIOS_DISK_WRITE);
}

uint8_t bios_disk_ext_verify(struct bios_disk_op *op)
{
	return extended(op, BIOS_DISK_VERIFY);
}

/* 48h: the caller's buffer says its size (26 at least); filled with 26
 * bytes, or 30 when there is room, the DPTE pointer FFFF:FFFF (none). */
uint8_t bios_disk_ext_params(struct bios_disk_op *op)
{
	struct bios_mem *m = &op->b->mem;
	const struct disk *d = op->disk;
	const struct disk_geometry *g = &d->geo;
	uint64_t at = ds_si(op->r);
	if (bios_disk_is_floppy(op) || !bios_mem_ok(m, at, 2))
		return DISK_BAD_COMMAND;
	uint16_t size = bios_peek16(m, at);
	uint16_t fill = size >= PARAMS_V2_SIZE ? PARAMS_V2_SIZE : PARAMS_V1_SIZE;
	if (size < PARAMS_V1_SIZE || !bios_mem_writable(m, at, fill))
		return DISK_BAD_COMMAND;
	uint64_t chs = (uint64_t)g->cylinders * g->heads * g->sectors;
	bios_poke16(m, at, fill);
	bios_poke16(m, at + 2, chs >= d->sectors ? PARAMS_CHS_VALID : 0);
	bios_poke32(m, at + 4, g->cylinders);
	bios_poke32(m, at + 8, g->heads);
	bios_poke32(m, at + 12, g->sectors);
	bios_poke32(m, at + 16, (uint32_t)d->sectors);
	bios_poke32(m, at + 20, (uint32_t)(d->sectors >> 32));
	bios_poke16(m, at + 24, DISK_SECTOR);
	if (fill == PARAMS_V2_SIZE)
		bios_poke32(m, at + 26, 0xffffffffu);
	return DISK_OK;
}
