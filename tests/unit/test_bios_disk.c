/* SPDX-License-Identifier: MIT */
/* test_bios_disk.c - int 13h over real image files and a fake guest RAM
 * (1 MiB + 64 KiB, the ROM and the BIOS data area as bios_setup leaves
 * them): CHS and LBA reads and writes landing where the guest asked, the
 * parameters a floppy and a hard disk report, the status bytes, the
 * drive-00h alias, and every buffer that must be refused. Each sector of
 * a test image starts with its own LBA, so a read shows which it got. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bios.h"
#include "bios_data_area.h"
#include "bios_rom.h"
#include "bios_setup.h"
#include "check.h"
#include "disk.h"

#define RAM_SIZE 0x110000u
#define FLOPPY_SECTORS 2880u  /* 1.44M */
#define HD_SECTORS 2000u      /* 2 cylinders of 16 x 63 cover it */
#define BIG_BYTES (1024ull * 16 * 63 * 512) /* 1024 cylinders: CL's high bits */

static char dir[64];
static char floppy_path[128], hd_path[128], big_path[128];

struct rig {
	struct bios b;
	struct disk disks[BIOS_MAX_DISKS];
};

/* ---- images and the machine ---- */

static void stamp(uint8_t *s, uint64_t lba)
{
	memset(s, (int)(lba * 7 + 1), DISK_SECTOR);
	for (int i = 0; i < 4; i++)
		s[i] = (uint8_t)(lba >> (8 * i));
}

static void make_image(const char *path, uint64_t sectors)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	uint8_t s[DISK_SECTOR];
	CHECK(fd >= 0);
	for (uint64_t i = 0; i < sectors; i++) {
		stamp(s, i);
		CHECK_EQ(write(fd, s, sizeof s), sizeof s);
	}
	close(fd);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Guest RAM laid out as at boot, with the given images as drives in the
 * order given (floppy sizes 00h, 01h; the rest 80h, 81h). */
static void rig_up(struct rig *g, const char *a, const char *b)
{
	const char *paths[BIOS_MAX_DISKS] = { a, b };
	struct bios_boot_config cfg = { .ram_size = RAM_SIZE };
	char err[256];
	memset(g, 0, sizeof *g);
	g->b.mem = (struct bios_mem){ .ram = calloc(1, RAM_SIZE), .size = RAM_SIZE };
	for (int i = 0; i < BIOS_MAX_DISKS && paths[i]; i++) {
		CHECK_EQ(disk_open(&g->disks[i], paths[i], false, err, sizeof err), 0);
		bool floppy = g->disks[i].geo.floppy;
		g->b.disks[i] = &g->disks[i];
		g->b.drive_number[i] = floppy ? (uint8_t)cfg.floppies++ : (uint8_t)(0x80 + cfg.hard_disks++);
	}
	bios_setup_memory(&g->b.mem, &cfg);
}

static void rig_down(struct rig *g)
{
	for (int i = 0; i < BIOS_MAX_DISKS; i++)
		disk_close(&g->disks[i]);
	free(g->b.mem.ram);
}

static uint8_t *ram(struct rig *g, uint64_t addr)
{
	return g->b.mem.ram + addr;
}

/* Registers as a caller leaves them: the upper halves, SI, DI, BP, DS, ES
 * all hold marks that a call must leave alone unless it answers in them. */
static struct bios_regs regs(uint16_t ax, uint16_t bx, uint16_t cx, uint16_t dx)
{
	return (struct bios_regs){
		.eax = 0xa1a10000u | ax, .ebx = 0xb2b20000u | bx, .ecx = 0xc3c30000u | cx,
		.edx = 0xd4d40000u | dx, .esi = 0x5e5e0600u, .edi = 0xd1d1d1d1u, .ebp = 0xbbbbbbbbu,
		.esp = 0x7000, .ds = 0, .es = 0, .ss = 0, .flags = 0x0202 | BIOS_FLAG_CF,
	};
}

static struct bios_call int13(struct rig *g, struct bios_regs *r)
{
	struct bios_call call = { .vector = 0x13 };
	bios_disk_call(&g->b, r, &call);
	return call;
}

