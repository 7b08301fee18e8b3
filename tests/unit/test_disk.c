/* SPDX-License-Identifier: MIT */
/* test_disk.c - disk images: the geometry of every floppy size and of hard
 * disks large and tiny, CHS to LBA, the overlay (writes kept in memory,
 * the file untouched), write-through, and every file disk_open must
 * refuse, each with its one line, none of them able to block. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "disk.h"
#include "disk_overlay.h"

#define NOBODY 65534

static char dir[64];

static void path_in_dir(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", dir, name);
}

/* A file of `sectors` sectors, sector i filled with the byte i + 1. */
static void make_image(const char *path, uint64_t sectors)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	uint8_t s[DISK_SECTOR];
	CHECK(fd >= 0);
	for (uint64_t i = 0; i < sectors; i++) {
		memset(s, (int)(i + 1), sizeof s);
		CHECK_EQ(write(fd, s, sizeof s), sizeof s);
	}
	close(fd);
}

static void make_bytes(const char *path, size_t bytes)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(ftruncate(fd, (off_t)bytes), 0);
	close(fd);
}

/* The byte at sector lba's start, as the file holds it now. */
static int file_byte(const char *path, uint64_t lba)
{
	uint8_t b = 0;
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(pread(fd, &b, 1, (off_t)(lba * DISK_SECTOR)), 1);
	close(fd);
	return b;
}

/* ---- geometry ---- */

static void check_geo(uint64_t bytes, uint32_t c, uint32_t h, uint32_t s, bool floppy, uint8_t type)
{
	struct disk_geometry g;
	memset(&g, 0xa5, sizeof g);
	disk_geometry_for_size(bytes, &g);
	CHECK_EQ(g.cylinders, c);
	CHECK_EQ(g.heads, h);
	CHECK_EQ(g.sectors, s);
	CHECK_EQ(g.floppy, floppy);
	CHECK_EQ(g.floppy_type, type);
}

static void test_floppy_geometry(void)
{
	check_geo(163840, 40, 1, 8, true, 1);
	check_geo(184320, 40, 1, 9, true, 1);
	check_geo(327680, 40, 2, 8, true, 1);
	check_geo(368640, 40, 2, 9, true, 1);
	check_geo(737280, 80, 2, 9, true, 3);
	check_geo(1228800, 80, 2, 15, true, 2);
	check_geo(1474560, 80, 2, 18, true, 4);
	check_geo(2949120, 80, 2, 36, true, 6);
	/* A sector more or less is no floppy. */
	check_geo(1474560 + 512, 3, 16, 63, false, 0); /* 2881 sectors */
}

static void test_hard_disk_geometry(void)
{
	check_geo(1024, 1, 1, 2, false, 0);           /* 2 sectors */
	check_geo(512, 1, 1, 1, false, 0);
	check_geo(63 * 512, 1, 1, 63, false, 0);
	check_geo(64 * 512, 1, 2, 63, false, 0);      /* 64 sectors: a second head */
	check_geo(1007 * 512, 1, 16, 63, false, 0);
	check_geo(1008 * 512, 1, 16, 63, false, 0);   /* one full cylinder */
	check_geo(1009 * 512, 2, 16, 63, false, 0);
	check_geo(10 << 20, 21, 16, 63, false, 0);    /* 10 MiB = 20480 sectors */
	check_geo(1024ull * 1008 * 512, 1024, 16, 63, false, 0);
	check_geo(4ull << 30, 1024, 16, 63, false, 0); /* beyond CHS: capped */
	check_geo(0, 1, 1, 1, false, 0);
}

/* Every sector of an image up to 1024 x 16 x 63 sectors has a CHS
 * address, within int 13h's limits. */
static void test_geometry_covers(void)
{
	static const uint64_t sizes[] = { 1, 2, 3, 62, 63, 64, 100, 1000, 1007, 1008, 1009,
					  5000, 1024 * 1008 - 1, 1024 * 1008 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct disk_geometry g;
		disk_geometry_for_size(sizes[i] * DISK_SECTOR, &g);
		CHECK(g.sectors >= 1 && g.sectors <= 63);
		CHECK(g.heads >= 1 && g.heads <= 255);
		CHECK(g.cylinders >= 1 && g.cylinders <= 1024);
		CHECK((uint64_t)g.cylinders * g.heads * g.sectors >= sizes[i]);
		uint64_t lba = 0;
		CHECK(disk_chs_to_lba(&g, g.cylinders - 1, g.heads - 1, g.sectors, &lba));
		CHECK(lba + 1 >= sizes[i]);
	}
}

