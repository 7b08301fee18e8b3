/* SPDX-License-Identifier: MIT */
/* gdb_tdesc.h - the XML target description gdb reads with
 * qXfer:features:read:target.xml, generated from the register tables of
 * gdb_regs.h so that its numbering is the stub's.
 *
 * x86-64 says <architecture>i386:x86-64</architecture>; i386 says i386,
 * and gdb can then be told `set architecture i8086` for real-mode code
 * (only the disassembler changes: registers stay the 32-bit ones). Which
 * of the two a session serves is decided when gdb connects (gdb_session.h).
 */
#ifndef KVMTUI_GDB_TDESC_H
#define KVMTUI_GDB_TDESC_H

#include <stddef.h>

#include "gdb_regs.h"

/* Big enough for either description. */
#define GDB_TDESC_MAX 8192

/* Writes the description of arch into buf (NUL-terminated): its length,
 * or 0 if cap is too small. */
size_t gdb_tdesc_xml(enum gdb_arch arch, char *buf, size_t cap);

#endif