static bool carry(const struct bios_regs *r)
{
	return r->flags & BIOS_FLAG_CF;
}

/* The call failed with this status, and said so everywhere. */
static void expect_fail(struct rig *g, const struct bios_regs *r, uint8_t status, bool hard_disk)
{
	CHECK(carry(r));
	CHECK_EQ(bios_ah(r), status);
	CHECK_EQ(*ram(g, hard_disk ? BDA_DISK_STATUS : BDA_FLOPPY_STATUS), status);
}

static void expect_ok(const struct bios_regs *r)
{
	CHECK(!carry(r));
	CHECK_EQ(bios_ah(r), 0);
}

/* ---- CHS ---- */

static void test_chs_read(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	struct bios_regs r = regs(0x0201, 0x7e00, 0x0002, 0x0080); /* 1 sector, C0 H0 S2 */
	struct bios_call call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_al(&r), 1);
	CHECK_EQ(le32(ram(&g, 0x7e00)), 1);
	CHECK_EQ(*ram(&g, 0x7e00 + 511), (uint8_t)(1 * 7 + 1));
	CHECK_EQ(*ram(&g, 0x7e00 + 512), 0);    /* not one byte more */
	CHECK_EQ(call.detail, 1);
	CHECK(!call.unknown);
	/* Everything but AX and the flags as the caller had it. */
	CHECK_EQ(r.eax >> 16, 0xa1a1);
	CHECK_EQ(r.ebx, 0xb2b27e00u);
	CHECK_EQ(r.ecx, 0xc3c30002u);
	CHECK_EQ(r.edx, 0xd4d40080u);
	CHECK_EQ(r.esi, 0x5e5e0600u);
	CHECK_EQ(r.edi, 0xd1d1d1d1u);
	CHECK_EQ(r.ebp, 0xbbbbbbbbu);
	CHECK_EQ(r.es, 0);
	CHECK_EQ(r.flags, 0x0202);
	CHECK_EQ(g.disks[0].sectors_read, 1);

	/* Across heads and into the next cylinder: C0 H15 S62 + 3 = LBA 1006..1008. */
	r = regs(0x0203, 0x1000, 0x003e, 0x0f80);
	r.es = 0x2000;
	call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_al(&r), 3);
	CHECK_EQ(call.detail, 1006);
	CHECK_EQ(le32(ram(&g, 0x21000)), 1006);
	CHECK_EQ(le32(ram(&g, 0x21400)), 1008);
	rig_down(&g);
}

static void test_chs_write(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	memset(ram(&g, 0x8000), 0x77, 2 * DISK_SECTOR);
	struct bios_regs r = regs(0x0302, 0x8000, 0x0001, 0x0180); /* C0 H1 S1 = LBA 63 */
	struct bios_call call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_al(&r), 2);
	CHECK_EQ(call.detail, 63);
	r = regs(0x0202, 0x9000, 0x0001, 0x0180);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(*ram(&g, 0x9000), 0x77);
	CHECK_EQ(*ram(&g, 0x9000 + 1023), 0x77);
	CHECK_EQ(g.disks[0].sectors_written, 2);
	rig_down(&g);
	/* The overlay kept it from the file. */
	rig_up(&g, hd_path, NULL);
	r = regs(0x0201, 0x9000, 0x0001, 0x0180);
	int13(&g, &r);
	CHECK_EQ(le32(ram(&g, 0x9000)), 63);
	/* A write may come from the ROM: the guest may read it. */
	r = regs(0x0301, 0x0000, 0x0005, 0x0080);
	r.es = 0xf000;
	int13(&g, &r);
	expect_ok(&r);
	rig_down(&g);
}

