/* SPDX-License-Identifier: MIT */
/* test_kstats_why.c - when KVM's binary statistics cannot be read, the
 * reason is kept and said once (--stats, the statistics pane), not lost. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "kstats_reader.h"
#include "stats_report.h"

/* /dev/null is no vCPU: KVM_GET_STATS_FD fails, and the reason says so. */
static void test_open_failure_has_a_reason(void)
{
	struct kstats_reader r;
	char why[128] = "";
	int fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(kstats_reader_open(&r, fd, why, sizeof why), -1);
	CHECK_CONTAINS(why, "KVM_GET_STATS_FD: ");
	CHECK(strlen(why) > strlen("KVM_GET_STATS_FD: "));
	CHECK_EQ(r.fd, -1);
	CHECK_EQ(kstats_reader_open(&r, fd, NULL, 0), -1); /* no room for a reason: fine */
	close(fd);
}

static void test_report_line(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	stats_report_kstats(out, NULL);
	fflush(out);
	CHECK_EQ(len, 0);
	stats_report_kstats(out, "KVM_GET_STATS_FD: Inappropriate ioctl for device");
	fclose(out);
	CHECK_STR(text, "KVM's own counters: not available: KVM_GET_STATS_FD: Inappropriate ioctl for device\n");
	free(text);
}

int main(void)
{
	test_open_failure_has_a_reason();
	test_report_line();
	return check_done();
}
