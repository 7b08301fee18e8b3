/* SPDX-License-Identifier: MIT */
/* guest_mode.c - the start modes by name. */
#include <string.h>

#include "vm.h"

static const char *const mode_names[] = {
	[GUEST_MODE_AUTO] = "auto",
	[GUEST_MODE_REAL] = "real",
	[GUEST_MODE_PROTECTED] = "protected",
	[GUEST_MODE_PAGED] = "paged",
	[GUEST_MODE_LONG] = "long",
};

const char *guest_mode_name(enum guest_mode mode)
{
	if ((unsigned)mode < sizeof(mode_names) / sizeof(mode_names[0]))
		return mode_names[mode];
	return "?";
}

int guest_mode_parse(const char *text, enum guest_mode *out)
{
	for (unsigned m = GUEST_MODE_REAL; m <= GUEST_MODE_LONG; m++) {
		if (strcmp(text, mode_names[m]) == 0) {
			*out = (enum guest_mode)m;
			return 0;
		}
	}
	return -1;
}
