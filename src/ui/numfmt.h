/* SPDX-License-Identifier: MIT */
/* numfmt.h - numbers and durations short enough for a status line. Pure. */
#ifndef KVMTUI_NUMFMT_H
#define KVMTUI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

/* 999, 1.2k, 118k, 1.5M, 12G: three significant digits at most. */
void numfmt_count(char *buf, size_t n, uint64_t v);
/* 850us, 2.1ms, 1.42s, 12.3s, 4m05s, 1h02m. */
void numfmt_duration(char *buf, size_t n, uint64_t ns);

#endif
