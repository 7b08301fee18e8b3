/* SPDX-License-Identifier: MIT */
/* guest_locate.h - from "hello" or "guests/hello.bin" to a file to load. */
#ifndef KVMTUI_GUEST_LOCATE_H
#define KVMTUI_GUEST_LOCATE_H

#include <stddef.h>

/* A path (anything with a '/', or an existing file) is used as it is. A bare
 * name is looked up as NAME and NAME.bin in the installed share/kvm-tui/guests
 * (next to the binary, then the configured prefix) and the source tree's
 * guests/. Writes the chosen path to out; returns 0, or -1 if not found
 * (out then holds the name as given, so the loader's error names it). */
int guest_locate(const char *name, char *out, size_t outlen);

#endif