static void test_chs_refused(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	/* C1 H15 S63 is in the geometry (2 x 16 x 63) but past the 2000 sectors. */
	struct bios_regs r = regs(0x0201, 0x7e00, 0x013f, 0x0f80);
	int13(&g, &r);
	expect_fail(&g, &r, 0x04, true);
	CHECK_EQ(bios_al(&r), 0);
	CHECK_EQ(*ram(&g, 0x7e00), 0);
	/* Straddling the end: all or nothing. */
	r = regs(0x0202, 0x7e00, 0x0130, 0x0f80); /* C1 H15 S48 = LBA 1999 */
	int13(&g, &r);
	expect_fail(&g, &r, 0x04, true);
	CHECK_EQ(bios_al(&r), 0);
	/* Outside the geometry: cylinder 2, head 16, sector 0, sector 64. */
	static const uint16_t bad[][2] = { { 0x0201, 0x0080 }, { 0x0001, 0x1080 }, { 0x0000, 0x0080 },
					   { 0x0040, 0x0080 } };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = regs(0x0201, 0x7e00, bad[i][0], bad[i][1]);
		int13(&g, &r);
		expect_fail(&g, &r, 0x04, true);
	}
	/* 01h reads the last status back once: AL = status, AH = 0. */
	r = regs(0x0100, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_al(&r), 0x04);
	r = regs(0x0100, 0, 0, 0x0080);
	int13(&g, &r);
	CHECK_EQ(bios_al(&r), 0);
	CHECK_EQ(*ram(&g, BDA_DISK_STATUS), 0);
	/* No sectors: a bad command. */
	r = regs(0x0200, 0x7e00, 0x0001, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	/* 00h reset clears CF. */
	r = regs(0x0000, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	/* 04h verify checks the range only. */
	r = regs(0x0405, 0, 0x0001, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_al(&r), 5);
	r = regs(0x0402, 0, 0x0130, 0x0f80);
	int13(&g, &r);
	expect_fail(&g, &r, 0x04, true);
	rig_down(&g);
}

/* No buffer outside writable guest RAM, whatever ES:BX says. */
static void test_buffers_refused(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	uint8_t rom_before[DISK_SECTOR];
	memcpy(rom_before, ram(&g, BIOS_ROM_BASE), sizeof rom_before);
	struct bios_regs r = regs(0x0201, 0x0000, 0x0001, 0x0080);
	r.es = 0xf000; /* the ROM */
	int13(&g, &r);
	expect_fail(&g, &r, 0x09, true);
	CHECK_EQ(bios_al(&r), 0);
	CHECK(memcmp(rom_before, ram(&g, BIOS_ROM_BASE), sizeof rom_before) == 0);
	r = regs(0x0201, 0x0000, 0x0001, 0x0080);
	r.es = 0xa000; /* the hole below VGA text memory */
	int13(&g, &r);
	expect_fail(&g, &r, 0x09, true);
	r = regs(0x0201, 0xff00, 0x0001, 0x0080); /* past the segment's end */
	int13(&g, &r);
	expect_fail(&g, &r, 0x09, true);
	CHECK_EQ(*ram(&g, 0xff00), 0);
	r = regs(0x0280, 0x0000, 0x0001, 0x0080); /* 128 sectors fill a segment exactly */
	r.es = 0x1000;
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(le32(ram(&g, 0x1fe00)), 127);
	r = regs(0x0201, 0xfff0, 0x0001, 0x0080); /* FFFF:FFF0 + 512: beyond RAM */
	r.es = 0xffff;
	int13(&g, &r);
	CHECK(carry(&r));
	rig_down(&g);
}

/* ---- parameters ---- */

static void test_parameters(void)
{
	struct rig g;
	rig_up(&g, floppy_path, hd_path);
	struct bios_regs r = regs(0x0800, 0x0000, 0, 0x0000);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_ax(&r), 0);
	CHECK_EQ(bios_bl(&r), 4);     /* 1.44M */
	CHECK_EQ(bios_ch(&r), 79);
	CHECK_EQ(bios_cl(&r), 18);
	CHECK_EQ(bios_dh(&r), 1);
	CHECK_EQ(bios_dl(&r), 1);     /* one floppy drive */
	CHECK_EQ(r.es, BIOS_DPT_SEGMENT);
	CHECK_EQ(r.edi, 0xd1d10000u | BIOS_DPT_OFFSET);
	/* ES:DI holds the table the ROM put there: byte 4 is sectors a track. */
	CHECK_EQ(*ram(&g, bios_linear(r.es, (uint16_t)r.edi) + 4), 18);

	r = regs(0x0800, 0x1234, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_ax(&r), 0);
	CHECK_EQ(bios_bx(&r), 0x1234);
	CHECK_EQ(bios_ch(&r), 1);     /* cylinders 0-1 */
	CHECK_EQ(bios_cl(&r), 63);
	CHECK_EQ(bios_dh(&r), 15);
	CHECK_EQ(bios_dl(&r), 1);     /* one hard disk */
	CHECK_EQ(r.es, 0);
	CHECK_EQ(r.edi, 0xd1d1d1d1u);

	/* 15h: the drive's type. */
	r = regs(0x15ff, 0, 0x1111, 0x0000);
	int13(&g, &r);
	CHECK(!carry(&r));
	CHECK_EQ(bios_ah(&r), 0x01);  /* a floppy drive, no change line */
	CHECK_EQ(bios_cx(&r), 0x1111);
	r = regs(0x15ff, 0, 0, 0x0080);
	int13(&g, &r);
	CHECK(!carry(&r));
	CHECK_EQ(bios_ah(&r), 0x03);
	CHECK_EQ((uint32_t)bios_cx(&r) << 16 | bios_dx(&r), HD_SECTORS);
	CHECK_EQ(bios_al(&r), 0xff);
	r = regs(0x1500, 0, 0, 0x0081);
	int13(&g, &r);
	CHECK(!carry(&r));
	CHECK_EQ(bios_ah(&r), 0x00);  /* no such drive: an answer, not an error */
	rig_down(&g);
}

