/* SPDX-License-Identifier: MIT */
/* regs_report.h - the registers as a few lines of text, for a headless run
 * that stopped at a breakpoint (scripts and tests read them). */
#ifndef KVMTUI_REGS_REPORT_H
#define KVMTUI_REGS_REPORT_H

#include <stdio.h>

#include "cpu_state.h"

/* Named and sized for the CPU's mode, as the vCPU pane shows them:
 *   mode REAL  CS:IP 0000:7c1e (linear 07c1e)
 *   AX 0048  BX 0000  CX 0000  DX 03f8  SI 7c24  DI 0000  SP 7c00  BP 0000
 *   FLAGS 0002 (none set)
 *   CS 0000 base 00000000  DS 0000 ... */
void regs_report(FILE *out, const struct cpu_state *cpu);

#endif
