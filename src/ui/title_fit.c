/* SPDX-License-Identifier: MIT */
/* title_fit.c - "REPLAY file" shortened to fit (see title_fit.h). */
#include "title_fit.h"

#include <stdio.h>
#include <string.h>

#define NAME_MIN 5 /* "ab~cd": fewer characters tell nothing */

static void safe_name(char *out, size_t n, const char *path)
{
	const char *slash = strrchr(path, '/');
	const unsigned char *s = (const unsigned char *)(slash ? slash + 1 : path);
	size_t len = 0;
	for (; *s && len + 1 < n; s++) {
		if (*s >= 0x80 && *s < 0xc0)
			continue; /* a UTF-8 continuation: its lead byte was the '?' */
		out[len++] = *s >= 0x20 && *s < 0x7f ? (char)*s : '?';
	}
	out[len] = '\0';
}

void title_fit(char *buf, size_t n, const char *prefix, const char *path, int room)
{
	buf[0] = '\0';
	if (!prefix || n == 0)
		return;
	int plen = (int)strlen(prefix);
	char name[256];
	safe_name(name, sizeof(name), path ? path : "");
	int len = (int)strlen(name);
	int keep = room - plen - 1; /* columns for the name after "PREFIX " */
	if (len && keep >= len)
		snprintf(buf, n, "%s %s", prefix, name);
	else if (len && keep >= NAME_MIN) {
		int tail = (keep - 1) / 2, head = keep - 1 - tail;
		snprintf(buf, n, "%s %.*s~%s", prefix, head, name, name + len - tail);
	} else if (room >= plen)
		snprintf(buf, n, "%s", prefix);
}