static void test_chs_to_lba(void)
{
	struct disk_geometry g;
	uint64_t lba = 99;
	disk_geometry_for_size(1474560, &g);
	CHECK(disk_chs_to_lba(&g, 0, 0, 1, &lba));
	CHECK_EQ(lba, 0);
	CHECK(disk_chs_to_lba(&g, 0, 0, 18, &lba));
	CHECK_EQ(lba, 17);
	CHECK(disk_chs_to_lba(&g, 0, 1, 1, &lba));
	CHECK_EQ(lba, 18);
	CHECK(disk_chs_to_lba(&g, 1, 0, 1, &lba));
	CHECK_EQ(lba, 36);
	CHECK(disk_chs_to_lba(&g, 79, 1, 18, &lba));
	CHECK_EQ(lba, 2879);
	lba = 99;
	CHECK(!disk_chs_to_lba(&g, 0, 0, 0, &lba));   /* sectors count from 1 */
	CHECK(!disk_chs_to_lba(&g, 0, 0, 19, &lba));
	CHECK(!disk_chs_to_lba(&g, 0, 2, 1, &lba));
	CHECK(!disk_chs_to_lba(&g, 80, 0, 1, &lba));
	CHECK_EQ(lba, 99);                             /* untouched when refused */
	disk_geometry_for_size(10 << 20, &g);
	CHECK(disk_chs_to_lba(&g, 2, 3, 4, &lba));
	CHECK_EQ(lba, (2 * 16 + 3) * 63 + 3);
}

/* ---- the overlay on its own ---- */

static void test_overlay_map(void)
{
	struct disk_overlay *o = disk_overlay_new();
	uint8_t s[DISK_SECTOR];
	CHECK(o != NULL);
	CHECK(disk_overlay_get(o, 5) == NULL);
	/* Enough entries to grow the table several times, spread and dense. */
	for (uint64_t i = 0; i < 1000; i++) {
		memset(s, (int)(i & 0xff), sizeof s);
		CHECK_EQ(disk_overlay_put(o, i * 7919, s), 0);
	}
	CHECK_EQ(disk_overlay_count(o), 1000);
	memset(s, 0xee, sizeof s);
	CHECK_EQ(disk_overlay_put(o, 7919 * 3, s), 0); /* a replacement, not a new entry */
	CHECK_EQ(disk_overlay_count(o), 1000);
	CHECK_EQ(disk_overlay_get(o, 7919 * 3)[511], 0xee);
	/* Drop every third; the rest must all still be found. */
	for (uint64_t i = 0; i < 1000; i += 3)
		disk_overlay_drop(o, i * 7919);
	disk_overlay_drop(o, 1); /* never written: nothing happens */
	CHECK_EQ(disk_overlay_count(o), 1000 - 334);
	bool all = true;
	for (uint64_t i = 0; i < 1000; i++) {
		const uint8_t *p = disk_overlay_get(o, i * 7919);
		if (i % 3 == 0)
			all &= p == NULL;
		else
			all &= p != NULL && p[0] == (i & 0xff) && p[511] == (i & 0xff);
	}
	CHECK(all);
	disk_overlay_free(o);
	disk_overlay_free(NULL);
}

/* ---- reading and writing ---- */