/* 1024 cylinders: the top two bits of the cylinder ride in CL. */
static void test_big_disk(void)
{
	struct rig g;
	rig_up(&g, big_path, NULL);
	struct bios_regs r = regs(0x0800, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(bios_ch(&r), 0xff);
	CHECK_EQ(bios_cl(&r), 0xff);  /* sector 63, cylinder bits 8-9 = 3 */
	CHECK_EQ(bios_dh(&r), 15);
	r = regs(0x0201, 0x7e00, 0xffff, 0x0f80); /* C1023 H15 S63: the last sector */
	struct bios_call call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(call.detail, BIG_BYTES / 512 - 1);
	r = regs(0x0201, 0x7e00, 0x2541, 0x0280); /* C(1 << 8 | 0x25) H2 S1 */
	call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(call.detail, ((0x125u * 16) + 2) * 63);
	rig_down(&g);
}

/* ---- EDD ---- */

static void put_dap(struct rig *g, uint64_t at, uint16_t count, uint16_t seg, uint16_t off, uint64_t lba)
{
	uint8_t *p = ram(g, at);
	memset(p, 0, 16);
	p[0] = 16;
	p[2] = (uint8_t)count, p[3] = (uint8_t)(count >> 8);
	p[4] = (uint8_t)off, p[5] = (uint8_t)(off >> 8);
	p[6] = (uint8_t)seg, p[7] = (uint8_t)(seg >> 8);
	for (int i = 0; i < 8; i++)
		p[8 + i] = (uint8_t)(lba >> (8 * i));
}

static uint16_t dap_count(struct rig *g, uint64_t at)
{
	return (uint16_t)(*ram(g, at + 2) | *ram(g, at + 3) << 8);
}

static void test_edd_check(void)
{
	struct rig g;
	rig_up(&g, floppy_path, hd_path);
	struct bios_regs r = regs(0x4100, 0x55aa, 0, 0x0080);
	int13(&g, &r);
	CHECK(!carry(&r));
	CHECK_EQ(bios_ah(&r), 0x21);
	CHECK_EQ(bios_bx(&r), 0xaa55);
	CHECK_EQ(bios_cx(&r), 0x0001);
	CHECK_EQ(*ram(&g, BDA_DISK_STATUS), 0);
	r = regs(0x4100, 0x1234, 0, 0x0080); /* not the question */
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	CHECK_EQ(bios_bx(&r), 0x1234);
	r = regs(0x4100, 0x55aa, 0, 0x0000); /* floppies have no EDD */
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, false);
	CHECK_EQ(bios_bx(&r), 0x55aa);
	rig_down(&g);
}

