/* SPDX-License-Identifier: MIT */
/* slow_motion.h - the steps of the exit-rate cap behind + and -.
 *
 * From unlimited down to one exit a second, so a class can follow a guest
 * one exit at a time. 0 means unlimited (control_set_rate_limit's unit).
 */
#ifndef KVMTUI_SLOW_MOTION_H
#define KVMTUI_SLOW_MOTION_H

#include <stddef.h>
#include <stdint.h>

uint32_t slow_motion_faster(uint32_t limit);
uint32_t slow_motion_slower(uint32_t limit);
/* "unlimited", "10 exits/s". */
void slow_motion_label(char *buf, size_t n, uint32_t limit);

#endif