static void test_overlay_disk(void)
{
	char path[128], err[256] = "";
	struct disk d;
	uint8_t buf[4 * DISK_SECTOR], w[2 * DISK_SECTOR];
	path_in_dir(path, sizeof path, "overlay.img");
	make_image(path, 2880); /* 1.44M */
	CHECK_EQ(disk_open(&d, path, false, err, sizeof err), 0);
	CHECK_STR(d.path, path);
	CHECK_EQ(d.sectors, 2880);
	CHECK(d.geo.floppy);
	CHECK_EQ(disk_read(&d, 1, 2, buf), 0);
	CHECK_EQ(buf[0], 2);
	CHECK_EQ(buf[DISK_SECTOR + 511], 3);
	memset(w, 0xab, DISK_SECTOR);
	memset(w + DISK_SECTOR, 0xcd, DISK_SECTOR);
	CHECK_EQ(disk_write(&d, 2, 2, w), 0);
	/* Read back across the overlay and the file: 1 file, 2-3 overlay, 4 file. */
	CHECK_EQ(disk_read(&d, 1, 4, buf), 0);
	CHECK_EQ(buf[0], 2);
	CHECK_EQ(buf[DISK_SECTOR], 0xab);
	CHECK_EQ(buf[2 * DISK_SECTOR + 511], 0xcd);
	CHECK_EQ(buf[3 * DISK_SECTOR], 5);
	CHECK_EQ(d.sectors_read, 6);
	CHECK_EQ(d.sectors_written, 2);
	CHECK_EQ(file_byte(path, 2), 3); /* the file never saw it */
	/* The last sector is fine; one past it is refused, nothing done. */
	CHECK_EQ(disk_read(&d, 2879, 1, buf), 0);
	CHECK_EQ(buf[0], 2880 & 0xff);
	memset(buf, 0x11, sizeof buf);
	CHECK_EQ(disk_read(&d, 2879, 2, buf), -1);
	CHECK_EQ(disk_read(&d, 2880, 1, buf), -1);
	CHECK_EQ(disk_read(&d, UINT64_MAX, 1, buf), -1);
	CHECK_EQ(buf[0], 0x11);
	CHECK_EQ(disk_write(&d, 2879, 2, w), -1);
	CHECK_EQ(disk_write(&d, UINT64_MAX - 1, 2, w), -1);
	CHECK_EQ(disk_read(&d, 2879, 1, buf), 0);
	CHECK_EQ(buf[0], 2880 & 0xff); /* the refused write left the last sector */
	CHECK_EQ(d.sectors_written, 2);
	disk_close(&d);
	CHECK(d.path == NULL);
	CHECK_EQ(d.fd, -1);
	disk_close(&d); /* twice is fine */
	CHECK_EQ(file_byte(path, 2), 3);
	CHECK_EQ(file_byte(path, 3), 4);
}

static void test_write_through(void)
{
	char path[128], err[256] = "";
	struct disk d;
	uint8_t w[DISK_SECTOR], buf[DISK_SECTOR];
	path_in_dir(path, sizeof path, "through.img");
	make_image(path, 4);
	CHECK_EQ(disk_open(&d, path, true, err, sizeof err), 0);
	CHECK(d.write_through);
	CHECK(!d.geo.floppy);
	CHECK_EQ(d.geo.sectors, 4);
	memset(w, 0x5a, sizeof w);
	CHECK_EQ(disk_write(&d, 3, 1, w), 0);
	CHECK_EQ(file_byte(path, 3), 0x5a); /* at once, not at close */
	CHECK_EQ(disk_read(&d, 3, 1, buf), 0);
	CHECK_EQ(buf[100], 0x5a);
	CHECK_EQ(disk_write(&d, 4, 1, w), -1);
	disk_close(&d);
	CHECK_EQ(file_byte(path, 3), 0x5a);
	CHECK_EQ(file_byte(path, 2), 3);
}

/* A file that shrinks under kvm-tui is a host I/O error, not a hang. */
static void test_io_error(void)
{
	char path[128], err[256] = "";
	struct disk d;
	uint8_t buf[DISK_SECTOR];
	path_in_dir(path, sizeof path, "shrinks.img");
	make_image(path, 8);
	CHECK_EQ(disk_open(&d, path, false, err, sizeof err), 0);
	CHECK_EQ(truncate(path, DISK_SECTOR), 0);
	CHECK_EQ(disk_read(&d, 0, 1, buf), 0);
	CHECK_EQ(disk_read(&d, 5, 1, buf), -2);
	CHECK_EQ(d.sectors_read, 1);
	disk_close(&d);
}

static void test_closed_disk(void)
{
	struct disk d;
	uint8_t buf[DISK_SECTOR];
	bool stdin_open = fcntl(0, F_GETFD) != -1;
	memset(&d, 0, sizeof d);
	disk_close(&d); /* a zeroed struct: must not close fd 0 */
	CHECK_EQ(fcntl(0, F_GETFD) != -1, stdin_open);
	CHECK_EQ(disk_read(&d, 0, 0, buf), -2);
}

/* ---- files disk_open refuses ---- */

