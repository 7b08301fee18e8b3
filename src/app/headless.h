/* headless.h - the console without a UI: serial to stdout, stdin to the guest. */
#ifndef KVMTUI_HEADLESS_H
#define KVMTUI_HEADLESS_H

#include "options.h"
#include "seam.h"

/* Call before the vCPU thread starts: SIGINT/SIGTERM become events. */
int headless_prepare(void);
/* Runs until the guest stops or a bound is reached; returns the exit status. */
int headless_run(struct seam *seam, const struct cli_options *o);

#endif
