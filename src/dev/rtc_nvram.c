/* SPDX-License-Identifier: MIT */
/* rtc_nvram.c - the CMOS RAM as a PC BIOS leaves it at boot.
 *
 * Guests (and the BIOS they expect to have run) read the machine's memory
 * size and equipment here rather than probing: the IBM AT layout, which
 * every PC BIOS since keeps. Sizes are little-endian 16-bit pairs; the
 * checksum over 0x10-0x2d is a plain 16-bit sum stored big-endian.
 */
#include "rtc_internal.h"

#include <string.h>

#define KIB 1024u
#define MIB (1024u * 1024u)
#define RTC_BASE_MEM_KIB 640u /* conventional memory below the video hole */
#define RTC_CHECKSUM_FIRST 0x10
#define RTC_CHECKSUM_LAST 0x2d

static void rtc_put16(uint8_t *ram, uint8_t lo_index, uint64_t value)
{
	if (value > 0xffff)
		value = 0xffff; /* the byte pair's limit: 64 MiB of extended memory */
	ram[lo_index] = (uint8_t)value;
	ram[lo_index + 1] = (uint8_t)(value >> 8);
}

uint16_t rtc_nvram_checksum(const uint8_t *ram)
{
	uint16_t sum = 0;

	for (unsigned i = RTC_CHECKSUM_FIRST; i <= RTC_CHECKSUM_LAST; i++)
		sum = (uint16_t)(sum + ram[i]);
	return sum;
}

/* Base memory is what lies below 640 KiB; extended is above 1 MiB, in KiB,
 * in two copies (0x17 the configured size, 0x30 the size POST found);
 * above 16 MiB it is counted in 64 KiB blocks, for guests with more than
 * 0xffff KiB can say. */
static void rtc_memory_sizes(uint8_t *ram, uint64_t bytes)
{
	uint64_t base = bytes / KIB < RTC_BASE_MEM_KIB ? bytes / KIB : RTC_BASE_MEM_KIB;
	uint64_t ext = bytes > MIB ? (bytes - MIB) / KIB : 0;
	uint64_t high = bytes > 16 * MIB ? (bytes - 16 * MIB) / (64 * KIB) : 0;

	rtc_put16(ram, RTC_BASE_MEM_LO, base);
	rtc_put16(ram, RTC_EXT_MEM_LO, ext);
	rtc_put16(ram, RTC_EXT_MEM2_LO, ext);
	rtc_put16(ram, RTC_HIGH_MEM_LO, high);
}

void rtc_nvram_init(struct rtc_cmos *r)
{
	uint16_t sum;

	memset(r->ram, 0, sizeof(r->ram));
	r->ram[RTC_REG_A] = RTC_A_DEFAULT;
	r->ram[RTC_REG_B] = RTC_B_DEFAULT;
	r->ram[RTC_REG_D] = RTC_D_VRT;
	r->ram[RTC_EQUIPMENT] = RTC_EQUIPMENT_DEFAULT;
	rtc_memory_sizes(r->ram, r->ram_bytes);
	sum = rtc_nvram_checksum(r->ram);
	r->ram[RTC_CHECKSUM_HI] = (uint8_t)(sum >> 8);
	r->ram[RTC_CHECKSUM_LO] = (uint8_t)sum;
}