static void check_refused(const char *path, bool write_through, const char *why)
{
	char err[256] = "";
	struct disk d;
	memset(&d, 0xa5, sizeof d);
	CHECK_EQ(disk_open(&d, path, write_through, err, sizeof err), -1);
	CHECK(strncmp(err, path, strlen(path)) == 0);
	CHECK_CONTAINS(err, why);
	CHECK(strchr(err, '\n') == NULL);
	CHECK(d.path == NULL);
	disk_close(&d);
}

static void test_refusals(void)
{
	char path[128];
	path_in_dir(path, sizeof path, "missing.img");
	check_refused(path, false, "no such file");
	path_in_dir(path, sizeof path, "sub");
	CHECK_EQ(mkdir(path, 0755), 0);
	check_refused(path, false, "is a directory");
	check_refused(path, true, "is a directory");
	path_in_dir(path, sizeof path, "fifo");
	CHECK_EQ(mkfifo(path, 0644), 0);
	check_refused(path, false, "FIFO"); /* the alarm in main catches a hang */
	check_refused(path, true, "FIFO");
	check_refused("/dev/null", false, "device");
	path_in_dir(path, sizeof path, "empty.img");
	make_bytes(path, 0);
	check_refused(path, false, "is empty");
	path_in_dir(path, sizeof path, "odd.img");
	make_bytes(path, 513);
	check_refused(path, false, "size 513 is not a multiple of 512 bytes");
	path_in_dir(path, sizeof path, "huge.img");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0 && ftruncate(fd, (off_t)((2ull << 40) + DISK_SECTOR)) == 0)
		check_refused(path, false, "larger than 2 TiB");
	else
		printf("SKIP: this filesystem cannot hold a sparse file over 2 TiB\n");
	if (fd >= 0)
		close(fd);
	unlink(path);
}

/* The refusals that depend on permissions: run as an ordinary user. When
 * root runs the test, a child gives up root first (root may read and
 * write anything), and reports the message it got through a pipe. */
static int open_as_user(const char *path, bool write_through, char *err, size_t errlen)
{
	if (geteuid() != 0) {
		struct disk d;
		int rc = disk_open(&d, path, write_through, err, errlen);
		disk_close(&d);
		return rc;
	}
	int p[2];
	if (pipe(p))
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		struct disk d;
		char msg[256] = "";
		close(p[0]);
		if (setgid(NOBODY) || setuid(NOBODY))
			_exit(2);
		int rc = disk_open(&d, path, write_through, msg, sizeof msg);
		ssize_t n = write(p[1], msg, strlen(msg));
		(void)n;
		_exit(rc == -1 ? 0 : 1);
	}
	close(p[1]);
	ssize_t n = read(p[0], err, errlen - 1);
	err[n > 0 ? n : 0] = '\0';
	close(p[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? (WEXITSTATUS(status) == 0 ? -1 : WEXITSTATUS(status) == 2 ? 1 : 0) : 1;
}

static void test_permissions(void)
{
	char path[128], err[256] = "";
	path_in_dir(path, sizeof path, "readonly.img");
	make_image(path, 2);
	CHECK_EQ(chmod(path, 0444), 0);
	int rc = open_as_user(path, true, err, sizeof err);
	if (rc == 1) {
		printf("SKIP: read-only and unreadable images (cannot run as an ordinary user)\n");
		return;
	}
	CHECK_EQ(rc, -1);
	CHECK(strncmp(err, path, strlen(path)) == 0);
	CHECK_CONTAINS(err, "--disk-write needs write access");
	CHECK_EQ(open_as_user(path, false, err, sizeof err), 0); /* reading it is fine */
	CHECK_EQ(chmod(path, 0), 0);
	CHECK_EQ(open_as_user(path, false, err, sizeof err), -1);
	CHECK_CONTAINS(err, "permission denied");
	CHECK_EQ(open_as_user(path, true, err, sizeof err), -1);
	CHECK_CONTAINS(err, "permission denied");
}

static void remove_dir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int main(void)
{
	alarm(60); /* a FIFO opened the blocking way would hang here: fail instead */
	snprintf(dir, sizeof dir, "/tmp/kvmtui-disk-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	chmod(dir, 0755); /* the unprivileged child must reach the files */
	test_floppy_geometry();
	test_hard_disk_geometry();
	test_geometry_covers();
	test_chs_to_lba();
	test_overlay_map();
	test_overlay_disk();
	test_write_through();
	test_io_error();
	test_closed_disk();
	test_refusals();
	test_permissions();
	remove_dir();
	return check_done();
}
