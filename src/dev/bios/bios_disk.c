/* SPDX-License-Identifier: MIT */
/* bios_disk.c - int 13h: the disk images (disk.h) as a PC BIOS's drives.
 *
 * The classic functions are here: reset, status, read, write and verify
 * by cylinder/head/sector, the drive's parameters and type. The EDD
 * functions (by LBA) are in bios_disk_edd.c. Every answer's status also
 * goes where a PC keeps it: the drive's last status (read back by 01h) and
 * the BIOS data area's byte for its kind (0x441 floppy, 0x474 hard disk).
 *
 * Drives: the disk whose drive_number is DL. One alias: a program that
 * hard-codes drive 00h (the floppy) still reaches the only disk when it
 * was booted from a hard-disk image (then 00h and 80h are that disk). A
 * single floppy is not also drive 80h: a program probing for a hard disk
 * must find none. No drive: CF set, AH=01h (except 15h: AH=00h "no such
 * drive", CF clear, which is how that function says it).
 *
 * Transfers are all or nothing: AL = the count, or 0 with CF set. Every
 * register not part of an answer is left as the caller had it.
 */
#include "bios_data_area.h"
#include "bios_disk_internal.h"
#include "bios_rom.h"

#define SEGMENT_SIZE 0x10000u

/* ---- drives ---- */

static int drive_index(const struct bios *b, uint8_t dl)
{
	int count = 0, only = -1;
	for (int i = 0; i < BIOS_MAX_DISKS; i++) {
		if (!b->disks[i])
			continue;
		if (b->drive_number[i] == dl)
			return i;
		count++;
		only = i;
	}
	if (count == 1 && dl == 0x00 && b->drive_number[only] >= 0x80)
		return only;
	return -1;
}

static uint8_t drives_of_kind(const struct bios *b, bool floppy)
{
	uint8_t n = 0;
	for (int i = 0; i < BIOS_MAX_DISKS; i++)
		if (b->disks[i] && (b->drive_number[i] < 0x80) == floppy)
			n++;
	return n;
}

/* ---- transfers, shared with the EDD functions ---- */

uint8_t bios_disk_transfer(struct bios_disk_op *op, enum bios_disk_xfer kind, uint64_t lba, uint32_t count,
			   uint64_t addr)
{
	struct disk *d = op->disk;
	struct bios_mem *m = &op->b->mem;
	uint64_t len = (uint64_t)count * DISK_SECTOR;
	if (lba > d->sectors || count > d->sectors - lba)
		return DISK_NOT_FOUND;
	if (kind == BIOS_DISK_VERIFY)
		return DISK_OK;
	/* Checked whole, then done in place: never a byte outside guest RAM. */
	bool ok = kind == BIOS_DISK_READ ? bios_mem_writable(m, addr, len) : bios_mem_ok(m, addr, len);
	if (!ok)
		return DISK_DMA_BOUNDARY;
	uint8_t *guest = m->ram + addr;
	int rc = kind == BIOS_DISK_READ ? disk_read(d, lba, count, guest) : disk_write(d, lba, count, guest);
	return rc == 0 ? DISK_OK : rc == -1 ? DISK_NOT_FOUND : DISK_CONTROLLER;
}

/* ---- the functions ---- */

static uint8_t reset(struct bios_disk_op *op)
{
	(void)op; /* nothing to recalibrate: an image is always ready */
	return DISK_OK;
}

/* 01h: as the PC/AT answers it: AL = the last status, AH = 0, CF clear
 * (and, being a successful call, it leaves status 0 behind). */
static uint8_t last_status(struct bios_disk_op *op)
{
	bios_set_al(op->r, op->b->last_disk_status[op->index]);
	return DISK_OK;
}

/* 02h-04h: AL sectors from cylinder CH (bits 8-9 in CL's bits 6-7),
 * head DH, sector CL bits 0-5, to or from ES:BX. The buffer must fit in
 * its segment: past ES:FFFF a PC's transfer would wrap around (09h). */
static uint8_t chs_transfer(struct bios_disk_op *op, enum bios_disk_xfer kind)
{
	struct bios_regs *r = op->r;
	uint32_t count = bios_al(r);
	uint32_t cylinder = bios_ch(r) | (uint32_t)(bios_cl(r) & 0xc0) << 2;
	uint64_t lba;
	bios_set_al(r, 0);
	if (count == 0)
		return DISK_BAD_COMMAND;
	if (!disk_chs_to_lba(&op->disk->geo, cylinder, bios_dh(r), bios_cl(r) & 0x3fu, &lba))
		return DISK_NOT_FOUND;
	op->call->detail = (uint32_t)lba;
	if (kind != BIOS_DISK_VERIFY && bios_bx(r) + count * DISK_SECTOR > SEGMENT_SIZE)
		return DISK_DMA_BOUNDARY;
	uint8_t status = bios_disk_transfer(op, kind, lba, count, bios_linear(r->es, bios_bx(r)));
	if (status == DISK_OK)
		bios_set_al(r, (uint8_t)count);
	return status;
}

