/* stats_report.h - the --stats summary: exits per reason and per second. */
#ifndef KVMTUI_STATS_REPORT_H
#define KVMTUI_STATS_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "counters.h"

void stats_report(FILE *out, struct exit_counters *counters, uint64_t elapsed_ns);

#endif
