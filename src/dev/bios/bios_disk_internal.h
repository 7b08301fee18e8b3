/* SPDX-License-Identifier: MIT */
/* bios_disk_internal.h - what int 13h's two halves share: the classic
 * CHS functions (bios_disk.c) and the enhanced disk drive (EDD) functions
 * that address sectors by LBA (bios_disk_edd.c). */
#ifndef KVMTUI_BIOS_DISK_INTERNAL_H
#define KVMTUI_BIOS_DISK_INTERNAL_H

#include "bios.h"
#include "disk.h"

/* The status codes this BIOS answers with (AH, the BDA's status bytes,
 * int 13h 01h), from the PC/AT's list. */
#define DISK_OK 0x00
#define DISK_BAD_COMMAND 0x01   /* no such function, drive or parameter */
#define DISK_NOT_FOUND 0x04     /* sector not found: outside the geometry or past the end */
#define DISK_DMA_BOUNDARY 0x09  /* the buffer: not guest RAM, or past its segment's end */
#define DISK_CONTROLLER 0x20    /* controller failure: the host's file failed */

/* One call to a drive that exists. */
struct bios_disk_op {
	struct bios *b;
	struct bios_regs *r;
	struct bios_call *call;
	int index;          /* in b->disks */
	struct disk *disk;
	uint8_t ah_out;     /* AH on success when it is not a status (15h's type, 41h's version) */
};

enum bios_disk_xfer { BIOS_DISK_READ, BIOS_DISK_WRITE, BIOS_DISK_VERIFY };

/* A drive numbered below 80h is a floppy drive, even if the program
 * reached a hard disk through the 00h alias (then the number is 80h). */
static inline bool bios_disk_is_floppy(const struct bios_disk_op *op)
{
	return op->b->drive_number[op->index] < 0x80;
}

/* count sectors from lba between the disk and guest memory at addr (a
 * verify only checks the range): a status. Past the end: 04h; a buffer
 * the guest may not have written (a read) or read (a write): 09h. */
uint8_t bios_disk_transfer(struct bios_disk_op *op, enum bios_disk_xfer kind, uint64_t lba, uint32_t count,
			   uint64_t addr);

/* The EDD functions (AH 41h-48h), each a status. */
uint8_t bios_disk_edd_check(struct bios_disk_op *op);  /* 41h */
uint8_t bios_disk_ext_read(struct bios_disk_op *op);   /* 42h */
uint8_t bios_disk_ext_write(struct bios_disk_op *op);  /* 43h */
uint8_t bios_disk_ext_verify(struct bios_disk_op *op); /* 44h, and 47h seek */
uint8_t bios_disk_ext_params(struct bios_disk_op *op); /* 48h */

#endif
