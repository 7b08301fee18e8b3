/* SPDX-License-Identifier: MIT */
/* backend_replay.h - the CPU backend that plays a recording back.
 *
 * Each run returns the next recorded exit at its recorded pace (scaled by
 * the console's replay speed), with the registers, text and kernel
 * statistics recorded around it. No KVM anywhere: a recording plays on any
 * machine.
 */
#ifndef KVMTUI_BACKEND_REPLAY_H
#define KVMTUI_BACKEND_REPLAY_H

#include <stddef.h>

#include "control.h"
#include "cpu_backend.h"
#include "vm.h"

/* Opens and reads the whole recording once (so a corrupt file is refused
 * now, with one line in err) and fills *summary. ctl is where a pacing wait
 * sleeps, so any console request cuts it short. */
struct cpu_backend *backend_replay_open(const char *path, struct control *ctl, const struct backend_sink *sink,
					struct replay_summary *summary, char *err, size_t errlen);

/* Gives the replay a memory to show (the guest image as loaded, read by
 * the vmm, which knows how images are placed): read copies guest-physical
 * bytes and returns how many could be read, as cpu_backend's read_phys.
 * Without it a replay has no memory (read_phys reads nothing). ctx must
 * outlive the backend. */
void backend_replay_set_memory(struct cpu_backend *be,
			       size_t (*read)(const void *ctx, uint64_t addr, void *buf, size_t len),
			       const void *ctx);

#endif
