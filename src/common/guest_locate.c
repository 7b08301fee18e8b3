/* SPDX-License-Identifier: MIT */
/* guest_locate.c - finding installed guests by name. */
#include "guest_locate.h"

#include "install_dir.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool try_dir(const char *dir, const char *name, char *out, size_t outlen)
{
	static const char *const suffixes[] = { "", ".bin", ".elf" };
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		int n = snprintf(out, outlen, "%s/%s%s", dir, name, suffixes[i]);
		if (n > 0 && (size_t)n < outlen && is_file(out))
			return true;
	}
	return false;
}

int guest_locate(const char *name, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", name);
	if (strchr(name, '/') || is_file(name) || !*name)
		return 0;
	char dir[PATH_MAX];
	if (install_dir_beside_binary("guests", dir, sizeof(dir)) && try_dir(dir, name, out, outlen))
		return 0;
	if (try_dir(KVMTUI_DATADIR "/guests", name, out, outlen))
		return 0;
	if (try_dir(KVMTUI_SOURCE_DIR "/guests", name, out, outlen))
		return 0;
	snprintf(out, outlen, "%s", name);
	return -1;
}
