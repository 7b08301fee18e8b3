/* SPDX-License-Identifier: MIT */
/* install_dir.h - where an installed kvm-tui keeps its data, found at run time. */
#ifndef KVMTUI_INSTALL_DIR_H
#define KVMTUI_INSTALL_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* <prefix>/bin/kvm-tui -> "<prefix>/bin/../share/kvm-tui/<what>", so an
 * install still finds its guests and themes after being moved (or made with
 * a --prefix other than the configured one). false if it cannot tell. */
bool install_dir_beside_binary(const char *what, char *out, size_t outlen);

#endif
