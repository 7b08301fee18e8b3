/* SPDX-License-Identifier: MIT */
/* loader_msg.c - the loader's error messages: every one names the file and
 * says sizes the way the --mem option takes them, so the fix is obvious. */
#include <stdarg.h>
#include <stdio.h>

#include "loader_internal.h"

#define KIB (1ull << 10)
#define MIB (1ull << 20)
#define GIB (1ull << 30)

int loader_fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
	if (!err || errlen == 0)
		return -1;
	int n = 0;
	if (path)
		n = snprintf(err, errlen, "%s: ", path);
	if (n < 0 || (size_t)n >= errlen)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Whole units print without decimals ("16 MiB"), others with one decimal,
 * rounded down; a size that would then look whole ("16.0 MiB" for one byte
 * too many) prints in bytes, so the message never reads "16 MiB does not
 * fit in 16 MiB". */
static void size_in(uint64_t bytes, uint64_t unit, const char *name, char *buf, size_t len)
{
	unsigned long long whole = bytes / unit;
	unsigned long long tenths = (bytes % unit) * 10 / unit;

	if (bytes % unit == 0)
		snprintf(buf, len, "%llu %s", whole, name);
	else if (tenths == 0)
		snprintf(buf, len, "%llu bytes", (unsigned long long)bytes);
	else
		snprintf(buf, len, "%llu.%llu %s", whole, tenths, name);
}

void loader_size_str(uint64_t bytes, char *buf, size_t len)
{
	if (bytes >= GIB)
		size_in(bytes, GIB, "GiB", buf, len);
	else if (bytes >= MIB)
		size_in(bytes, MIB, "MiB", buf, len);
	else if (bytes >= KIB)
		size_in(bytes, KIB, "KiB", buf, len);
	else
		snprintf(buf, len, "%llu bytes", (unsigned long long)bytes);
}

void loader_mem_hint(uint64_t needed, char *buf, size_t len)
{
	uint64_t mem = MIB; /* smaller hints would only invite another error */
	while (mem < needed && mem < (1ull << 62))
		mem <<= 1;
	if (mem >= GIB)
		snprintf(buf, len, "%lluG", (unsigned long long)(mem / GIB));
	else
		snprintf(buf, len, "%lluM", (unsigned long long)(mem / MIB));
}