static uint8_t chs_read(struct bios_disk_op *op) { return chs_transfer(op, BIOS_DISK_READ); }
static uint8_t chs_write(struct bios_disk_op *op) { return chs_transfer(op, BIOS_DISK_WRITE); }
static uint8_t chs_verify(struct bios_disk_op *op) { return chs_transfer(op, BIOS_DISK_VERIFY); }

/* 08h: the last cylinder, head and sector, encoded as 02h takes them. */
static uint8_t parameters(struct bios_disk_op *op)
{
	struct bios_regs *r = op->r;
	const struct disk_geometry *g = &op->disk->geo;
	uint32_t last_cylinder = g->cylinders - 1;
	bool floppy = bios_disk_is_floppy(op);
	bios_set_al(r, 0);
	bios_set_ch(r, (uint8_t)last_cylinder);
	bios_set_cl(r, (uint8_t)((g->sectors & 0x3f) | (last_cylinder >> 2 & 0xc0)));
	bios_set_dh(r, (uint8_t)(g->heads - 1));
	bios_set_dl(r, drives_of_kind(op->b, floppy));
	if (floppy) {
		bios_set_bl(r, g->floppy_type);
		r->es = BIOS_DPT_SEGMENT;
		r->edi = (r->edi & ~0xffffu) | BIOS_DPT_OFFSET;
	}
	return DISK_OK;
}

/* 15h: a floppy drive without a change line (an image never changes); a
 * hard disk with its size in sectors in CX:DX. */
static uint8_t disk_type(struct bios_disk_op *op)
{
	if (bios_disk_is_floppy(op)) {
		op->ah_out = 0x01;
		return DISK_OK;
	}
	uint64_t n = op->disk->sectors;
	uint32_t sectors = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
	op->ah_out = 0x03;
	bios_set_cx(op->r, (uint16_t)(sectors >> 16));
	bios_set_dx(op->r, (uint16_t)sectors);
	return DISK_OK;
}

typedef uint8_t disk_fn(struct bios_disk_op *op);

static const struct {
	uint8_t ah;
	disk_fn *fn;
} functions[] = {
	{ 0x00, reset },
	{ 0x01, last_status },
	{ 0x02, chs_read },
	{ 0x03, chs_write },
	{ 0x04, chs_verify },
	{ 0x08, parameters },
	{ 0x15, disk_type },
	{ 0x41, bios_disk_edd_check },
	{ 0x42, bios_disk_ext_read },
	{ 0x43, bios_disk_ext_write },
	{ 0x44, bios_disk_ext_verify },
	{ 0x47, bios_disk_ext_verify }, /* extended seek: nothing to move, the range is checked */
	{ 0x48, bios_disk_ext_params },
};

static disk_fn *function_for(uint8_t ah)
{
	for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
		if (functions[i].ah == ah)
			return functions[i].fn;
	return NULL;
}

/* ---- the call ---- */

static void record_status(struct bios *b, int index, uint8_t dl, uint8_t status)
{
	bool floppy = index >= 0 ? b->drive_number[index] < 0x80 : dl < 0x80;
	if (index >= 0)
		b->last_disk_status[index] = status;
	bios_poke8(&b->mem, floppy ? BDA_FLOPPY_STATUS : BDA_DISK_STATUS, status);
}

static uint8_t no_drive(struct bios_disk_op *op, uint8_t ah)
{
	op->ah_out = 0x00; /* 15h: "no such drive" is an answer, not an error */
	return ah == 0x15 ? DISK_OK : DISK_BAD_COMMAND;
}

void bios_disk_call(struct bios *b, struct bios_regs *r, struct bios_call *call)
{
	uint8_t ah = bios_ah(r), dl = bios_dl(r);
	struct bios_disk_op op = { .b = b, .r = r, .call = call, .index = drive_index(b, dl) };
	disk_fn *fn = function_for(ah);
	uint8_t status;
	if (!fn) {
		call->unknown = true;
		status = DISK_BAD_COMMAND;
	} else if (op.index < 0) {
		status = no_drive(&op, ah);
	} else {
		op.disk = b->disks[op.index];
		status = fn(&op);
	}
	record_status(b, op.index, dl, status);
	if (status != DISK_OK) {
		bios_fail(r, status);
		return;
	}
	bios_set_ah(r, op.ah_out);
	bios_set_carry(r, false);
}