static void test_edd_transfers(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	put_dap(&g, 0x600, 3, 0x1000, 0x0010, 10);
	struct bios_regs r = regs(0x4200, 0, 0, 0x0080); /* DS:SI = 0:0600 */
	struct bios_call call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(call.detail, 10);
	CHECK_EQ(le32(ram(&g, 0x10010)), 10);
	CHECK_EQ(le32(ram(&g, 0x10410)), 12);
	CHECK_EQ(dap_count(&g, 0x600), 3);
	CHECK_EQ(r.esi, 0x5e5e0600u);

	/* 43h then 42h: the last two sectors, written and read back. */
	memset(ram(&g, 0x20000), 0x3c, 2 * DISK_SECTOR);
	put_dap(&g, 0x600, 2, 0x2000, 0, HD_SECTORS - 2);
	r = regs(0x4300, 0, 0, 0x0080);
	call = int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(call.detail, HD_SECTORS - 2);
	put_dap(&g, 0x600, 2, 0x3000, 0, HD_SECTORS - 2);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(*ram(&g, 0x30000), 0x3c);
	CHECK_EQ(*ram(&g, 0x303ff), 0x3c);

	/* Past the end: nothing done, and the packet's count says so. */
	put_dap(&g, 0x600, 2, 0x3000, 0, HD_SECTORS - 1);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x04, true);
	CHECK_EQ(dap_count(&g, 0x600), 0);
	put_dap(&g, 0x600, 1, 0x3000, 0, 1ull << 40);
	r = regs(0x4200, 0, 0, 0x0080);
	call = int13(&g, &r);
	expect_fail(&g, &r, 0x04, true);
	/* Into the ROM, or past the end of RAM. */
	put_dap(&g, 0x600, 1, 0xf000, 0, 0);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x09, true);
	CHECK_EQ(dap_count(&g, 0x600), 0);
	put_dap(&g, 0x600, 3, 0xffff, 0xffe0, 0);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x09, true);
	/* A packet too small, or a count over EDD's 127. */
	put_dap(&g, 0x600, 1, 0x3000, 0, 0);
	*ram(&g, 0x600) = 8;
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	put_dap(&g, 0x600, 128, 0x3000, 0, 0);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	CHECK_EQ(dap_count(&g, 0x600), 0);
	CHECK_EQ(*ram(&g, 0x30000), 0x3c); /* untouched since the read above */
	/* No sectors: nothing to do, done. */
	put_dap(&g, 0x600, 0, 0xf000, 0, 1ull << 40);
	r = regs(0x4200, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	/* 44h verify and 47h seek check the range only. */
	put_dap(&g, 0x600, 5, 0xf000, 0, 100);
	r = regs(0x4400, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	r = regs(0x4700, 0, 0, 0x0080);
	int13(&g, &r);
	expect_ok(&r);
	rig_down(&g);
}

static uint32_t peek32(struct rig *g, uint64_t at)
{
	return le32(ram(g, at));
}

static void test_edd_parameters(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	uint8_t *p = ram(&g, 0x700);
	memset(p, 0xee, 40);
	p[0] = 30, p[1] = 0;
	struct bios_regs r = regs(0x4800, 0, 0, 0x0080);
	r.esi = 0x0700;
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(p[0] | p[1] << 8, 30);
	CHECK_EQ(p[2] | p[3] << 8, 0x0002);   /* CHS valid: the geometry covers the disk */
	CHECK_EQ(peek32(&g, 0x704), 2);
	CHECK_EQ(peek32(&g, 0x708), 16);
	CHECK_EQ(peek32(&g, 0x70c), 63);
	CHECK_EQ(peek32(&g, 0x710), HD_SECTORS);
	CHECK_EQ(peek32(&g, 0x714), 0);
	CHECK_EQ(p[24] | p[25] << 8, 512);
	CHECK_EQ(peek32(&g, 0x71a), 0xffffffffu);
	CHECK_EQ(p[30], 0xee);
	/* An EDD 1.x caller's 26 bytes. */
	memset(p, 0xee, 40);
	p[0] = 26, p[1] = 0;
	r = regs(0x4800, 0, 0, 0x0080);
	r.esi = 0x0700;
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(p[0], 26);
	CHECK_EQ(p[26], 0xee);
	/* Too small. */
	memset(p, 0xee, 40);
	p[0] = 20, p[1] = 0;
	r = regs(0x4800, 0, 0, 0x0080);
	r.esi = 0x0700;
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	CHECK_EQ(p[2], 0xee);
	rig_down(&g);
}

/* ---- drives ---- */

static void test_drive_alias(void)
{
	struct rig g;
	/* Booted from a hard-disk image, a program that says 00h reaches it. */
	rig_up(&g, hd_path, NULL);
	struct bios_regs r = regs(0x0201, 0x7e00, 0x0003, 0x0000);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(le32(ram(&g, 0x7e00)), 2);
	CHECK_EQ(*ram(&g, BDA_DISK_STATUS), 0);
	r = regs(0x0201, 0x7e00, 0x0003, 0x0001); /* 01h is not it */
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, false);
	r = regs(0x0201, 0x7e00, 0x0003, 0x0081);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	rig_down(&g);
	/* A floppy and a hard disk: 00h is the floppy. */
	rig_up(&g, floppy_path, hd_path);
	r = regs(0x0201, 0x7e00, 0x0003, 0x0000);
	int13(&g, &r);
	expect_ok(&r);
	CHECK_EQ(le32(ram(&g, 0x7e00)), 2);
	CHECK_EQ(*ram(&g, 0x7e00 + 4), (uint8_t)(2 * 7 + 1));
	rig_down(&g);
	/* Two hard disks: no guessing. */
	rig_up(&g, hd_path, big_path);
	r = regs(0x0201, 0x7e00, 0x0003, 0x0000);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, false);
	r = regs(0x0800, 0, 0, 0x0081);
	int13(&g, &r);
	CHECK_EQ(bios_dl(&r), 2);
	rig_down(&g);
	/* A single floppy is not a hard disk as well. */
	rig_up(&g, floppy_path, NULL);
	r = regs(0x0201, 0x7e00, 0x0001, 0x0080);
	int13(&g, &r);
	expect_fail(&g, &r, 0x01, true);
	rig_down(&g);
}

