/* SPDX-License-Identifier: MIT */
/* test_install_dir.c - data beside the binary, and guests found by name. */
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "guest_locate.h"
#include "install_dir.h"

int main(void)
{
	char dir[PATH_MAX], exe[PATH_MAX];
	CHECK(install_dir_beside_binary("themes", dir, sizeof(dir)));
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	CHECK(n > 0);
	exe[n > 0 ? n : 0] = '\0';
	*strrchr(exe, '/') = '\0';
	CHECK(strncmp(dir, exe, strlen(exe)) == 0);
	CHECK_CONTAINS(dir, "/../share/kvm-tui/themes");
	char tiny[8];
	CHECK(!install_dir_beside_binary("themes", tiny, sizeof(tiny))); /* never truncated */

	char path[PATH_MAX];
	CHECK_EQ(guest_locate("hello", path, sizeof(path)), 0); /* the source tree's guests/ */
	CHECK_CONTAINS(path, "guests/hello.bin");
	CHECK_EQ(guest_locate("./no/such/guest.bin", path, sizeof(path)), 0); /* a path: as given */
	CHECK_STR(path, "./no/such/guest.bin");
	CHECK(guest_locate("no-such-guest-anywhere", path, sizeof(path)) != 0);
	CHECK_STR(path, "no-such-guest-anywhere"); /* so the loader's error names it */
	return check_done();
}
