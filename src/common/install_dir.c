/* SPDX-License-Identifier: MIT */
/* install_dir.c - the share directory next to the running binary. */
#include "install_dir.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool install_dir_beside_binary(const char *what, char *out, size_t outlen)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe));
	if (n <= 0 || (size_t)n >= sizeof(exe)) /* a full buffer may be a truncated path */
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	int w = snprintf(out, outlen, "%s/../share/kvm-tui/%s", exe, what);
	return w > 0 && (size_t)w < outlen;
}
