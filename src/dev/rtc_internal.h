/* SPDX-License-Identifier: MIT */
/* rtc_internal.h - what the RTC's source files share, not for other users. */
#ifndef KVMTUI_RTC_INTERNAL_H
#define KVMTUI_RTC_INTERNAL_H

#include "rtc_cmos.h"

int64_t rtc_guest_now(const struct rtc_cmos *r);

/* Register C (rtc_flags.c): bring PF/AF/UF up to the clock, then move the
 * IRQ 8 line to match IRQF. */
void rtc_catch_up(struct rtc_cmos *r);
void rtc_update_irq(struct rtc_cmos *r);
uint8_t rtc_read_c(struct rtc_cmos *r);

/* The NVRAM a BIOS leaves (rtc_nvram.c): registers A-D, sizes, checksum. */
void rtc_nvram_init(struct rtc_cmos *r);
uint16_t rtc_nvram_checksum(const uint8_t *ram);

#endif