static void test_unknown_function(void)
{
	struct rig g;
	rig_up(&g, hd_path, NULL);
	struct bios_regs r = regs(0x9912, 0x3456, 0x789a, 0x0080);
	struct bios_call call = int13(&g, &r);
	CHECK(call.unknown);
	expect_fail(&g, &r, 0x01, true);
	CHECK_EQ(bios_al(&r), 0x12);
	CHECK_EQ(bios_bx(&r), 0x3456);
	CHECK_EQ(bios_cx(&r), 0x789a);
	r = regs(0x0100, 0, 0, 0x0080);
	int13(&g, &r);
	CHECK_EQ(bios_al(&r), 0x01);
	rig_down(&g);
}

/* The host's file failing is the controller failing (20h). */
static void test_host_error(void)
{
	struct rig g;
	char path[128];
	snprintf(path, sizeof path, "%s/shrinks.img", dir);
	make_image(path, 100);
	rig_up(&g, path, NULL);
	CHECK_EQ(truncate(path, 10 * DISK_SECTOR), 0);
	struct bios_regs r = regs(0x0201, 0x7e00, 0x0033, 0x0080); /* LBA 50 */
	int13(&g, &r);
	expect_fail(&g, &r, 0x20, true);
	CHECK_EQ(bios_al(&r), 0);
	rig_down(&g);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/kvmtui-biosdisk-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(floppy_path, sizeof floppy_path, "%s/floppy.img", dir);
	snprintf(hd_path, sizeof hd_path, "%s/hd.img", dir);
	snprintf(big_path, sizeof big_path, "%s/big.img", dir);
	make_image(floppy_path, FLOPPY_SECTORS);
	make_image(hd_path, HD_SECTORS);
	CHECK_EQ(truncate(floppy_path, FLOPPY_SECTORS * DISK_SECTOR), 0);
	int fd = open(big_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && ftruncate(fd, (off_t)BIG_BYTES) == 0); /* sparse: reads as zeros */
	close(fd);

	test_chs_read();
	test_chs_write();
	test_chs_refused();
	test_buffers_refused();
	test_parameters();
	test_big_disk();
	test_edd_check();
	test_edd_transfers();
	test_edd_parameters();
	test_drive_alias();
	test_unknown_function();
	test_host_error();

	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
